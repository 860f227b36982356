// The token client over real HTTP against scripted token.php answers: every variation of a
// success body and every kind of refusal ends in an exact TokenSet or an exact AppError, and
// the request it sends is the form humanity-api.md §2.2/§2.3 describes.
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/http-client';
import { AppError } from '../shared/app-error';
import { json, startScriptedHost, type Route, type ScriptedHost } from '../testing/scripted-host';
import { createTokenClient, RefreshRejectedError, tokenEndpoint, type TokenSet } from './token-client';

/** A fixed clock, so expiresAt is exact. */
const NOW = 1_750_000_000_000;
// Characters that must be form-encoded, to show the fields survive the trip.
const APP_ID = 'app id+1';
const APP_SECRET = 's3cr&t=?%';
const USERNAME = 'ada+admin@example.com';
const PASSWORD = 'pa ss&word=1';
const OLD_REFRESH_TOKEN = 'refresh-old';

const INVALID_CLIENT = 'Humanity rejected the App ID or App Secret. Copy both again from Settings > API v2 in Humanity.';
const INVALID_CREDENTIALS = 'Wrong username or password. Use the Humanity login of a user with a password (SSO-only users cannot sign in to the API).';
const trouble = (status: number) => `Humanity's sign-in service is having trouble (HTTP ${status}). Try again in a few minutes.`;
const notEndpoint = (host: string, what: string) =>
  `${host} is not answering like a Humanity token endpoint (${what}). Check the API host: it is usually https://www.humanity.com.`;
const sessionEnded = (detail: string) => `Humanity no longer accepts this session (${detail}). Enter your password to sign in again.`;

type Grant = 'password' | 'refresh';
const GRANTS: Grant[] = ['password', 'refresh'];

const tokens = createTokenClient({ http: createHttpClient(), now: () => NOW, timeoutMs: () => 5_000 });

const open: ScriptedHost[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function tokenHost(route: Route): Promise<ScriptedHost> {
  const host = await startScriptedHost({ '/oauth2/token.php': route });
  open.push(host);
  return host;
}

/** Runs one grant against a host that answers token.php with `route`. */
async function grantAgainst(grant: Grant, route: Route, redirectUri = ''): Promise<{ host: ScriptedHost; result: Promise<TokenSet> }> {
  const host = await tokenHost(route);
  const client = { host: host.url, appId: APP_ID, appSecret: APP_SECRET, redirectUri };
  const result = grant === 'password' ? tokens.passwordGrant(client, USERNAME, PASSWORD) : tokens.refreshGrant(client, OLD_REFRESH_TOKEN);
  return { host, result };
}

async function tokenSet(grant: Grant, route: Route): Promise<TokenSet> {
  return (await grantAgainst(grant, route)).result;
}

async function refusal(grant: Grant, route: Route): Promise<{ error: AppError; host: string }> {
  const { host, result } = await grantAgainst(grant, route);
  const error = await result.then(
    (set) => new Error(`expected a refusal, got ${JSON.stringify(set)}`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return { error: error as AppError, host: host.url };
}

/** A token answer with `fields` merged in; a field set to undefined is left out of the JSON. */
const success = (fields: Record<string, unknown> = {}) =>
  json(200, { access_token: 'access-new', token_type: 'bearer', expires_in: 3600, refresh_token: 'refresh-new', ...fields });

const withLifetime = (seconds: number): TokenSet => ({
  accessToken: 'access-new',
  refreshToken: 'refresh-new',
  expiresAt: NOW + seconds * 1000,
  lifetimeMs: seconds * 1000,
});

const raw =
  (status: number, body: string, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(status, headers).end(body);
  };

describe('a success answer', () => {
  it.each([
    ['missing', 3600, undefined],
    ['3600', 3600, 3600],
    ['"3600" (a string)', 3600, '3600'],
    ['"120" (a string)', 120, '120'],
    ['120', 120, 120],
    ['0', 3600, 0],
    ['negative', 3600, -60],
    ['null', 3600, null],
    ['an empty string', 3600, ''],
    ['nonsense', 3600, 'one hour'],
    ['an object', 3600, { seconds: 120 }],
    ['a fraction of a second (raised to 1 s, or every request would renew)', 1, 0.0001],
    ['centuries (lowered to 30 days)', 30 * 86_400, 1e300],
  ])('expires_in %s: a lifetime of %i s', async (_label, seconds, expiresIn) => {
    for (const grant of GRANTS) expect(await tokenSet(grant, success({ expires_in: expiresIn }))).toEqual(withLifetime(seconds));
  });

  it.each(['bearer', 'Bearer', 'BEARER', undefined])('token_type %s is accepted', async (tokenType) => {
    expect(await tokenSet('password', success({ token_type: tokenType }))).toEqual(withLifetime(3600));
  });

  it('token_type "mac" is a sentence, not a session', async () => {
    const { error } = await refusal('password', success({ token_type: 'mac' }));
    expect(error).toMatchObject({ code: 'auth_failed', message: 'Humanity sent a "mac" token, which this app cannot use (it needs a bearer token).' });
  });

  it('unknown fields are ignored', async () => {
    const extras = { scope: 'read write', id_token: 'x.y.z', user: { id: 7 }, expires_at: NOW + 5, refresh_expires_in: 60 };
    expect(await tokenSet('password', success(extras))).toEqual(withLifetime(3600));
  });

  it.each(GRANTS)('%s grant without refresh_token (missing, null or empty): refreshToken null', async (grant) => {
    for (const refreshToken of [undefined, null, '']) {
      expect(await tokenSet(grant, success({ refresh_token: refreshToken }))).toEqual({ ...withLifetime(3600), refreshToken: null });
    }
  });

  it('a refresh answer with a new refresh_token hands it over', async () => {
    expect(await tokenSet('refresh', success({ refresh_token: 'refresh-rotated' }))).toEqual({ ...withLifetime(3600), refreshToken: 'refresh-rotated' });
  });
});

describe('a refusal', () => {
  const invalidClientBody = { error: 'invalid_client', error_description: 'The client credentials are invalid' };

  it.each([
    ['HTTP 400 invalid_client', json(400, invalidClientBody)],
    ['HTTP 401 invalid_client', json(401, invalidClientBody, { 'www-authenticate': 'Basic realm="Service"' })],
    ['a bare HTTP 401 without JSON', raw(401, '')],
    ['HTTP 200 invalid_client', json(200, invalidClientBody)],
  ])('%s: invalid_client, on either grant', async (_label, route) => {
    for (const grant of GRANTS) expect((await refusal(grant, route)).error).toMatchObject({ code: 'invalid_client', message: INVALID_CLIENT });
  });

  const invalidGrant = { error: 'invalid_grant', error_description: 'Invalid refresh token' };
  it.each([
    ['HTTP 400', json(400, invalidGrant)],
    ['HTTP 200', json(200, invalidGrant)],
    ['HTTP 200 with an access_token beside the error', json(200, { access_token: 'access-new', token_type: 'bearer', ...invalidGrant })],
  ])('invalid_grant with %s: wrong credentials on the password grant, a refused session on the refresh grant', async (_label, route) => {
    expect((await refusal('password', route)).error).toMatchObject({ code: 'invalid_credentials', message: INVALID_CREDENTIALS });
    const { error } = await refusal('refresh', route);
    expect(error).toBeInstanceOf(RefreshRejectedError);
    expect(error).toMatchObject({ code: 'reauth_required', message: sessionEnded('Invalid refresh token') });
  });

  it('HTTP 429: the sign-in service is busy, whatever the body says', async () => {
    const route = json(429, { error: 'slow_down', error_description: 'Invalid username and password combination' });
    for (const grant of GRANTS) {
      expect((await refusal(grant, route)).error).toMatchObject({ code: 'auth_failed', message: "Humanity's sign-in service is busy (HTTP 429). Wait a minute and try again." });
    }
  });

  it('invalid_grant without a description names the code', async () => {
    const { error } = await refusal('refresh', json(400, { error: 'invalid_grant' }));
    expect(error).toMatchObject({ code: 'reauth_required', message: sessionEnded('invalid_grant') });
  });

  it.each([
    ['an HTML page', raw(200, '<!doctype html><title>Welcome</title>', { 'content-type': 'text/html' }), 'it returned an HTML page, HTTP 200'],
    ['HTTP 404', json(404, { status: 5, data: null, error: 'Invalid module' }), 'HTTP 404, no token endpoint at /oauth2/token.php'],
    ['a redirect', raw(302, '', { location: 'https://www.humanity.com/app/login/' }), 'it redirected to https://www.humanity.com/app/login/'],
    ['a redirect without Location', raw(301, ''), 'it redirected to another address'],
    ['plain text', raw(200, 'OK', { 'content-type': 'text/plain' }), 'HTTP 200 without JSON'],
    ['a JSON object without token or error', json(200, { status: 1, data: [] }), 'HTTP 200 without a token'],
  ])('%s: not a token endpoint', async (_label, route, what) => {
    for (const grant of GRANTS) {
      const { error, host } = await refusal(grant, route);
      expect(error).toMatchObject({ code: 'not_token_endpoint', message: notEndpoint(host, what) });
    }
  });

  it.each([
    [503, raw(503, '<html><body>Service Unavailable</body></html>', { 'content-type': 'text/html' })],
    [500, raw(500, '')],
    [502, json(502, { error: 'server_error', error_description: 'Upstream failed' })],
    // An outage whose words sound like a refusal must not end the session or blame the password.
    [503, json(503, { error: 'temporarily_unavailable', error_description: 'The refresh token store is unavailable' })],
    [500, json(500, { error: 'invalid_grant' })],
    [500, json(500, { error: 'server_error', error_description: 'Could not verify the password right now' })],
    [500, json(500, { error: 'invalid_client' })],
  ])('HTTP %s: the sign-in service is having trouble', async (status, route) => {
    for (const grant of GRANTS) expect((await refusal(grant, route)).error).toMatchObject({ code: 'auth_failed', message: trouble(status) });
  });
});

describe('the request sent', () => {
  async function sentFields(grant: Grant, redirectUri: string): Promise<Record<string, string>> {
    const { host, result } = await grantAgainst(grant, success(), redirectUri);
    await result;
    expect(host.requests).toHaveLength(1);
    const [request] = host.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/oauth2/token.php' });
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request!.headers.accept).toBe('application/json');
    return Object.fromEntries(new URLSearchParams(request!.body));
  }

  const clientFields = { client_id: APP_ID, client_secret: APP_SECRET };
  const passwordFields = { ...clientFields, grant_type: 'password', username: USERNAME, password: PASSWORD };

  it('password grant: client, grant type and user, no redirect_uri when none is set', async () => {
    expect(await sentFields('password', '')).toEqual(passwordFields);
  });

  it('password grant with a redirect URI sends it', async () => {
    expect(await sentFields('password', 'https://app.example/callback')).toEqual({ ...passwordFields, redirect_uri: 'https://app.example/callback' });
  });

  it('refresh grant: client, grant type and the refresh token; never a redirect_uri (RFC 6749 §6 has none)', async () => {
    const refreshFields = { ...clientFields, grant_type: 'refresh_token', refresh_token: OLD_REFRESH_TOKEN };
    expect(await sentFields('refresh', '')).toEqual(refreshFields);
    expect(await sentFields('refresh', 'https://app.example/callback')).toEqual(refreshFields);
  });

  it('the endpoint is <host>/oauth2/token.php', () => {
    expect(tokenEndpoint('https://www.humanity.com')).toBe('https://www.humanity.com/oauth2/token.php');
  });
});
