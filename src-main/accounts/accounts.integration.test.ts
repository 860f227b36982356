// Saved accounts through the real core: two sandboxes over real HTTP, real conf files, the fake
// OS key store. What a switch must end (docs/architecture.md, "A session is a generation").
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthState, Result, ResponseSummary } from '../shared/contract';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { getRequest, startCore } from '../testing/core-fixture';
import { createFakeSafeStorage } from '../testing/fake-safe-storage';
import { createConfFactory } from '../testing/conf-factory';
import { createSafeStorageVault } from '../vault/vault';
import { openAuthStore } from '../auth/auth-store';
import { ACCOUNTS_FILE } from '../testing/saved-sign-in';
import { readWorkbook } from '../testing/read-workbook';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** A sandbox whose tokens and secrets carry its letter, so a log shows whose they are. */
async function lettered(letter: 'a' | 'b'): Promise<SandboxServer> {
  let n = 0;
  const server = await startSandbox({
    clientId: `app-${letter}`,
    clientSecret: `secret-of-account-${letter}-0123456789`,
    username: `admin-${letter}@example.com`,
    password: `password-${letter}-long-enough`,
    tokenFactory: (kind) => `${kind}-token-of-${letter}-${(n += 1)}-abcdef0123456789`,
  });
  open.push(server);
  return server;
}

const credentialsOf = (letter: 'a' | 'b', server: SandboxServer, rememberPassword = false) => ({
  host: server.url,
  appId: `app-${letter}`,
  appSecret: `secret-of-account-${letter}-0123456789`,
  username: `admin-${letter}@example.com`,
  password: `password-${letter}-long-enough`,
  redirectUri: '',
  rememberPassword,
  accountName: `Company ${letter.toUpperCase()}`,
});

/** Signs in to A, then adds B as a second account; B is current. */
async function twoAccounts(options: { keyStore?: { backend?: string; key?: Buffer }; remember?: boolean; userDataDir?: string; saveTo?: string } = {}) {
  const [a, b] = [await lettered('a'), await lettered('b')];
  const dialogs = options.saveTo ? { saveFile: async () => options.saveTo! } : undefined;
  const f = await startCore({ sandbox: a, keyStore: options.keyStore, userDataDir: options.userDataDir, dialogs });
  open.push(f);
  ok(await f.call('auth:login', credentialsOf('a', a, options.remember)));
  ok(await f.call('accounts:add'));
  ok(await f.call('auth:login', credentialsOf('b', b, options.remember)));
  const state = ok(await f.call('auth:state'));
  const id = (name: string) => state.accounts.find((account) => account.name === name)!.id;
  return { f, a, b, idA: id('Company A'), idB: id('Company B') };
}

/** No token, secret or password of `other` ever reached `server`. */
function expectNothingOf(server: SandboxServer, other: 'a' | 'b') {
  const seen = JSON.stringify(server.requestLog());
  expect(server.requestLog().length).toBeGreaterThan(0);
  expect(seen).not.toMatch(new RegExp(`token-of-${other}-|account-${other}-|password-${other}-`));
}

describe('saved accounts', () => {
  it('saves each sign-in as a named account, switches between them and keeps each one sealed on its own', async () => {
    const { f, a, b, idA, idB } = await twoAccounts();
    const state = ok(await f.call('auth:state'));
    expect(state.accounts.map((account) => account.name)).toEqual(['Company A', 'Company B']);
    expect(state.session).toMatchObject({ accountId: idB, accountName: 'Company B', host: b.url });
    const switched = ok(await f.call('accounts:switch', { id: idA }));
    expect(switched.session).toMatchObject({ accountId: idA, host: a.url, username: 'admin-a@example.com' });
    const answer = ok(await f.call('request:send', getRequest('me')));
    expect(answer.account).toEqual({ id: idA, name: 'Company A' });
    const file = readFileSync(join(f.userDataDir, ACCOUNTS_FILE), 'utf8');
    for (const secret of ['secret-of-account-a', 'secret-of-account-b', 'token-of-']) expect(file).not.toContain(secret);
    expect(JSON.parse(file).accounts.every((account: { secrets: unknown }) => account.secrets !== null)).toBe(true);
    expectNothingOf(a, 'b');
    expectNothingOf(b, 'a');
  });

  it('a switch ends the old session: its request in flight stops, is recorded as stopped under its own account only, and no token crosses hosts', async () => {
    const { f, a, b, idA, idB } = await twoAccounts({ remember: true });
    ok(await f.call('accounts:switch', { id: idA }));
    a.setFaults({ latencyMs: 400 });
    const inFlight = f.call('request:send', getRequest('employees'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    ok(await f.call('accounts:switch', { id: idB }));
    const stopped = await inFlight;
    expect(stopped).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Stopped: you switched to the account Company B/) } });
    const onB = ok(await f.call('request:send', getRequest('me')));
    expect(onB.account?.name).toBe('Company B');
    const listed = async (accountId?: string) => ok(await f.call('history:list', { query: '', offset: 0, limit: 50, ...(accountId ? { accountId } : {}) })).entries;
    expect((await listed()).map((entry) => entry.account?.name).sort()).toEqual(['Company A', 'Company B']);
    const onA = await listed(idA);
    expect(onA).toHaveLength(1);
    expect(onA[0]).toMatchObject({ request: { path: 'employees' }, httpStatus: null, bodyKept: false, outcome: expect.stringMatching(/^Stopped: you switched to the account Company B/) });
    expect((await listed(idB)).map((entry) => entry.request.path)).toEqual(['me']);
    a.clearFaults();
    ok(await f.call('accounts:switch', { id: idA }));
    ok(await f.call('request:send', getRequest('me')));
    expect((await listed(idA)).map((entry) => entry.request.path).sort()).toEqual(['employees', 'me']);
    expect((await listed(idB)).map((entry) => entry.request.path)).toEqual(['me']);
    expectNothingOf(a, 'b');
    expectNothingOf(b, 'a');
  });

  it("an Excel export names the account the response came from, not the current one, kept or reopened from history", async () => {
    const saveTo = join(mkdtempSync(join(tmpdir(), 'hae-accounts-xlsx-')), 'shifts.xlsx');
    const { f, a, b, idA, idB } = await twoAccounts({ saveTo });
    ok(await f.call('accounts:switch', { id: idA }));
    const onA = ok(await f.call('request:send', getRequest('employees')));
    const [entry] = ok(await f.call('history:list', { query: '', offset: 0, limit: 1 })).entries;
    ok(await f.call('accounts:switch', { id: idB }));
    expect(ok(await f.call('auth:state')).session).toMatchObject({ host: b.url, username: 'admin-b@example.com' });
    const about = async () => new Map((await readWorkbook(saveTo)).sheets.get('About')!.map(([label, value]) => [label, value]));

    // Still open in its tab after the switch.
    ok(await f.call('export:responseXlsx', { responseId: onA.responseId, pointer: '' }));
    const kept = await about();
    expect([kept.get('Request'), kept.get('Host'), kept.get('Username')]).toEqual(['GET /api/v2/employees', a.url, 'admin-a@example.com']);
    // Reopened from history while B is current, then its table view.
    const reopened = ok(await f.call('history:open', { id: entry!.id }));
    ok(await f.call('table:exportXlsx', { responseId: reopened.summary!.responseId, pointer: '', filter: '', sort: null, columns: [] }));
    const fromHistory = await about();
    expect([fromHistory.get('Request'), fromHistory.get('Host'), fromHistory.get('Username')]).toEqual(['GET /api/v2/employees', a.url, 'admin-a@example.com']);
  });

  it('renames an account, and removing one deletes its sealed secrets and signs out when it was current', async () => {
    const { f, idA, idB } = await twoAccounts();
    ok(await f.call('accounts:rename', { id: idA, name: '  Test company  ' }));
    expect(ok(await f.call('auth:state')).accounts.find((account) => account.id === idA)?.name).toBe('Test company');
    expect(await f.call('accounts:rename', { id: idA, name: ' ' })).toMatchObject({ ok: false, error: { message: 'Enter a name for the account.' } });
    ok(await f.call('request:send', getRequest('me')));
    const removed = ok(await f.call('accounts:remove', { id: idB }));
    // Its history stays: under all accounts, and as "Removed accounts" (none of the saved ones).
    const listed = async (filter: { accountId?: string; notAccountIds?: string[] }) =>
      ok(await f.call('history:list', { query: '', offset: 0, limit: 50, ...filter })).entries.map((entry) => entry.account?.id);
    expect(await listed({})).toEqual([idB]);
    expect(await listed({ notAccountIds: [idA] })).toEqual([idB]);
    expect(await listed({ notAccountIds: [idA, idB] })).toEqual([]);
    expect(removed.session).toBeNull();
    expect(removed.accounts.map((account) => account.id)).toEqual([idA]);
    expect(removed.currentAccountId).toBeNull();
    const file = readFileSync(join(f.userDataDir, ACCOUNTS_FILE), 'utf8');
    expect(file).not.toContain(idB);
    expect(await f.call('request:send', getRequest('me'))).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('environments tied to an account are chosen with it, and one of another account stops being active', async () => {
    const { f, idA, idB } = await twoAccounts();
    const environments = [
      { id: 'env-a', name: 'A values', variables: [], accountId: idA },
      { id: 'env-free', name: 'Shared', variables: [], accountId: null },
    ];
    ok(await f.call('environments:save', { environments, activeId: 'env-free' }));
    ok(await f.call('accounts:switch', { id: idA }));
    expect(ok(await f.call('environments:get')).activeId).toBe('env-a');
    ok(await f.call('accounts:switch', { id: idB }));
    expect(ok(await f.call('environments:get')).activeId).toBeNull();
    ok(await f.call('accounts:remove', { id: idA }));
    expect(ok(await f.call('environments:get')).environments.map((environment) => environment.accountId)).toEqual([null, null]);
  });

  it('the sandbox is an account too, and switching to it signs in again without a question', async () => {
    const f = await startCore();
    open.push(f);
    const idA = ok(await f.login({ accountName: 'Real one' })).accountId;
    ok(await f.call('accounts:add'));
    const sandbox = ok(await f.call('auth:sandbox'));
    expect(sandbox.accountName).toBe('Sandbox');
    ok(await f.call('accounts:switch', { id: idA }));
    const back = ok(await f.call('accounts:switch', { id: sandbox.accountId }));
    expect(back.session).toMatchObject({ sandbox: true, accountName: 'Sandbox' });
    expect(back.accounts.filter((account) => account.sandbox)).toHaveLength(1);
  });
});

describe('an account whose secrets cannot be restored', () => {
  it('memory-only vault: switching back asks only for the password, and the kept App Secret signs in', async () => {
    const { f, a, idA } = await twoAccounts({ keyStore: { backend: 'basic_text' } });
    const back = ok(await f.call('accounts:switch', { id: idA }));
    expect(back.session).toBeNull();
    expect(back.currentAccountId).toBe(idA);
    expect(back.missing).toEqual(['password']);
    expect(back.profile).toMatchObject({ host: a.url, appId: 'app-a', username: 'admin-a@example.com' });
    const session = ok(await f.call('auth:login', { ...credentialsOf('a', a), appSecret: '' }));
    expect(session.accountId).toBe(idA);
  });

  it('memory-only vault after a restart: asks for the App Secret and the password, and keeps the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hae-accounts-'));
    const { f, a, idA } = await twoAccounts({ keyStore: { backend: 'basic_text' }, userDataDir: dir });
    await f.core.dispose();
    const restarted = await startCore({ sandbox: a, userDataDir: dir, keyStore: { backend: 'basic_text' } });
    open.push(restarted);
    const switched = ok(await restarted.call('accounts:switch', { id: idA }));
    expect(switched.missing).toEqual(['appSecret', 'password']);
    expect(switched.accounts.map((account) => account.name)).toEqual(['Company A', 'Company B']);
    expect(switched.profile?.appId).toBe('app-a');
    expect(await restarted.call('auth:login', { ...credentialsOf('a', a), appSecret: '' })).toMatchObject({ ok: false, error: { message: 'Enter the App Secret.' } });
  });

  it('a changed key store: the account stays, its secrets go, and it asks for them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hae-accounts-'));
    const { f, a, idA } = await twoAccounts({ userDataDir: dir });
    await f.core.dispose();
    const restarted = await startCore({ sandbox: a, userDataDir: dir });
    open.push(restarted);
    const switched: AuthState = ok(await restarted.call('accounts:switch', { id: idA }));
    expect(switched.session).toBeNull();
    expect(switched.notices.join(' ')).toMatch(/could not be unlocked/);
    expect(switched.missing).toEqual(['appSecret', 'password']);
    expect(switched.accounts).toHaveLength(2);
  });
});

describe('a vault that asks to seal again while the user moves on', () => {
  // Every decrypt says "seal again" and every encrypt takes a while: the re-seal of A's restore is
  // still under way when the user chooses something else (docs/architecture.md, "A session is a generation").
  const key = randomBytes(32);
  const slowRotating = { key, rotateKey: true, encryptDelayMs: 250 };
  const vault = createSafeStorageVault(createFakeSafeStorage({ key }), 'linux');
  const opened = async (cipher: string | null | undefined) => (cipher ? (await vault.decrypt(cipher)).plain : null);
  type Saved = { id: string; profile: { appId: string }; secrets: { account?: string; appSecret: string } | null };
  const saved = (f: { userDataDir: string }): { accounts: Saved[]; currentId: string | null } => JSON.parse(readFileSync(join(f.userDataDir, ACCOUNTS_FILE), 'utf8'));
  const accountOf = (f: { userDataDir: string }, id: string) => saved(f).accounts.find((account) => account.id === id)!;

  /** A's record: its own profile, and secrets (re-sealed or as they were) that open to A's. */
  async function expectStillA(f: { userDataDir: string }, idA: string, host: string) {
    const a = accountOf(f, idA);
    expect(a.profile.appId).toBe('app-a');
    expect(await opened(a.secrets?.account)).toBe(JSON.stringify([host, 'app-a', 'admin-a@example.com']));
    expect(await opened(a.secrets?.appSecret)).toBe('secret-of-account-a-0123456789');
  }

  it("switching to another account meanwhile: A's new seal never lands on B, and B stays current", async () => {
    const { f, a, idA, idB } = await twoAccounts({ keyStore: slowRotating, remember: true });
    ok(await f.call('auth:logout'));
    const bBefore = accountOf(f, idB);
    expect(bBefore.secrets).toBeNull();
    const toA = f.call('accounts:switch', { id: idA });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const onB = ok(await f.call('accounts:switch', { id: idB }));
    ok(await toA);
    expect(accountOf(f, idB)).toEqual(bBefore);
    await expectStillA(f, idA, a.url);
    expect(saved(f).currentId).toBe(idB);
    const state = ok(await f.call('auth:state'));
    expect([onB.currentAccountId, state.currentAccountId, state.session]).toEqual([idB, idB, null]);
    expect(state.profile?.appId).toBe('app-b');
  });

  it('"Add account…" meanwhile: A does not become current again and B is untouched', async () => {
    const { f, a, idA, idB } = await twoAccounts({ keyStore: slowRotating, remember: true });
    const bBefore = accountOf(f, idB);
    const toA = f.call('accounts:switch', { id: idA });
    await new Promise((resolve) => setTimeout(resolve, 100));
    ok(await f.call('accounts:add'));
    ok(await toA);
    expect(accountOf(f, idB)).toEqual(bBefore);
    await expectStillA(f, idA, a.url);
    expect(saved(f).currentId).toBeNull();
    const state = ok(await f.call('auth:state'));
    expect([state.currentAccountId, state.session, state.profile]).toEqual([null, null, null]);
  });

  it('left alone, the restore seals A again under A', async () => {
    const { f, a, idA, idB } = await twoAccounts({ keyStore: slowRotating, remember: true });
    const aBefore = accountOf(f, idA);
    ok(await f.call('accounts:switch', { id: idA }));
    expect(accountOf(f, idA).secrets?.appSecret).not.toBe(aBefore.secrets?.appSecret);
    await expectStillA(f, idA, a.url);
    expect(accountOf(f, idB).profile.appId).toBe('app-b');
  });
});

describe('migration from the one saved sign-in', () => {
  it('turns an auth.json of the old shape into the first account and restores it', async () => {
    const a = await lettered('a');
    const dir = mkdtempSync(join(tmpdir(), 'hae-migrate-'));
    const storage = createFakeSafeStorage();
    const vault = createSafeStorageVault(storage, 'linux');
    const profile = { host: a.url, appId: 'app-a', username: 'admin-a@example.com', redirectUri: '', rememberPassword: true, sandbox: false, userName: 'Admin A', userId: '1' };
    const seal = (plain: string) => vault.encrypt(plain);
    const secrets = {
      backend: 'gnome_libsecret',
      account: await seal(JSON.stringify([profile.host, profile.appId, profile.username])),
      appSecret: await seal('secret-of-account-a-0123456789'),
      refreshToken: null,
      password: await seal('password-a-long-enough'),
    };
    // Written by the old store itself, as the previous version left it.
    openAuthStore({ dir, createConf: createConfFactory(), notify: () => undefined, now: Date.now }).write({ profile, secrets });
    const f = await startCore({ sandbox: a, userDataDir: dir, keyStore: { key: storage.key } });
    open.push(f);
    const state = ok(await f.call('auth:state'));
    expect(state.accounts).toEqual([{ id: state.currentAccountId, name: `admin-a@example.com @ ${new URL(a.url).host}`, host: a.url, username: 'admin-a@example.com', sandbox: false }]);
    expect(state.session?.username).toBe('admin-a@example.com');
    const summary: ResponseSummary = ok(await f.call('request:send', getRequest('me')));
    expect(summary.envelope.kind).toBe('success');
    expect(JSON.parse(readFileSync(join(dir, 'auth.json'), 'utf8'))).toMatchObject({ profile: null, secrets: null });
  });
});
