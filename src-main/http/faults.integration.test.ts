// Network and server faults through the real core: each one ends in a sentence that says what
// happened and what to do, nothing typed or saved is lost, and the app works once it ends.
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthState, ResponseSummary, Result } from '../shared/contract';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';

const open: CoreFixture[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function signedIn(): Promise<CoreFixture> {
  const f = await startCore();
  open.push(f);
  expect((await f.login()).ok).toBe(true);
  return f;
}

function sentence(result: Result<unknown>, code: string): string {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: false, error: { code } });
  const message = (result as { error: { message: string } }).error.message;
  expect(message).toMatch(/^[A-Z].*\.$/);
  return message;
}

const works = async (f: CoreFixture) =>
  expect(((await f.call('request:send', getRequest('employees'))) as Result<ResponseSummary>).ok).toBe(true);

describe('faults', () => {
  it('the token endpoint down during a refresh: a sentence, the session stays, it recovers', async () => {
    const f = await signedIn();
    f.sandbox.setFaults({ tokenEndpointDown: true });
    f.sandbox.expireAccessTokens();
    expect(sentence(await f.call('request:send', getRequest('employees')), 'auth_failed')).toMatch(/having trouble.*Try again/);
    const state = (await f.call('auth:state')) as Result<AuthState>;
    expect(state.ok && state.data.session?.needsSignIn).toBe(false);
    expect(state.ok && state.data.session?.lastRefresh?.ok).toBe(false);
    f.sandbox.clearFaults();
    await works(f);
  });

  it('without retries, a burst of 503s and a 429 with Retry-After are shown as outcomes, then it works', async () => {
    const f = await signedIn();
    expect(((await f.call('settings:update', { retrySafeRequests: false })) as Result<unknown>).ok).toBe(true);
    f.sandbox.setFaults({ failNext: { count: 3, status: 503 } });
    for (let i = 0; i < 3; i += 1) {
      const summary = (await f.call('request:send', getRequest('employees'))) as Result<ResponseSummary>;
      expect(summary.ok && summary.data.httpStatus).toBe(503);
      expect(summary.ok && summary.data.outcome).toMatch(/server error \(HTTP 503\)/);
    }
    f.sandbox.setFaults({ rateLimitNext: { count: 1, retryAfterSeconds: 7 } });
    const limited = (await f.call('request:send', getRequest('employees'))) as Result<ResponseSummary>;
    expect(limited.ok && limited.data.httpStatus).toBe(429);
    expect(limited.ok && limited.data.outcome).toMatch(/Too many requests/);
    expect(limited.ok && limited.data.headers.find((h) => h.name === 'retry-after')?.value).toBe('7');
    await works(f);
  });

  it('with "Retry safe requests" (the default) a GET rides out 503s, a short 429 and a dropped connection; a write is not repeated', async () => {
    const f = await signedIn();
    const calls = () => f.sandbox.stats().apiCalls;
    let before = calls();
    f.sandbox.setFaults({ failNext: { count: 2, status: 503 } });
    let summary = (await f.call('request:send', getRequest('employees'))) as Result<ResponseSummary>;
    expect(summary.ok && summary.data.httpStatus).toBe(200);
    expect(calls() - before).toBe(3);

    before = calls();
    f.sandbox.setFaults({ rateLimitNext: { count: 1, retryAfterSeconds: 1 } });
    summary = (await f.call('request:send', getRequest('employees'))) as Result<ResponseSummary>;
    expect(summary.ok && summary.data.httpStatus).toBe(200);
    expect(calls() - before).toBe(2);

    f.sandbox.setFaults({ dropNext: 1 });
    summary = (await f.call('request:send', getRequest('employees'))) as Result<ResponseSummary>;
    expect(summary.ok && summary.data.httpStatus).toBe(200);

    before = calls();
    f.sandbox.setFaults({ failNext: { count: 1, status: 503 } });
    const write = (await f.call('request:send', { ...getRequest('positions'), method: 'POST', body: { kind: 'form', fields: [{ name: 'name', value: 'Once', enabled: true }] } })) as Result<ResponseSummary>;
    expect(write.ok && write.data.httpStatus).toBe(503);
    expect(calls() - before).toBe(1);
  });

  it('the server stopped in the middle of a request: a sentence, and the session is kept', async () => {
    const f = await signedIn();
    expect(((await f.call('settings:update', { retrySafeRequests: false })) as Result<unknown>).ok).toBe(true);
    f.sandbox.setFaults({ latencyMs: 2_000 });
    const pending = f.call('request:send', getRequest('employees'));
    await new Promise((r) => setTimeout(r, 200));
    await f.sandbox.close();
    expect(sentence(await pending, 'network')).toMatch(/connection .* failed|Check your connection/);
    expect(((await f.call('auth:state')) as Result<AuthState>).ok).toBe(true);
  });

  it('a revoked refresh token asks for the password; nothing saved is lost', async () => {
    const f = await signedIn();
    const created = (await f.call('collections:create', { parentId: null, kind: 'collection', name: 'Kept' })) as Result<unknown>;
    expect(created.ok).toBe(true);
    f.sandbox.revokeRefreshTokens();
    f.sandbox.expireAccessTokens();
    // The request waits for the password; declining it ends the request with a sentence.
    const waiting = f.call('request:send', getRequest('employees'));
    await expect.poll(() => f.pageEvents.length).toBe(1);
    expect(((await f.call('auth:cancelReauth')) as Result<unknown>).ok).toBe(true);
    expect(sentence(await waiting, 'cancelled')).toMatch(/did not sign in again/);
    // Sent again while the session is still ended: the sentence that opens "Sign in again".
    expect(sentence(await f.call('request:send', getRequest('employees')), 'reauth_required')).toMatch(/Enter your password/);
    const list = (await f.call('collections:list')) as Result<{ collections: Array<{ name: string }> }>;
    expect(list.ok && list.data.collections.map((c) => c.name)).toEqual(['Kept']);
    expect(((await f.call('auth:reauth', { password: 'sandbox-demo', remember: false })) as Result<unknown>).ok).toBe(true);
    await works(f);
  });
});
