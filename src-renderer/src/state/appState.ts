// Everything the renderer's screens share, in one value, and the pure step that keeps its parts
// consistent when main's auth state changes.
import type { AuthState, SessionView, Settings } from '@shared/contract';
import { initialTabs, withoutResponses, type PanelSizes, type TabsState } from './tabsModel';

export type AppState = {
  /** Main's auth state (session, vault, notices); null until first read. */
  auth: AuthState | null;
  /** Why the first read of the auth state failed: the loading screen offers to try again. */
  authLoadError: string | null;
  /** The "Sign in again" dialog is open. */
  reauthOpen: boolean;
  /** "Don't ask again until I sign out" for changes to a real account: the account it was given for. */
  writeConsent: string | null;
  /** Main's settings once read (theme, read-only mode, companies). */
  settings: Settings | null;
  /** The open requests; kept through a trip to the setup screen. */
  tabs: TabsState;
  panelSizes: PanelSizes;
  /** The workspace file was read: nothing is saved before, so a slow read is not overwritten by the blank start. */
  workspaceLoaded: boolean;
};

export function initialAppState(): AppState {
  return {
    auth: null,
    authLoadError: null,
    reauthOpen: false,
    writeConsent: null,
    settings: null,
    tabs: initialTabs(),
    panelSizes: {},
    workspaceLoaded: false,
  };
}

/** The account a session acts for: its host and user. */
export const accountOf = (session: SessionView | null): string | null => (session ? `${session.host}\u0000${session.username}` : null);

/** Writes to a real account ask first, unless "Don't ask again" was given for this very account. */
export const confirmsWrites = (state: AppState): boolean => state.writeConsent !== accountOf(state.auth?.session ?? null);

/**
 * The app state with a new auth state from main, and what follows from it: the write consent is
 * forgotten whenever the session ends, however it ends; at sign-out the tabs drop their responses
 * (main forgot them) and the Sign in again dialog closes; it opens when main first reports that the
 * session waits for the password (once dismissed, the session bar offers it again).
 */
export function withAuth(state: AppState, auth: AuthState): AppState {
  const before = state.auth?.session ?? null;
  const after = auth.session;
  const signedOut = before !== null && after === null;
  const endedNow = (after?.needsSignIn ?? false) && !(before?.needsSignIn ?? false);
  return {
    ...state,
    auth,
    writeConsent: state.writeConsent === accountOf(after) ? state.writeConsent : null,
    tabs: signedOut ? withoutResponses(state.tabs) : state.tabs,
    reauthOpen: signedOut ? false : endedNow || state.reauthOpen,
  };
}
