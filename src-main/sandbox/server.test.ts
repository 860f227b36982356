// The sandbox's token endpoint, token checks and fault switches, over real HTTP.
import { describe, expect, it } from 'vitest';
import { SANDBOX_DEMO } from './server';
import { callApi, PASSWORD_GRANT, read, refreshGrant, requestToken, signIn, useSandboxes } from './test-support';

const start = useSandboxes();

/** Hands out access-1, refresh-1, access-2, … so tests can name tokens. */
function sentinelTokens() {
  const counts = { access: 0, refresh: 0 };
  return (kind: 'access' | 'refresh') => `${kind}-${++counts[kind]}`;
}

function fakeClock(startMs = Date.UTC(2025, 2, 12, 10, 30)) {
  const clock = { ms: startMs, now: () => clock.ms, advance: (seconds: number) => (clock.ms += seconds * 1000) };
  return clock;
}

describe('password grant', () => {
  it('issues a bearer token pair for the demo credentials', async () => {
    const sandbox = await start({ tokenFactory: sentinelTokens() });
    const result = await requestToken(sandbox, PASSWORD_GRANT);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(result.json).toEqual({
      access_token: 'access-1',
      expires_in: 3600,
      token_type: 'bearer',
      scope: null,
      refresh_token: 'refresh-1',
    });
    expect(sandbox.stats().passwordGrants).toBe(1);
  });

  it('accepts a JSON body and no redirect_uri', async () => {
    const sandbox = await start();
    const { redirect_uri: _omitted, ...fields } = PASSWORD_GRANT;
    const response = await fetch(`${sandbox.url}/oauth2/token.php`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fields),
    });
    const result = await read(response);
    expect(result.status).toBe(200);
    expect(result.json.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(result.json.refresh_token).toMatch(/^[0-9a-f]{40}$/);
  });

  it('uses the credentials given in the options', async () => {
    const sandbox = await start({ clientId: 'c', clientSecret: 's', username: 'me@x.example', password: 'pw' });
    expect((await requestToken(sandbox, PASSWORD_GRANT)).status).toBe(400);
    const custom = {
      grant_type: 'password',
      client_id: 'c',
      client_secret: 's',
      username: 'ME@x.example',
      password: 'pw',
    };
    expect((await requestToken(sandbox, custom)).status).toBe(200);
  });

  it('checks the client before the user: wrong client → 400 invalid_client, as the PHP library answers', async () => {
    const sandbox = await start();
    const result = await requestToken(sandbox, { ...PASSWORD_GRANT, client_secret: 'nope', password: 'also wrong' });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ error: 'invalid_client', error_description: 'The client credentials are invalid' });
  });

  it('rejects a wrong password with 400 invalid_grant', async () => {
    const sandbox = await start();
    const result = await requestToken(sandbox, { ...PASSWORD_GRANT, password: 'guess' });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid username and password combination',
    });
    expect(sandbox.stats().passwordGrants).toBe(1);
  });

  it('answers missing parameters, other grants, other methods and bad JSON in RFC 6749 style', async () => {
    const sandbox = await start();
    const { password: _password, ...noPassword } = PASSWORD_GRANT;
    const missingPassword = await requestToken(sandbox, noPassword);
    expect([missingPassword.status, missingPassword.json.error]).toEqual([400, 'invalid_request']);
    const missingClient = await requestToken(sandbox, { grant_type: 'password', username: 'u', password: 'p' });
    expect([missingClient.status, missingClient.json.error]).toEqual([400, 'invalid_request']);
    const noGrant = await requestToken(sandbox, { client_id: SANDBOX_DEMO.clientId });
    expect([noGrant.status, noGrant.json.error]).toEqual([400, 'invalid_request']);
    const clientCredentials = await requestToken(sandbox, { ...PASSWORD_GRANT, grant_type: 'client_credentials' });
    expect([clientCredentials.status, clientCredentials.json.error]).toEqual([400, 'unsupported_grant_type']);
    const get = await read(await fetch(`${sandbox.url}/oauth2/token.php`));
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const badJson = await read(
      await fetch(`${sandbox.url}/oauth2/token.php`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"grant',
      }),
    );
    expect([badJson.status, badJson.json.error]).toEqual([400, 'invalid_request']);
  });
});

describe('refresh grant', () => {
  it('rotate: new pair, the used refresh token is dead, the old access token still works', async () => {
    const sandbox = await start({ tokenFactory: sentinelTokens(), refreshBehaviour: 'rotate' });
    await signIn(sandbox);
    const refreshed = await requestToken(sandbox, refreshGrant('refresh-1'));
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({
      access_token: 'access-2',
      refresh_token: 'refresh-2',
      token_type: 'bearer',
    });

    const reused = await requestToken(sandbox, refreshGrant('refresh-1'));
    expect(reused.status).toBe(400);
    expect(reused.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' });

    expect((await callApi(sandbox, 'access-1', '/me')).json.status).toBe(1);
    expect((await callApi(sandbox, 'access-2', '/me')).json.status).toBe(1);
    expect((await requestToken(sandbox, refreshGrant('refresh-2'))).status).toBe(200);
    expect(sandbox.stats()).toMatchObject({ passwordGrants: 1, refreshGrants: 3 });
  });

  it('rejects unknown, revoked and 14-day-old refresh tokens, and a wrong client first', async () => {
    const clock = fakeClock();
    const sandbox = await start({ now: clock.now, refreshBehaviour: 'rotate' });
    expect((await requestToken(sandbox, refreshGrant('never-issued'))).json.error).toBe('invalid_grant');

    const first = await signIn(sandbox);
    const wrongClient = await requestToken(sandbox, { ...refreshGrant(first.refresh_token), client_id: 'other' });
    expect([wrongClient.status, wrongClient.json.error]).toEqual([400, 'invalid_client']);
    sandbox.revokeRefreshTokens();
    expect((await requestToken(sandbox, refreshGrant(first.refresh_token))).json.error).toBe('invalid_grant');

    const second = await signIn(sandbox);
    clock.advance(14 * 86_400 - 1);
    const stillValid = await requestToken(sandbox, refreshGrant(second.refresh_token));
    expect(stillValid.status).toBe(200);
    clock.advance(14 * 86_400);
    const expired = await requestToken(sandbox, refreshGrant(stillValid.json.refresh_token));
    expect([expired.status, expired.json.error]).toEqual([400, 'invalid_grant']);
  });

  it('keep: a new access token and no refresh token; the used one stays valid until its 14 days are up', async () => {
    const clock = fakeClock();
    const sandbox = await start({ tokenFactory: sentinelTokens(), refreshBehaviour: 'keep', now: clock.now });
    await signIn(sandbox);
    for (const expected of ['access-2', 'access-3']) {
      const refreshed = await requestToken(sandbox, refreshGrant('refresh-1'));
      expect(refreshed.status).toBe(200);
      expect(refreshed.json).toEqual({ access_token: expected, expires_in: 3600, token_type: 'bearer', scope: null });
    }
    expect((await callApi(sandbox, 'access-3', '/me')).json.status).toBe(1);
    clock.advance(14 * 86_400);
    expect((await requestToken(sandbox, refreshGrant('refresh-1'))).json.error).toBe('invalid_grant');
  });

  it('delete (the default): a new access token and no refresh token; the used one is dead', async () => {
    const sandbox = await start({ tokenFactory: sentinelTokens() });
    await signIn(sandbox);
    const refreshed = await requestToken(sandbox, refreshGrant('refresh-1'));
    expect(refreshed.json).toEqual({ access_token: 'access-2', expires_in: 3600, token_type: 'bearer', scope: null });
    const reused = await requestToken(sandbox, refreshGrant('refresh-1'));
    expect([reused.status, reused.json.error]).toEqual([400, 'invalid_grant']);
    expect((await callApi(sandbox, 'access-2', '/me')).json.status).toBe(1);
  });

  it('none: the sign-in sends no refresh token, and a refresh grant is an unsupported grant type', async () => {
    const sandbox = await start({ tokenFactory: sentinelTokens(), refreshBehaviour: 'none' });
    const signedIn = await requestToken(sandbox, PASSWORD_GRANT);
    expect(signedIn.json).toEqual({ access_token: 'access-1', expires_in: 3600, token_type: 'bearer', scope: null });
    const refreshed = await requestToken(sandbox, refreshGrant('anything'));
    expect([refreshed.status, refreshed.json.error]).toEqual([400, 'unsupported_grant_type']);
  });

  it('switches behaviour at run time, for the refresh grants that follow', async () => {
    const sandbox = await start({ tokenFactory: sentinelTokens(), refreshBehaviour: 'keep' });
    await signIn(sandbox);
    expect((await requestToken(sandbox, refreshGrant('refresh-1'))).json.refresh_token).toBeUndefined();
    sandbox.setRefreshBehaviour('rotate');
    expect((await requestToken(sandbox, refreshGrant('refresh-1'))).json.refresh_token).toBe('refresh-2');
    expect((await requestToken(sandbox, refreshGrant('refresh-1'))).json.error).toBe('invalid_grant');
  });

  it('wants the refresh_token parameter', async () => {
    const sandbox = await start();
    const { refresh_token: _missing, ...fields } = refreshGrant('x');
    const result = await requestToken(sandbox, fields);
    expect([result.status, result.json.error]).toEqual([400, 'invalid_request']);
  });
});

describe('access token checks', () => {
  it('enforces the token lifetime on the server clock', async () => {
    const clock = fakeClock();
    const sandbox = await start({ now: clock.now, tokenLifetimeSeconds: 60 });
    const { access_token, expires_in } = await signIn(sandbox);
    expect(expires_in).toBe(60);
    clock.advance(59);
    expect((await callApi(sandbox, access_token, '/me')).status).toBe(200);
    clock.advance(1);
    const expired = await callApi(sandbox, access_token, '/me');
    expect(expired.status).toBe(401);
    expect(sandbox.stats().rejectedTokens).toBe(1);
  });

  it('expires real tokens after a 1 s lifetime', async () => {
    const sandbox = await start({ tokenLifetimeSeconds: 1 });
    const { access_token } = await signIn(sandbox);
    expect((await callApi(sandbox, access_token, '/me')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await callApi(sandbox, access_token, '/me')).status).toBe(401);
  });

  it('applies setTokenLifetime to tokens issued afterwards only', async () => {
    const clock = fakeClock();
    const sandbox = await start({ now: clock.now });
    const before = await signIn(sandbox);
    sandbox.setTokenLifetime(10);
    const after = await signIn(sandbox);
    expect([before.expires_in, after.expires_in]).toEqual([3600, 10]);
    clock.advance(11);
    expect((await callApi(sandbox, before.access_token, '/me')).status).toBe(200);
    expect((await callApi(sandbox, after.access_token, '/me')).status).toBe(401);
  });

  it('expireAccessTokens invalidates every token issued so far, not later ones', async () => {
    const sandbox = await start();
    const old = await signIn(sandbox);
    sandbox.expireAccessTokens();
    expect((await callApi(sandbox, old.access_token, '/me')).status).toBe(401);
    const refreshed = await requestToken(sandbox, refreshGrant(old.refresh_token));
    expect((await callApi(sandbox, refreshed.json.access_token, '/me')).status).toBe(200);
  });

  it("style 'http401': HTTP 401 with an OAuth error for missing and unknown tokens", async () => {
    const sandbox = await start();
    for (const token of [null, 'made-up']) {
      const result = await callApi(sandbox, token, '/employees');
      expect(result.status).toBe(401);
      expect(result.json).toEqual({
        error: 'invalid_token',
        error_description: 'The access token provided is invalid or has expired',
      });
    }
    expect(sandbox.stats()).toMatchObject({ apiCalls: 2, rejectedTokens: 2 });
  });

  it("style 'status3': HTTP 200 envelope with status 3, switchable at runtime", async () => {
    const sandbox = await start({ authErrorStyle: 'status3' });
    const rejected = await callApi(sandbox, 'made-up', '/me');
    expect(rejected.status).toBe(200);
    expect(rejected.json).toEqual({
      status: 3,
      data: null,
      metadata: [],
      token: 'made-up',
      error: 'Invalid token key - please re-authenticate',
    });
    sandbox.setAuthErrorStyle('http401');
    expect((await callApi(sandbox, 'made-up', '/me')).status).toBe(401);
    expect(sandbox.stats().rejectedTokens).toBe(2);
  });

  it('takes the token from the query parameter or the Bearer header, and echoes it', async () => {
    const sandbox = await start({ tokenFactory: sentinelTokens() });
    await signIn(sandbox);
    const viaQuery = await callApi(sandbox, 'access-1', '/me');
    const viaHeader = await callApi(sandbox, 'access-1', '/me', { bearer: true });
    for (const result of [viaQuery, viaHeader]) {
      expect(result.status).toBe(200);
      expect(result.json).toMatchObject({ status: 1, token: 'access-1', error: null, metadata: [] });
      expect(result.json.data.email).toBe(SANDBOX_DEMO.username);
    }
  });
});

describe('faults', () => {
  async function signedIn(options = {}) {
    const sandbox = await start(options);
    const { access_token } = await signIn(sandbox);
    return { sandbox, token: access_token };
  }

  it('failNext answers 500 JSON or 502/503 HTML for N calls, then recovers', async () => {
    const { sandbox, token } = await signedIn();
    sandbox.setFaults({ failNext: { count: 1, status: 500 } });
    const internal = await callApi(sandbox, token, '/me');
    expect([internal.status, internal.json.status]).toEqual([500, 15]);

    sandbox.setFaults({ failNext: { count: 2, status: 502 } });
    for (let i = 0; i < 2; i++) {
      const proxy = await callApi(sandbox, token, '/me');
      expect(proxy.status).toBe(502);
      expect(proxy.headers.get('content-type')).toContain('text/html');
      expect(proxy.text).toContain('Bad Gateway');
    }
    sandbox.setFaults({ failNext: { count: 1, status: 503 } });
    expect((await callApi(sandbox, token, '/me')).text).toContain('Service Unavailable');
    expect((await callApi(sandbox, token, '/me')).json.status).toBe(1);
    expect(sandbox.stats().apiCalls).toBe(5);
  });

  it('rateLimitNext answers 429 with Retry-After', async () => {
    const { sandbox, token } = await signedIn();
    sandbox.setFaults({ rateLimitNext: { count: 1, retryAfterSeconds: 7 } });
    const limited = await callApi(sandbox, token, '/employees');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await callApi(sandbox, token, '/employees')).status).toBe(200);
  });

  it('dropNext destroys the socket without an answer', async () => {
    const { sandbox, token } = await signedIn();
    sandbox.setFaults({ dropNext: 1 });
    await expect(callApi(sandbox, token, '/me')).rejects.toThrow();
    expect((await callApi(sandbox, token, '/me')).status).toBe(200);
    expect(sandbox.stats().apiCalls).toBe(2);
  });

  it('malformedNext answers 200 JSON whose body does not parse', async () => {
    const { sandbox, token } = await signedIn();
    sandbox.setFaults({ malformedNext: 1 });
    const broken = await callApi(sandbox, token, '/employees');
    expect(broken.status).toBe(200);
    expect(broken.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(broken.text.startsWith('{"status":1')).toBe(true);
    expect(() => JSON.parse(broken.text)).toThrow();
    expect((await callApi(sandbox, token, '/employees')).json.status).toBe(1);
  });

  it('latencyMs delays every response, token endpoint included', async () => {
    const { sandbox, token } = await signedIn();
    sandbox.setFaults({ latencyMs: 150 });
    let started = performance.now();
    await callApi(sandbox, token, '/me');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    started = performance.now();
    await signIn(sandbox);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('tokenEndpointDown answers 503 HTML until cleared; API calls are unaffected', async () => {
    const { sandbox, token } = await signedIn();
    sandbox.setFaults({ tokenEndpointDown: true });
    const down = await requestToken(sandbox, PASSWORD_GRANT);
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toContain('text/html');
    expect((await callApi(sandbox, token, '/me')).status).toBe(200);
    sandbox.clearFaults();
    expect((await requestToken(sandbox, PASSWORD_GRANT)).status).toBe(200);
  });

  it('setFaults merges with the faults already armed', async () => {
    const { sandbox, token } = await signedIn();
    sandbox.setFaults({ rateLimitNext: { count: 1, retryAfterSeconds: 1 } });
    sandbox.setFaults({ malformedNext: 1 });
    expect((await callApi(sandbox, token, '/me')).status).toBe(429);
    expect((await callApi(sandbox, token, '/me')).json).toBeUndefined();
    expect((await callApi(sandbox, token, '/me')).json.status).toBe(1);
  });
});

describe('server', () => {
  it('listens on 127.0.0.1 and resets its stats', async () => {
    const sandbox = await start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { access_token } = await signIn(sandbox);
    await callApi(sandbox, access_token, '/me');
    expect(sandbox.stats()).toEqual({ passwordGrants: 1, refreshGrants: 0, apiCalls: 1, rejectedTokens: 0 });
    sandbox.resetStats();
    expect(sandbox.stats()).toEqual({ passwordGrants: 0, refreshGrants: 0, apiCalls: 0, rejectedTokens: 0 });
  });

  it('close() ends a request stuck in latency and refuses new connections', async () => {
    const sandbox = await start();
    const { access_token } = await signIn(sandbox);
    sandbox.setFaults({ latencyMs: 60_000 });
    const pending = callApi(sandbox, access_token, '/me');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await sandbox.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
    await expect(fetch(`${sandbox.url}/api/v2/me`)).rejects.toThrow();
  });

  it('answers unknown modules 404/status 5 and unsupported methods status 4', async () => {
    const sandbox = await start();
    const { access_token } = await signIn(sandbox);
    const unknown = await callApi(sandbox, access_token, '/widgets');
    expect([unknown.status, unknown.json.status, unknown.json.error]).toEqual([404, 5, 'Invalid module']);
    const outside = await read(await fetch(`${sandbox.url}/index.php`));
    expect([outside.status, outside.json.status]).toEqual([404, 5]);
    const patch = await callApi(sandbox, access_token, '/employees', { method: 'PATCH' });
    expect([patch.json.status, patch.headers.get('allow')]).toEqual([4, 'GET, POST']);
  });

  it('answers an undecodable JSON body with status 9 and keeps serving', async () => {
    const sandbox = await start();
    const { access_token } = await signIn(sandbox);
    const response = await fetch(`${sandbox.url}/api/v2/employees?access_token=${access_token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"firstname": ',
    });
    const result = await read(response);
    expect([result.status, result.json.status]).toEqual([200, 9]);
    expect((await callApi(sandbox, access_token, '/me')).json.status).toBe(1);
  });
});
