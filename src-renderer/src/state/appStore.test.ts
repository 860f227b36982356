import { describe, expect, it, vi } from 'vitest';
import type { AuthState, ResponseSummary, SessionView, Settings, WindowApi, Workspace } from '@shared/contract';
import { withPathText } from '../features/explorer/draft';
import { blankEditor, type EditorState } from '../features/explorer/editorState';
import { confirmsWrites } from './appState';
import { createAppStore } from './appStore';
import { NO_RESPONSE, toWorkspace, initialTabs } from './tabsModel';

/** A session as the store reads it: the account (host and user) and whether it waits for the password. */
const session = (overrides: Partial<SessionView> = {}): SessionView =>
  ({ host: 'https://acme.humanity.com', username: 'admin@acme.example', userName: 'Admin', needsSignIn: false, ...overrides }) as SessionView;
const auth = (signedIn: SessionView | null): AuthState => ({
  vault: { protected: true, backend: 'gnome_libsecret', message: '' },
  profile: null,
  session: signedIn,
  notices: [],
  accounts: [],
  currentAccountId: null,
  missing: [],
});
const ok = <T>(data: T) => Promise.resolve({ ok: true as const, data });
const typed = (path: string): EditorState => {
  const editor = blankEditor();
  return { ...editor, draft: withPathText(editor.draft, path) };
};

/** A window api answering auth:state with whatever `current` holds when asked. */
function fakeApi(overrides: Record<string, unknown> = {}) {
  const calls = { workspaceSaves: [] as Workspace[] };
  let current = auth(null);
  const api = {
    auth: { state: vi.fn(() => ok(current)) },
    settings: {
      get: vi.fn(() => ok({ theme: 'dark' } as Settings)),
      update: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'invalid_input', message: 'No.' } })),
    },
    workspace: {
      get: vi.fn(() => ok(toWorkspace(initialTabs(), {}))),
      save: vi.fn((workspace: Workspace) => {
        calls.workspaceSaves.push(workspace);
        return ok({});
      }),
    },
    ...overrides,
  } as unknown as WindowApi;
  return { api, calls, setAuth: (next: AuthState) => (current = next) };
}

describe('the session part', () => {
  it('takes a sign-in, then the rest of the auth state from main', async () => {
    const fake = fakeApi();
    const store = createAppStore(() => fake.api);
    await store.session.refresh();
    fake.setAuth(auth(session({ userName: 'From main' })));
    store.session.signedIn(session());
    expect(store.get().auth?.session?.userName).toBe('Admin');
    await vi.waitFor(() => expect(store.get().auth?.session?.userName).toBe('From main'));
  });

  it('drops a read that started before a newer change, so a slow poll cannot undo a sign-out', async () => {
    let answer: (value: unknown) => void = () => {};
    const fake = fakeApi({ auth: { state: vi.fn(() => new Promise((resolve) => (answer = resolve))) } });
    const store = createAppStore(() => fake.api);
    const poll = store.session.refresh();
    store.session.signedOut(auth(null));
    answer({ ok: true, data: auth(session()) });
    await poll;
    expect(store.get().auth?.session).toBeNull();
  });

  it('keeps the last auth state and says why when a read fails', async () => {
    const fake = fakeApi({ auth: { state: vi.fn(() => Promise.resolve({ ok: false, error: { code: 'internal', message: 'Main is busy.' } })) } });
    const store = createAppStore(() => fake.api);
    await store.session.refresh();
    expect(store.get()).toMatchObject({ auth: null, authLoadError: 'Main is busy.' });
  });

  it('at sign-out forgets the responses, the write consent and the Sign in again dialog', async () => {
    const fake = fakeApi();
    const store = createAppStore(() => fake.api);
    store.session.signedOut(auth(session()));
    const tabId = store.get().tabs.activeId;
    store.tabs.updateResponse(tabId, () => ({ ...NO_RESPONSE, summary: { responseId: 'r1' } as ResponseSummary }));
    store.session.stopConfirmingWrites();
    store.session.openReauth();
    expect(confirmsWrites(store.get())).toBe(false);

    store.session.reportError({ code: 'not_signed_in', message: 'Signed out.' });
    expect(store.get()).toMatchObject({ reauthOpen: false, writeConsent: null });
    expect(store.get().tabs.tabs[0]!.response).toBe(NO_RESPONSE);
  });

  it('a switch keeps the tabs\' answers even when the chosen account asks to sign in; removing the current account drops them', async () => {
    const fake = fakeApi({
      accounts: {
        switch: vi.fn(() => ok(auth(null))),
        remove: vi.fn(() => ok(auth(null))),
      },
    });
    const store = createAppStore(() => fake.api);
    store.session.signedOut(auth(session()));
    const tabId = store.get().tabs.activeId;
    store.tabs.updateResponse(tabId, () => ({ ...NO_RESPONSE, summary: { responseId: 'r1' } as ResponseSummary }));
    expect(await store.session.switchAccount('acct2')).toBeNull();
    expect(store.get().auth?.session).toBeNull();
    expect(store.get().tabs.tabs[0]!.response.summary?.responseId).toBe('r1');
    store.session.signedOut(auth(session()));
    expect(await store.session.removeAccount('acct1')).toBeNull();
    expect(store.get().tabs.tabs[0]!.response).toBe(NO_RESPONSE);
  });

  it('keeps the write consent for the account it was given for only', () => {
    const store = createAppStore(() => fakeApi().api);
    store.session.signedOut(auth(session()));
    store.session.stopConfirmingWrites();
    store.session.signedOut(auth(session({ expiresAt: 5 })));
    expect(confirmsWrites(store.get())).toBe(false);
    store.session.signedOut(auth(session({ username: 'other@example.com' })));
    expect(confirmsWrites(store.get())).toBe(true);
  });

  it('opens Sign in again when main first reports the ended session, and when a call says so', () => {
    const store = createAppStore(() => fakeApi().api);
    store.session.signedOut(auth(session()));
    store.session.signedOut(auth(session({ needsSignIn: true })));
    expect(store.get().reauthOpen).toBe(true);
    store.session.closeReauth();
    // Still ended: dismissed, it stays closed (the session bar offers it).
    store.session.signedOut(auth(session({ needsSignIn: true })));
    expect(store.get().reauthOpen).toBe(false);
    store.session.reportError({ code: 'reauth_required', message: 'Sign in again.' });
    expect(store.get().reauthOpen).toBe(true);
  });
});

describe('the settings part', () => {
  it('loads, and answers a refused save with its sentence', async () => {
    const store = createAppStore(() => fakeApi().api);
    await store.settings.load();
    expect(store.get().settings?.theme).toBe('dark');
    expect(await store.settings.update({ readOnly: true })).toBe('No.');
    expect(store.get().settings?.theme).toBe('dark');
  });
});

describe('the tabs part', () => {
  it('builds each change on the one before, also between renders', () => {
    const store = createAppStore(() => fakeApi().api);
    const tabId = store.get().tabs.activeId;
    store.tabs.updateEditor(tabId, () => typed('employees'));
    const opened = store.tabs.open(typed('me'));
    expect(opened).not.toBe(tabId);
    expect(store.tabs.get(tabId)?.editor.draft.path).toBe('employees');
    expect(store.get().tabs.activeId).toBe(opened);
    store.tabs.close(opened!);
    expect(store.tabs.get(opened!)).toBeNull();
  });

  it('restores the workspace file once, unless something was typed meanwhile', async () => {
    const stored = { ...toWorkspace({ tabs: [{ id: 't1', editor: typed('shifts'), response: NO_RESPONSE, sent: false }], activeId: 't1' }, {}), panelSizes: { sidebarWidth: 300 } };
    const fake = fakeApi({ workspace: { get: vi.fn(() => ok(stored)), save: vi.fn() } });
    const store = createAppStore(() => fake.api);
    await Promise.all([store.tabs.restore(), store.tabs.restore()]);
    expect(fake.api.workspace.get).toHaveBeenCalledTimes(1);
    expect(store.get()).toMatchObject({ workspaceLoaded: true, panelSizes: { sidebarWidth: 300 }, tabs: { activeId: 't1' } });

    const typedFirst = createAppStore(() => fake.api);
    typedFirst.tabs.updateEditor(typedFirst.get().tabs.activeId, () => typed('me'));
    await typedFirst.tabs.restore();
    expect(typedFirst.get().tabs.tabs.map((tab) => tab.editor.draft.path)).toEqual(['me']);
  });

  it('saves only once the file was read, and only what changed', async () => {
    const fake = fakeApi();
    const store = createAppStore(() => fake.api);
    store.tabs.save();
    expect(fake.calls.workspaceSaves).toHaveLength(0);
    await store.tabs.restore();
    store.tabs.save();
    store.tabs.save();
    expect(fake.calls.workspaceSaves).toHaveLength(1);
    store.tabs.setPanelSize('sidebarWidth', 320);
    store.tabs.save();
    expect(fake.calls.workspaceSaves.at(-1)?.panelSizes).toEqual({ sidebarWidth: 320 });
  });
});
