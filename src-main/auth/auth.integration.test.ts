// Sign-in, refresh and restore through the real core against the sandbox over HTTP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthState, ResponseSummary, SessionView } from '../shared/contract';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';
import { createFakeSafeStorage } from '../testing/fake-safe-storage';
import { ACCOUNTS_FILE, readSignIn } from '../testing/saved-sign-in';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function fixture(options: Parameters<typeof startCore>[0] = {}): Promise<CoreFixture> {
  const f = await startCore(options);
  open.push(f);
  return f;
}

function ok<T>(result: { ok: boolean; data?: unknown; error?: unknown }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.data as T;
}

describe('password grant through auth:login', () => {
  it('signs in, names the user from /me and keeps no secret in the session view', async () => {
    const f = await fixture();
    const session = ok<SessionView>(await f.login());
    expect(session.host).toBe(f.sandbox.url);
    expect(session.userName).not.toBe('');
    expect(session.userId).not.toBe('');
    expect(session.expiresAt).toBeGreaterThan(Date.now());
    expect(session.storage).toBe('encrypted');
    expect(f.sandbox.stats().passwordGrants).toBe(1);
  });

  it.each([
    ['appSecret', 'not-the-secret', 'invalid_client', /App ID or App Secret/],
    ['appId', 'not-the-app', 'invalid_client', /App ID or App Secret/],
    ['password', 'wrong-password', 'invalid_credentials', /Wrong username or password/],
    ['username', 'nobody@sandbox.example', 'invalid_credentials', /Wrong username or password/],
  ])('a wrong %s gives a sentence (%s) and no session', async (field, value, code, message) => {
    const f = await fixture();
    const result = await f.login({ [field]: value });
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(ok<AuthState>(await f.call('auth:state')).session).toBeNull();
  });

  it('rejects empty fields and bad hosts before sending anything', async () => {
    const f = await fixture();
    expect(await f.login({ appSecret: ' ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Enter the App Secret.' } });
    expect(await f.login({ host: 'http://example.com' })).toMatchObject({ ok: false, error: { code: 'invalid_host' } });
    expect(await f.login({ host: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'invalid_host' } });
    expect(f.sandbox.stats().passwordGrants).toBe(0);
  });

  it('says when the token endpoint is down', async () => {
    const f = await fixture();
    f.sandbox.setFaults({ tokenEndpointDown: true });
    const result = await f.login();
    expect(result).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    if (!result.ok) expect(result.error.message).toMatch(/having trouble/);
  });
});

describe('refresh', () => {
  it('refreshes before expiry: 100 concurrent calls on an expired token share one refresh', async () => {
    let now = Date.now();
    const f = await fixture({ now: () => now });
    ok(await f.login());
    now += 3_600_000;
    const results = await Promise.all(Array.from({ length: 100 }, () => f.call('request:send', getRequest('employees'))));
    for (const result of results) expect(ok<ResponseSummary>(result).envelope.kind).toBe('success');
    expect(f.sandbox.stats().refreshGrants).toBe(1);
    expect(f.sandbox.stats().rejectedTokens).toBe(0);
  });

  it.each(['http401', 'status3'] as const)(
    'refreshes after a rejection (%s): 100 concurrent calls, one refresh, each call retried once',
    async (style) => {
      const f = await fixture();
      ok(await f.login());
      f.sandbox.setAuthErrorStyle(style);
      f.sandbox.expireAccessTokens();
      const before = f.sandbox.stats().apiCalls;
      const results = await Promise.all(Array.from({ length: 100 }, () => f.call('request:send', getRequest('employees'))));
      const summaries = results.map((r) => ok<ResponseSummary>(r));
      expect(summaries.every((s) => s.envelope.kind === 'success' && s.httpStatus === 200)).toBe(true);
      expect(f.sandbox.stats().refreshGrants).toBe(1);
      const rejected = f.sandbox.stats().rejectedTokens;
      expect(rejected).toBeGreaterThan(0);
      expect(summaries.filter((s) => s.refreshed)).toHaveLength(rejected);
      expect(f.sandbox.stats().apiCalls - before).toBe(100 + rejected);
    },
  );

  it('tells the window when the session renewed itself, so the session bar shows the new expiry at once', async () => {
    let now = Date.now();
    const events: string[] = [];
    const f = await fixture({ now: () => now, onPageEvent: (command) => events.push(command) });
    ok(await f.login());
    now += 3_600_000;
    ok(await f.call('request:send', getRequest('me')));
    expect(events).toEqual(['session-renewed']);
    expect(ok<AuthState>(await f.call('auth:state')).session).toMatchObject({ expiresAt: now + 3_600_000, lastRefresh: { ok: true, message: 'Token renewed.' } });
  });

  it('persists every rotated refresh token, so a restart continues the session', async () => {
    const storage = createFakeSafeStorage();
    let now = Date.now();
    const sandbox = await startSandbox({ refreshBehaviour: 'rotate', now: () => now });
    open.push(sandbox);
    const f = await fixture({ keyStore: { key: storage.key }, now: () => now, sandbox });
    ok(await f.login());
    for (let i = 0; i < 3; i += 1) {
      now += 3_600_000;
      ok(await f.call('request:send', getRequest('me')));
    }
    expect(f.sandbox.stats().refreshGrants).toBe(3);
    await f.core.dispose();

    // Only the newest refresh token is accepted by the sandbox (rotation): a restart must use it.
    const again = await fixture({ userDataDir: f.userDataDir, keyStore: { key: storage.key }, sandbox: f.sandbox });
    const state = ok<AuthState>(await again.call('auth:state'));
    expect(state.session?.storage).toBe('encrypted');
    ok(await again.call('request:send', getRequest('employees')));
    expect(f.sandbox.stats().refreshGrants).toBe(4);
  });

  it('a rejected refresh token asks once for the password; the requests waiting for it then go through', async () => {
    const f = await fixture();
    ok(await f.login());
    f.sandbox.revokeRefreshTokens();
    f.sandbox.expireAccessTokens();
    const waiting = Array.from({ length: 5 }, () => f.call('request:send', getRequest('employees')));
    await expect.poll(() => f.pageEvents).toEqual(['session-changed']);
    const state = ok<AuthState>(await f.call('auth:state'));
    expect(state.session?.needsSignIn).toBe(true);
    // The server rotated nothing away: it was a revocation, not a server that never renews.
    expect(state.session?.serverRenewsSessions).toBe(true);
    expect(f.sandbox.stats().refreshGrants).toBe(1);

    expect(await f.call('auth:reauth', { password: 'wrong-password', remember: false })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect(f.pageEvents).toHaveLength(1);
    const session = ok<SessionView>(await f.call('auth:reauth', { password: 'sandbox-demo', remember: false }));
    expect(session.needsSignIn).toBe(false);
    for (const result of await Promise.all(waiting)) expect(ok<ResponseSummary>(result).envelope.kind).toBe('success');
    expect(f.pageEvents).toEqual(['session-changed', 'session-changed']);
    expect(ok<ResponseSummary>(await f.call('request:send', getRequest('employees'))).envelope.kind).toBe('success');
  });

  it.each([
    ['delete', 1, false],
    // A kept token refused at its first reuse looks exactly like a server that deletes them.
    ['keep', 1, false],
    ['keep', 3, true],
    ['rotate', 1, true],
    // No refresh token from the sign-in: the first expiry already shows it.
    ['none', 0, false],
  ] as const)(
    '%s, refresh token refused after %i renewal(s): "does the server renew sessions" is %s',
    async (refreshBehaviour, renewals, renews) => {
      let now = Date.now();
      const sandbox = await startSandbox({ refreshBehaviour, now: () => now });
      open.push(sandbox);
      const f = await fixture({ sandbox, now: () => now });
      ok(await f.login());
      for (let i = 0; i < renewals; i += 1) {
        now += 3_600_000;
        ok(await f.call('request:send', getRequest('me')));
      }
      // A delete server refuses the kept token by itself; the others are made to (a revocation).
      if (refreshBehaviour === 'rotate' || refreshBehaviour === 'keep') sandbox.revokeRefreshTokens();
      now += 3_600_000;
      void f.call('request:send', getRequest('me'));
      await expect.poll(() => f.pageEvents.length).toBe(1);
      const session = ok<AuthState>(await f.call('auth:state')).session;
      expect(session).toMatchObject({ needsSignIn: true, serverRenewsSessions: renews });
      ok(await f.call('auth:cancelReauth'));
    },
  );

  it('with "Remember password" a rejected refresh token is replaced silently', async () => {
    const f = await fixture();
    ok(await f.login({ rememberPassword: true }));
    f.sandbox.revokeRefreshTokens();
    f.sandbox.expireAccessTokens();
    const summary = ok<ResponseSummary>(await f.call('request:send', getRequest('employees')));
    expect(summary.envelope.kind).toBe('success');
    expect(f.sandbox.stats().passwordGrants).toBe(2);
    const auth = readSignIn(f.userDataDir);
    expect(auth.secrets?.password).toEqual(expect.any(String));
    expect(auth.secrets?.password).not.toContain('sandbox-demo');
  });
});

describe('vault policy', () => {
  it('protected key store: secrets on disk only as ciphertext, file mode 0600', async () => {
    const f = await fixture();
    ok(await f.login({ rememberPassword: true }));
    const file = join(f.userDataDir, ACCOUNTS_FILE);
    const text = readFileSync(file, 'utf8');
    for (const secret of ['sandbox-app-secret', 'sandbox-demo']) expect(text).not.toContain(secret);
    expect(readSignIn(f.userDataDir).secrets?.backend).toBe('gnome_libsecret');
    const { statSync } = await import('node:fs');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each(['basic_text', 'unknown'])('Linux %s backend: memory only, nothing secret written, a remembered password in memory', async (backend) => {
    const f = await fixture({ keyStore: { backend } });
    const state = ok<AuthState>(await f.call('auth:state'));
    expect(state.vault.protected).toBe(false);
    expect(state.vault.message).toMatch(/memory only/);
    const session = ok<SessionView>(await f.login({ rememberPassword: true }));
    expect(session.storage).toBe('memory');
    expect(session.rememberPassword).toBe(true);
    const auth = readSignIn(f.userDataDir);
    expect(auth.secrets).toBeNull();
    expect(auth.profile).toMatchObject({ username: 'demo.admin@sandbox.example', rememberPassword: false });
    // The password in memory replaces a refused refresh token without a question.
    f.sandbox.revokeRefreshTokens();
    f.sandbox.expireAccessTokens();
    expect(ok<ResponseSummary>(await f.call('request:send', getRequest('employees'))).envelope.kind).toBe('success');
    expect(f.pageEvents).toEqual([]);
  });

  it('encryption unavailable: memory only', async () => {
    const f = await fixture({ keyStore: { available: false } });
    expect(ok<SessionView>(await f.login()).storage).toBe('memory');
  });

  it('a restart with another OS key means "sign in again", not a crash', async () => {
    const f = await fixture();
    ok(await f.login());
    await f.core.dispose();
    const again = await fixture({ userDataDir: f.userDataDir, sandbox: f.sandbox });
    const state = ok<AuthState>(await again.call('auth:state'));
    expect(state.session).toBeNull();
    expect(state.profile?.username).toBe('demo.admin@sandbox.example');
    expect(state.notices.join(' ')).toMatch(/could not be unlocked/);
    expect(readSignIn(f.userDataDir).secrets).toBeNull();
  });

  it('a restart after the key store changed to basic_text drops the stored secrets', async () => {
    const storage = createFakeSafeStorage();
    const f = await fixture({ keyStore: { key: storage.key } });
    ok(await f.login());
    await f.core.dispose();
    const again = await fixture({ userDataDir: f.userDataDir, sandbox: f.sandbox, keyStore: { key: storage.key, backend: 'basic_text' } });
    const state = ok<AuthState>(await again.call('auth:state'));
    expect(state.session).toBeNull();
    expect(state.notices.join(' ')).toMatch(/no longer offers/);
  });
});

describe('sign out', () => {
  it('wipes tokens and secrets from memory and disk and keeps the non-secret profile', async () => {
    const f = await fixture();
    ok(await f.login({ rememberPassword: true }));
    const state = ok<AuthState>(await f.call('auth:logout'));
    expect(state.session).toBeNull();
    expect(state.profile?.appId).toBe('sandbox-app');
    const auth = readSignIn(f.userDataDir);
    expect(auth.secrets).toBeNull();
    expect(await f.call('request:send', getRequest('employees'))).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });
});

describe('sandbox sign-in', () => {
  it('auth:sandbox signs in to the built-in sandbox and stores nothing secret', async () => {
    const sandbox: SandboxServer = await startSandbox();
    open.push(sandbox);
    const f = await fixture({ sandbox });
    const session = ok<SessionView>(await f.call('auth:sandbox'));
    expect(session.sandbox).toBe(true);
    expect(session.storage).toBe('memory');
    ok(await f.call('request:send', getRequest('employees')));
  });
});
