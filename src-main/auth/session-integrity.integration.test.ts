// A session is a generation: sign-out, or a sign-in that replaces it, stops everything it started,
// and whatever still arrives from it is dropped (issue 13's findings, each reproduced first).
// Through the real core over HTTP against the sandbox.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthState, ResponseSummary, Result } from '../shared/contract';
import { startSandbox, type SandboxOptions, type SandboxServer } from '../sandbox/server';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';
import { createFakeSafeStorage } from '../testing/fake-safe-storage';
import { editSignIn, readSignIn } from '../testing/saved-sign-in';

const MARK = 'SENTINEL';
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function markedSandbox(options: SandboxOptions = {}): Promise<SandboxServer> {
  let issued = 0;
  const sandbox = await startSandbox({ tokenFactory: (kind) => `${MARK}-${kind}-${(issued += 1)}-padding`, ...options });
  open.push(sandbox);
  return sandbox;
}

async function signedIn(sandbox: SandboxServer, options: Parameters<typeof startCore>[0] = {}): Promise<CoreFixture> {
  const f = await startCore({ sandbox, ...options });
  open.push(f);
  expect((await f.login()).ok).toBe(true);
  return f;
}

/** Signed in to a sentinel sandbox whose user has this (short) password. */
async function signedInWithPassword(password: string): Promise<CoreFixture> {
  const sandbox = await markedSandbox({ password });
  const f = await startCore({ sandbox });
  open.push(f);
  expect((await f.login({ password })).ok).toBe(true);
  return f;
}

function failure(result: Result<unknown>): { code: string; message: string } {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as { error: { code: string; message: string } }).error;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('sign-out while something of the session is still running', () => {
  it('a request in flight is dropped: no response, recorded only as stopped, and the echoed token is never shown', async () => {
    const sandbox = await markedSandbox();
    const f = await signedIn(sandbox);
    expect((await f.call('request:send', getRequest('me'))).ok).toBe(true);
    sandbox.setFaults({ latencyMs: 300 });
    const late = f.call('request:send', getRequest('employees'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await f.call('auth:logout')).ok).toBe(true);
    const error = failure(await late);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(error.message).toMatch(/^Stopped: you signed out, which ended the session this was running in\.$/);
    await f.core.dispose();
    const history = JSON.parse(readFileSync(join(f.userDataDir, 'history.json'), 'utf8'));
    expect(history.entries.map((entry: { request: { path: string } }) => entry.request.path).sort()).toEqual(['employees', 'me']);
    const stopped = history.entries.find((entry: { request: { path: string } }) => entry.request.path === 'employees');
    expect(stopped).toMatchObject({ httpStatus: null, bodyKept: false, outcome: error.message });
    for (const file of filesUnder(f.userDataDir)) expect(readFileSync(file, 'latin1'), file).not.toContain(MARK);
  });

  it('a Pull range stops at once with a sentence when its session ends, resumes to the same, and is forgotten at sign-out', async () => {
    const sandbox = await markedSandbox({ refreshBehaviour: 'rotate' });
    const f = await signedIn(sandbox);
    // Every window waits out a 429 with a long Retry-After: the pull is mid-wait when the session ends.
    sandbox.setFaults({ rateLimitNext: { count: 100, retryAfterSeconds: 30 } });
    const request = { method: 'GET' as const, path: 'shifts', query: [], body: { kind: 'none' as const } };
    const started = await f.call('bulk:start', { request, collectionId: null, startDate: '2025-01-01', endDate: '2025-12-31' });
    if (!started.ok) throw new Error(started.error.message);
    const { pullId } = started.data;
    const status = async () => {
      const result = await f.call('bulk:status', { pullId });
      return result.ok ? result.data : result.error;
    };
    await expect.poll(() => sandbox.stats().apiCalls).toBeGreaterThan(0);
    // Signing in again (here as the same user) ends the session the pull belongs to.
    expect((await f.login()).ok).toBe(true);
    await expect.poll(async () => (await status()).message, { timeout: 2000 }).toBe('Stopped: you signed in again, which ended the session this was running in.');
    const calls = sandbox.stats().apiCalls;
    expect((await f.call('bulk:resume', { pullId })).ok).toBe(true);
    await expect.poll(async () => (await status()).message).toBe('Stopped: you signed in again, which ended the session this was running in.');
    expect(sandbox.stats()).toMatchObject({ apiCalls: calls, refreshGrants: 0 });
    // Sign-out forgets the pulls and their rows.
    expect((await f.call('auth:logout')).ok).toBe(true);
    expect(await status()).toMatchObject({ code: 'not_found' });
  });
});

describe('a renewal of an ended session', () => {
  it('is never stored under the session that replaced it', async () => {
    const storage = createFakeSafeStorage();
    let now = Date.now();
    const first = await markedSandbox({ refreshBehaviour: 'rotate', now: () => now });
    const second = await markedSandbox({ refreshBehaviour: 'rotate', clientId: 'second-app', clientSecret: 'second-app-secret', now: () => now });
    const f = await startCore({ sandbox: first, keyStore: { key: storage.key }, now: () => now });
    open.push(f);
    expect((await f.login()).ok).toBe(true);

    // A slow renewal of the first session is in flight...
    first.setFaults({ latencyMs: 400 });
    now += 3_600_000;
    const renewing = f.call('request:send', getRequest('me'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // ...when the user signs out and signs in to another account.
    expect((await f.call('auth:logout')).ok).toBe(true);
    expect((await f.login({ host: second.url, appId: 'second-app', appSecret: 'second-app-secret' })).ok).toBe(true);
    expect(failure(await renewing).code).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 500));

    // After a restart the second account's own refresh token is what renews its session.
    await f.core.dispose();
    const restarted = await startCore({ sandbox: second, userDataDir: f.userDataDir, keyStore: { key: storage.key }, now: () => now });
    open.push(restarted);
    const state = ((await restarted.call('auth:state')) as { data: AuthState }).data;
    expect(state.session?.host).toBe(second.url);
    now += 3_600_000;
    expect(((await restarted.call('request:send', getRequest('me'))) as Result<ResponseSummary>).ok).toBe(true);
    expect(second.stats().refreshGrants).toBe(1);
    expect(first.stats().apiCalls).toBe(1);
  });
});

describe('a renewal being sealed when the user signs out', () => {
  it('does not write the secrets back: sign-out stays sign-out after a restart', async () => {
    const storage = createFakeSafeStorage();
    let now = Date.now();
    const sandbox = await markedSandbox({ refreshBehaviour: 'rotate', now: () => now });
    const f = await startCore({ sandbox, keyStore: { key: storage.key }, now: () => now });
    open.push(f);
    expect((await f.login({ rememberPassword: true })).ok).toBe(true);
    // From now on the OS key store takes 300 ms per encryption: the renewal's token is being
    // sealed when the user signs out.
    const slow = await startCore({ sandbox, userDataDir: f.userDataDir, keyStore: { key: storage.key, encryptDelayMs: 300 }, now: () => now });
    open.push(slow);
    await f.core.dispose();
    now += 3_600_000;
    const renewing = slow.call('request:send', getRequest('me'));
    await expect.poll(() => sandbox.stats().refreshGrants).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await slow.call('auth:logout')).ok).toBe(true);
    await renewing;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(readSignIn(f.userDataDir).secrets).toBeNull();
    await slow.core.dispose();
    const restarted = await startCore({ sandbox, userDataDir: f.userDataDir, keyStore: { key: storage.key }, now: () => now });
    open.push(restarted);
    const state = await restarted.call('auth:state');
    expect(state.ok && state.data.session).toBeNull();
  });
});

describe('short secrets answer no guesses', () => {
  it('what the window sent comes back as sent, even when it is the password', async () => {
    const f = await signedInWithPassword('7391');
    const tabs = ['1234', '7391', '9999'].map((guess) => ({
      id: `t${guess}`,
      title: guess,
      request: { method: 'GET' as const, path: `employees/${guess}`, query: [{ name: 'q', value: guess, enabled: true }], body: { kind: 'none' as const } },
      savedId: null,
      collectionId: null,
      endpointId: null,
      savedRequest: null,
    }));
    expect((await f.call('workspace:save', { tabs, activeTabId: 't1234', panelSizes: {} })).ok).toBe(true);
    const saved = await f.call('workspace:get');
    expect(saved.ok && saved.data.tabs.map((tab) => [tab.title, tab.request.path, tab.request.query[0]!.value])).toEqual(
      tabs.map((tab) => [tab.title, tab.request.path, tab.request.query[0]!.value]),
    );
  });
});

describe('secrets are never forgotten while the app runs', () => {
  it("a short password does not corrupt data: bodies stay JSON and dates keep their year", async () => {
    const f = await signedInWithPassword('2025');
    const summary = ((await f.call('request:send', getRequest('shifts', [['start_date', '2025-03-03'], ['end_date', '2025-03-09']]))) as { data: ResponseSummary }).data;
    expect(summary.bodyKind).toBe('json');
    const page = (await f.call('response:text', { responseId: summary.responseId, offset: 0, length: 100_000, pretty: false })) as Result<{ text: string }>;
    expect(page.ok).toBe(true);
    const text = (page as { data: { text: string } }).data.text;
    expect(text).toContain('2025-03-0');
    expect(text).not.toContain(MARK);
  });
});

describe('stored sign-in data is bound together', () => {
  async function savedSignIn(): Promise<{ sandbox: SandboxServer; dir: string; key: Buffer }> {
    const storage = createFakeSafeStorage();
    const sandbox = await markedSandbox();
    const f = await startCore({ sandbox, keyStore: { key: storage.key } });
    open.push(f);
    expect((await f.login({ rememberPassword: true })).ok).toBe(true);
    await f.core.dispose();
    return { sandbox, dir: f.userDataDir, key: storage.key };
  }

  it.each([
    ['a plain-http host elsewhere', (doc: { profile: Record<string, unknown> }) => (doc.profile.host = 'http://collector.example'), /is not allowed: The API host must use https:\/\//],
    ['a host with a path', (doc: { profile: Record<string, unknown> }) => (doc.profile.host = 'https://www.humanity.com/x'), /is not allowed/],
    ['another App ID', (doc: { profile: Record<string, unknown> }) => (doc.profile.appId = 'other-app'), /no longer matches its host, App ID or username/],
    ['another username', (doc: { profile: Record<string, unknown> }) => (doc.profile.username = 'someone@else.example'), /no longer matches/],
    ['secrets from before accounts were sealed', (doc: { secrets: Record<string, unknown> }) => delete doc.secrets.account, /no longer matches/],
  ] as const)('%s: the secrets are discarded with a sentence, nothing is sent, the profile stays', async (_label, edit, notice) => {
    const { sandbox, dir, key } = await savedSignIn();
    editSignIn(dir, edit as (doc: { profile: Record<string, unknown>; secrets: Record<string, unknown> }) => void);
    sandbox.resetStats();
    const restarted = await startCore({ sandbox, userDataDir: dir, keyStore: { key } });
    open.push(restarted);
    const state = ((await restarted.call('auth:state')) as { data: AuthState }).data;
    expect(state.session).toBeNull();
    expect(state.notices.join(' ')).toMatch(notice);
    // The setup form is never filled with a host the secrets were refused for.
    expect([sandbox.url, '']).toContain(state.profile?.host);
    expect(readSignIn(dir).secrets).toBeNull();
    expect(sandbox.stats()).toMatchObject({ passwordGrants: 0, refreshGrants: 0, apiCalls: 0 });
  });

  it('another loopback sandbox put in as the host receives nothing', async () => {
    const { dir, key } = await savedSignIn();
    const collector = await markedSandbox();
    editSignIn(dir, (doc) => (doc.profile.host = collector.url));
    const restarted = await startCore({ sandbox: collector, userDataDir: dir, keyStore: { key } });
    open.push(restarted);
    const state = ((await restarted.call('auth:state')) as { data: AuthState }).data;
    expect(state.session).toBeNull();
    // Filled in again from what was sealed, not from the edit.
    expect(state.profile?.host).not.toBe(collector.url);
    expect(state.notices.join(' ')).toContain(`the file says ${collector.url}`);
    expect(collector.stats()).toMatchObject({ passwordGrants: 0, refreshGrants: 0, apiCalls: 0 });
  });

  it('an untouched file restores the session', async () => {
    const { sandbox, dir, key } = await savedSignIn();
    const restarted = await startCore({ sandbox, userDataDir: dir, keyStore: { key } });
    open.push(restarted);
    expect(((await restarted.call('auth:state')) as { data: AuthState }).data.session?.host).toBe(sandbox.url);
    expect(((await restarted.call('request:send', getRequest('me'))) as Result<ResponseSummary>).ok).toBe(true);
  });
});
