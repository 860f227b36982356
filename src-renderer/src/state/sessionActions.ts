// The session part of the store: main's auth state read at start, when main says the session
// changed, on the session bar's poll, and after each auth call the window makes.
import type { AppErrorView, AuthState, Result, SessionView, WindowApi } from '@shared/contract';
import { accountOf, withAuth, type AppState } from './appState';
import type { Store } from './store';

export function createSessionActions(store: Store<AppState>, api: () => WindowApi) {
  // Bumped by every change: a read that started before a newer change is dropped, so a slow poll
  // cannot undo a sign-out.
  let version = 0;

  function apply(auth: AuthState) {
    version += 1;
    store.set((state) => withAuth(state, auth));
  }

  function applySession(session: SessionView | null) {
    version += 1;
    store.set((state) => (state.auth ? withAuth(state, { ...state.auth, session }) : state));
  }

  async function refresh() {
    const started = ++version;
    const result = await api().auth.state({});
    if (started !== version) return;
    if (result.ok) store.set((state) => ({ ...withAuth(state, result.data), authLoadError: null }));
    else store.set((state) => ({ ...state, authLoadError: result.error.message }));
  }

  /**
   * An account change answered with the auth state: applied, or its sentence returned. A switch
   * keeps the tabs' answers (main keeps them, each marked with its account) even while the chosen
   * account asks to sign in; a removal of the current account is a sign-out and drops them.
   */
  async function accountCall(call: Promise<Result<AuthState>>, keepAnswers = true): Promise<string | null> {
    const result = await call;
    if (!result.ok) return result.error.message;
    version += 1;
    store.set((state) => {
      const next = withAuth(state, result.data);
      return keepAnswers ? { ...next, tabs: state.tabs } : next;
    });
    return null;
  }

  const setReauthOpen = (open: boolean) => store.set((state) => (state.reauthOpen === open ? state : { ...state, reauthOpen: open }));

  return {
    refresh,
    /** A sign-in (setup screen, Sign in again) answered with this session; the rest of the auth state follows. */
    signedIn(session: SessionView) {
      applySession(session);
      void refresh();
    },
    /** Sign-out answered with the auth state as it is now. */
    signedOut: apply,
    /** Saved accounts (docs/architecture.md, "Accounts"): each resolves to null or the sentence it failed with. */
    switchAccount: (id: string) => accountCall(api().accounts.switch({ id })),
    addAccount: () => accountCall(api().accounts.add({})),
    renameAccount: (id: string, name: string) => accountCall(api().accounts.rename({ id, name })),
    removeAccount: (id: string) => accountCall(api().accounts.remove({ id }), false),
    openReauth: () => setReauthOpen(true),
    closeReauth: () => setReauthOpen(false),
    /** "Don't ask again until I sign out": for the account signed in now. */
    stopConfirmingWrites: () => store.set((state) => ({ ...state, writeConsent: accountOf(state.auth?.session ?? null) })),
    /** Every failed call is reported here; the ones that change the whole app (signed out, session ended) act. */
    reportError(error: AppErrorView) {
      if (error.code === 'not_signed_in') {
        applySession(null);
        void refresh();
      } else if (error.code === 'reauth_required') {
        setReauthOpen(true);
        void refresh();
      }
    },
  };
}
