// Conformance against an OAuth2 server we did not write: @node-oauth/oauth2-server 5.3.0 behind a
// small node:http adapter (errors written as its Express/Koa adapters do), with an in-memory model,
// driven by the real token client and the real main-side core. Run in both refresh modes the
// library has: rotating (alwaysIssueNewRefreshToken: true, its default) and non-rotating (false).
//
// What the conformance suite found (the library's side is asserted below; the sandbox's is read
// from src-main/sandbox/token-endpoint.ts and token-store.ts):
// - The app works against it unchanged: sign-in, /me, renewal before expiry and after a 401,
//   several expiries in a row, a refresh token redeemed elsewhere or revoked (a silent new grant
//   with a remembered password, otherwise exactly one "Sign in again" that releases the waiting
//   requests), and the wrong App Secret or password each end in the app's own sentence.
// - Success: HTTP 200, `token_type: "Bearer"` (capital B; Humanity's doc and our sandbox say
//   "bearer"), no `scope` field at all (the sandbox sends `scope: null`), Cache-Control: no-store
//   and Pragma: no-cache, 64-hex tokens (the sandbox's are 40-hex). `expires_in` is counted down
//   from the saved expiry when the answer is built, rounded down: a 3600 s lifetime answers 3599
//   or 3600, depending on whether a millisecond passed (the sandbox always says 3600).
// - Refresh: rotating answers a new `refresh_token` and revokes the old one; non-rotating answers
//   none and the old one keeps working. Its source has no third mode like the sandbox's default
//   `delete` (no new refresh token AND the old one gone: the PHP library's default).
// - Token errors, all HTTP 400 unless said, descriptions prefixed "Invalid client:" / "Invalid
//   grant:" where the sandbox uses the PHP library's sentences: wrong App Secret or unknown App ID
//   → invalid_client "Invalid client: client is invalid" (sandbox "The client credentials are
//   invalid"); the same with HTTP Basic → 401 + WWW-Authenticate: Basic realm="Service"; no
//   client_secret → invalid_client "Invalid client: cannot retrieve client credentials" (sandbox:
//   invalid_request); wrong user or password → invalid_grant "Invalid grant: user credentials
//   are invalid" (sandbox "Invalid username and password combination"); unknown, reused or revoked
//   refresh token → invalid_grant "Invalid grant: refresh token is invalid" (sandbox "Invalid
//   refresh token"); expired one → "Invalid grant: refresh token has expired"; GET → 400
//   invalid_request "Invalid request: method must be POST" (sandbox: 405 with Allow: POST); a JSON
//   body → 400 invalid_request; an unknown grant type → unsupported_grant_type; a grant the client
//   may not use → unauthorized_client.
// - API side (its authenticate()): an expired access token → 401 invalid_token "Invalid token:
//   access token has expired", an unknown one → "...is invalid", both with WWW-Authenticate:
//   Bearer ... error="invalid_token"; no token → 401 with an empty body. By default it refuses
//   the token in the query string, the app's default delivery (Humanity's doc): 400
//   invalid_request "Invalid request: do not send bearer tokens in query URLs", which is not a
//   token rejection to the app; the adapter here turns allowBearerTokensInQueryString on.
// - It takes no clock: it compares expiries with new Date(), so the model here moves the saved
//   expiries back to let time pass on the server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import OAuth2Server from '@node-oauth/oauth2-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/http-client';
import type { SandboxServer } from '../sandbox/server';
import type { AuthState, ResponseSummary, Result, SessionView } from '../shared/contract';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';
import { createTokenClient, RefreshRejectedError, type ClientCredentials, type TokenSet } from './token-client';

const APP = { appId: 'conformance-app', appSecret: 'conformance-secret' };
const USER = { username: 'ada@conformance.example', password: 'correct horse battery' };
const EMPLOYEE = { id: 4711, firstname: 'Ada', lastname: 'Lovelace' };
const CLIENT: OAuth2Server.Client = { id: APP.appId, grants: ['password', 'refresh_token'] };
const LIFETIME_S = 3600;
/** A little past the access token's lifetime. */
const AN_HOUR_MS = (LIFETIME_S + 1) * 1000;
const HEX64 = /^[0-9a-f]{64}$/;
const NOW = 1_750_000_000_000;

/**
 * The library's in-memory store. The library reads its own clock (new Date()), so time passes on
 * the server by moving every saved expiry back instead.
 */
class MemoryModel implements OAuth2Server.PasswordModel, OAuth2Server.RefreshTokenModel {
  private readonly access = new Map<string, OAuth2Server.Token>();
  private readonly refresh = new Map<string, OAuth2Server.RefreshToken>();
  /** getUser calls: every password grant that reached the user check. */
  passwordGrants = 0;
  /** Every refresh token presented to the refresh grant, in order. */
  readonly presented: string[] = [];

  async getClient(clientId: string, clientSecret: string) {
    return clientId === APP.appId && clientSecret === APP.appSecret ? CLIENT : null;
  }

  async getUser(username: string, password: string) {
    this.passwordGrants += 1;
    return username === USER.username && password === USER.password ? EMPLOYEE : null;
  }

  async saveToken(token: OAuth2Server.Token, client: OAuth2Server.Client, user: OAuth2Server.User) {
    const saved = { ...token, client, user };
    this.access.set(token.accessToken, saved);
    const { refreshToken, refreshTokenExpiresAt, scope } = token;
    if (refreshToken) this.refresh.set(refreshToken, { refreshToken, refreshTokenExpiresAt, scope, client, user });
    return saved;
  }

  async getAccessToken(accessToken: string) {
    return this.access.get(accessToken) ?? null;
  }

  async getRefreshToken(refreshToken: string) {
    this.presented.push(refreshToken);
    return this.refresh.get(refreshToken) ?? null;
  }

  async revokeToken(token: OAuth2Server.RefreshToken) {
    return this.refresh.delete(token.refreshToken);
  }

  passTime(ms: number): void {
    const earlier = (date: Date | undefined) => date && new Date(date.getTime() - ms);
    for (const token of this.access.values()) token.accessTokenExpiresAt = earlier(token.accessTokenExpiresAt);
    for (const token of this.refresh.values()) token.refreshTokenExpiresAt = earlier(token.refreshTokenExpiresAt);
  }

  validRefreshTokens(): string[] {
    return [...this.refresh.keys()];
  }

  revokeRefreshTokens(): void {
    this.refresh.clear();
  }
}

interface TokenAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

interface OAuthHost {
  url: string;
  oauth: OAuth2Server;
  model: MemoryModel;
  /** Every answer of token.php, in order. */
  tokenAnswers: TokenAnswer[];
  api: { calls: number; rejected: number };
  close(): Promise<void>;
}

const TOKEN_PATH = '/oauth2/token.php';
const API_PREFIX = '/api/v2/';

async function startOAuthHost(alwaysIssueNewRefreshToken: boolean): Promise<OAuthHost> {
  const model = new MemoryModel();
  const oauth = new OAuth2Server({
    model,
    accessTokenLifetime: LIFETIME_S,
    refreshTokenLifetime: 14 * 86_400,
    alwaysIssueNewRefreshToken,
    allowBearerTokensInQueryString: true,
  });
  const tokenAnswers: TokenAnswer[] = [];
  const api = { calls: 0, rejected: 0 };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request = new OAuth2Server.Request({
      method: req.method ?? 'GET',
      headers: req.headers as Record<string, string>,
      query: Object.fromEntries(url.searchParams),
      // Parsed as a form whatever its type: the library checks the content type itself.
      body: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
    });
    const response = new OAuth2Server.Response();
    const isToken = url.pathname === TOKEN_PATH;
    const isApi = url.pathname.startsWith(API_PREFIX);
    if (isApi) api.calls += 1;
    let answer: { status: number; body: Record<string, unknown> | null };
    try {
      if (isToken) {
        await oauth.token(request, response);
        answer = { status: response.status ?? 200, body: response.body };
      } else if (isApi) {
        const token = await oauth.authenticate(request, response);
        const path = url.pathname.slice(API_PREFIX.length);
        answer = { status: 200, body: { status: 1, data: path === 'me' ? EMPLOYEE : [EMPLOYEE], token: token.accessToken } };
      } else {
        answer = { status: 404, body: { status: 5, data: null, error: 'Invalid module' } };
      }
    } catch (error) {
      if (!(error instanceof OAuth2Server.OAuthError)) throw error;
      if (isApi) api.rejected += 1;
      // As the library's own adapters: its status, name and message; no body when the request
      // carried no authentication at all (RFC 6750 §3.1).
      const bare = error instanceof OAuth2Server.UnauthorizedRequestError;
      answer = { status: error.code, body: bare ? null : { error: error.name, error_description: error.message } };
    }
    const headers = { ...response.headers };
    if (isToken) tokenAnswers.push({ status: answer.status, headers, body: answer.body ?? {} });
    if (!answer.body) return void res.writeHead(answer.status, headers).end();
    res.writeHead(answer.status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    oauth,
    model,
    tokenAnswers,
    api,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function oauthHost(rotate = true): Promise<OAuthHost> {
  const host = await startOAuthHost(rotate);
  open.push(host);
  return host;
}

const tokens = createTokenClient({ http: createHttpClient(), now: () => NOW, timeoutMs: () => 5_000 });
const clientOf = (host: OAuthHost): ClientCredentials => ({ host: host.url, ...APP, redirectUri: '' });

/** Any HTTP request, its JSON body read (null when empty). */
async function exchange(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const passwordFields = { client_id: APP.appId, client_secret: APP.appSecret, grant_type: 'password', ...USER };

/** What the token client rejected with. */
async function refusedWith(grant: Promise<TokenSet>): Promise<Error> {
  return grant.then(
    (set) => new Error(`expected a refusal, got ${JSON.stringify(set)}`),
    (error: Error) => error,
  );
}

function ok<T>(result: Result<unknown>): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: T }).data;
}

interface World {
  host: OAuthHost;
  f: CoreFixture;
  /** The app's clock (the core's `now`). */
  clock: { now: number };
}

/** The real core with `host` as its Humanity; sign in with `f.login({ ...APP, ...USER })`. */
async function coreOn(host: OAuthHost, now?: () => number): Promise<CoreFixture> {
  // startCore only reads a sandbox's url; one it is given it never closes.
  const f = await startCore({ sandbox: { url: host.url } as SandboxServer, now });
  open.push(f);
  return f;
}

async function signedIn(rotate: boolean, rememberPassword: boolean): Promise<World> {
  const host = await oauthHost(rotate);
  const clock = { now: Date.now() };
  const f = await coreOn(host, () => clock.now);
  ok(await f.login({ ...APP, ...USER, rememberPassword }));
  return { host, f, clock };
}

/** An hour passes on the server, and on the app's clock too unless only the server notices. */
function anHourPasses(w: World, where: 'everywhere' | 'server only'): void {
  w.host.model.passTime(AN_HOUR_MS);
  if (where === 'everywhere') w.clock.now += AN_HOUR_MS;
}

const send = (w: World) => w.f.call('request:send', getRequest('employees'));

async function succeeds(w: World): Promise<ResponseSummary> {
  const summary = ok<ResponseSummary>(await send(w));
  expect(summary).toMatchObject({ httpStatus: 200, envelope: { kind: 'success' } });
  return summary;
}

async function session(w: World): Promise<SessionView> {
  const view = ok<AuthState>(await w.f.call('auth:state')).session;
  expect(view).not.toBeNull();
  return view!;
}

/**
 * The refresh token is refused: with a remembered password a silent new grant; without, exactly
 * one "Sign in again" while three requests wait, and answering it lets all three through.
 */
async function expectSessionReplaced(w: World, remembered: boolean): Promise<void> {
  const waiting = [send(w), send(w), send(w)];
  if (!remembered) {
    await expect.poll(() => w.f.pageEvents).toEqual(['session-changed']);
    expect(await session(w)).toMatchObject({ needsSignIn: true });
    ok(await w.f.call('auth:reauth', { password: USER.password, remember: false }));
  }
  for (const result of await Promise.all(waiting)) expect(ok<ResponseSummary>(result).envelope.kind).toBe('success');
  expect(w.f.pageEvents).toEqual(remembered ? [] : ['session-changed', 'session-changed']);
  expect(w.host.model.passwordGrants).toBe(2);
  expect((await session(w)).lastRefresh?.message).toBe(remembered ? 'Signed in again with the remembered password.' : 'Signed in again.');
}

describe('what the library answers, in either refresh mode', () => {
  it.each([
    ['a wrong App Secret', (c: ClientCredentials) => tokens.passwordGrant({ ...c, appSecret: 'wrong' }, USER.username, USER.password), 'invalid_client', 'Invalid client: client is invalid', 'invalid_client'],
    ['an unknown App ID', (c: ClientCredentials) => tokens.passwordGrant({ ...c, appId: 'nobody' }, USER.username, USER.password), 'invalid_client', 'Invalid client: client is invalid', 'invalid_client'],
    ['a wrong password', (c: ClientCredentials) => tokens.passwordGrant(c, USER.username, 'wrong'), 'invalid_grant', 'Invalid grant: user credentials are invalid', 'invalid_credentials'],
    ['an unknown user', (c: ClientCredentials) => tokens.passwordGrant(c, 'eve@conformance.example', USER.password), 'invalid_grant', 'Invalid grant: user credentials are invalid', 'invalid_credentials'],
    ['an unknown refresh token', (c: ClientCredentials) => tokens.refreshGrant(c, 'f'.repeat(64)), 'invalid_grant', 'Invalid grant: refresh token is invalid', 'reauth_required'],
  ])('%s: HTTP 400 %s "%s", which the token client reads as %s', async (_label, grant, error, description, appCode) => {
    const host = await oauthHost();
    expect(await refusedWith(grant(clientOf(host)))).toMatchObject({ code: appCode });
    expect(host.tokenAnswers).toEqual([{ status: 400, headers: {}, body: { error, error_description: description } }]);
  });

  it('an expired refresh token: invalid_grant "refresh token has expired", a refused session to the token client', async () => {
    const host = await oauthHost();
    const { refreshToken } = await tokens.passwordGrant(clientOf(host), USER.username, USER.password);
    host.model.passTime(15 * 86_400_000);
    const error = await refusedWith(tokens.refreshGrant(clientOf(host), refreshToken!));
    expect(error).toBeInstanceOf(RefreshRejectedError);
    expect(error.message).toBe('Humanity no longer accepts this session (Invalid grant: refresh token has expired). Enter your password to sign in again.');
    expect(host.tokenAnswers[1]).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid grant: refresh token has expired' } });
  });

  const basic = `Basic ${Buffer.from(`${APP.appId}:wrong`).toString('base64')}`;
  it.each([
    ['no client_secret', form({ ...passwordFields, client_secret: '' }), 400, 'invalid_client', 'Invalid client: cannot retrieve client credentials', null],
    ['a wrong secret in HTTP Basic', { ...form({ grant_type: 'password', ...USER }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic } }, 401, 'invalid_client', 'Invalid client: client is invalid', 'Basic realm="Service"'],
    ['a grant the client may not use', form({ ...passwordFields, grant_type: 'client_credentials' }), 400, 'unauthorized_client', 'Unauthorized client: `grant_type` is invalid', null],
    ['an unknown grant type', form({ ...passwordFields, grant_type: 'magic' }), 400, 'unsupported_grant_type', 'Unsupported grant type: `grant_type` is invalid', null],
    ['GET', { method: 'GET' }, 400, 'invalid_request', 'Invalid request: method must be POST', null],
    ['a JSON body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(passwordFields) }, 400, 'invalid_request', 'Invalid request: content must be application/x-www-form-urlencoded', null],
  ])('token.php with %s: HTTP %i %s "%s"', async (_label, init, status, error, description, wwwAuthenticate) => {
    const host = await oauthHost();
    const answer = await exchange(`${host.url}${TOKEN_PATH}`, init);
    expect(answer).toMatchObject({ status, body: { error, error_description: description } });
    expect(answer.headers.get('www-authenticate')).toBe(wwwAuthenticate);
  });

  it('the API side: tokens in the query or the header; expired, unknown and missing ones refused with 401', async () => {
    const host = await oauthHost();
    const { accessToken } = await tokens.passwordGrant(clientOf(host), USER.username, USER.password);
    const me = `${host.url}${API_PREFIX}me`;
    const envelope = { status: 1, data: EMPLOYEE, token: accessToken };
    expect(await exchange(`${me}?access_token=${accessToken}`)).toMatchObject({ status: 200, body: envelope });
    expect(await exchange(me, { headers: { authorization: `Bearer ${accessToken}` } })).toMatchObject({ status: 200, body: envelope });

    // The library's default: no token in the query string, so the app's default delivery is refused.
    const queryOnly = new OAuth2Server.Request({ method: 'GET', headers: {}, query: { access_token: accessToken } });
    await expect(host.oauth.authenticate(queryOnly, new OAuth2Server.Response(), { allowBearerTokensInQueryString: false })).rejects.toMatchObject({
      code: 400,
      name: 'invalid_request',
      message: 'Invalid request: do not send bearer tokens in query URLs',
    });

    const expectRefused = async (token: string, description: string) => {
      const answer = await exchange(`${me}?access_token=${token}`);
      expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_token', error_description: description } });
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="Service",error="invalid_token"');
    };
    await expectRefused('0'.repeat(64), 'Invalid token: access token is invalid');
    const missing = await exchange(me);
    expect(missing).toMatchObject({ status: 401, body: null });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="Service"');
    host.model.passTime(AN_HOUR_MS);
    await expectRefused(accessToken, 'Invalid token: access token has expired');
  });

  it('the app signs in, names the user from /me, and sends with the token in the query or the header', async () => {
    const w = await signedIn(true, false);
    const view = await session(w);
    expect(view).toMatchObject({ host: w.host.url, username: USER.username, userName: 'Ada Lovelace', userId: '4711', needsSignIn: false });
    // expires_in as the library rounds it (see the top of the file).
    expect([3599_000, 3600_000]).toContain(view.expiresAt - w.clock.now);
    expect((await succeeds(w)).url).toBe(`${w.host.url}/api/v2/employees?access_token=[REDACTED]`);
    ok(await w.f.call('settings:update', { tokenDelivery: 'header' }));
    expect((await succeeds(w)).url).toBe(`${w.host.url}/api/v2/employees`);
    expect(w.host.api).toEqual({ calls: 3, rejected: 0 });
  });

  it.each([
    ['App Secret', { appSecret: 'wrong' }, 'invalid_client', 'Humanity rejected the App ID or App Secret. Copy both again from Settings > API v2 in Humanity.'],
    ['password', { password: 'wrong' }, 'invalid_credentials', 'Wrong username or password. Use the Humanity login of a user with a password (SSO-only users cannot sign in to the API).'],
  ])('the app with a wrong %s: its sentence (%s), no session', async (_label, wrong, code, message) => {
    const f = await coreOn(await oauthHost());
    expect(await f.login({ ...APP, ...USER, ...wrong })).toEqual({ ok: false, error: { code, message } });
    expect(ok<AuthState>(await f.call('auth:state')).session).toBeNull();
  });
});

describe.each([
  { mode: 'rotating (alwaysIssueNewRefreshToken: true)', rotate: true },
  { mode: 'non-rotating (alwaysIssueNewRefreshToken: false)', rotate: false },
])('$mode', ({ rotate }) => {
  it('password grant, refresh and the first refresh token again: on the wire and to the token client', async () => {
    const host = await oauthHost(rotate);
    const client = clientOf(host);
    const first = await tokens.passwordGrant(client, USER.username, USER.password);
    expect(first).toEqual({ accessToken: expect.stringMatching(HEX64), refreshToken: expect.stringMatching(HEX64), expiresAt: NOW + first.lifetimeMs, lifetimeMs: expect.any(Number) });
    expect([3599_000, 3600_000]).toContain(first.lifetimeMs);
    const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
    expect(host.tokenAnswers[0]).toEqual({
      status: 200,
      headers: noStore,
      body: { access_token: first.accessToken, token_type: 'Bearer', expires_in: first.lifetimeMs / 1000, refresh_token: first.refreshToken },
    });

    const renewed = await tokens.refreshGrant(client, first.refreshToken!);
    const rotated = rotate ? { refresh_token: renewed.refreshToken } : {};
    expect(host.tokenAnswers[1]).toEqual({ status: 200, headers: noStore, body: { access_token: renewed.accessToken, token_type: 'Bearer', expires_in: renewed.lifetimeMs / 1000, ...rotated } });
    expect(renewed.refreshToken).toEqual(rotate ? expect.stringMatching(HEX64) : null);
    expect(renewed.refreshToken).not.toBe(first.refreshToken);

    const again = tokens.refreshGrant(client, first.refreshToken!);
    if (rotate) {
      expect(await refusedWith(again)).toBeInstanceOf(RefreshRejectedError);
      expect(host.tokenAnswers[2]).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid grant: refresh token is invalid' } });
    } else {
      expect((await again).accessToken).toMatch(HEX64);
      expect(host.tokenAnswers[2]!.status).toBe(200);
    }
  });

  it.each([
    { where: 'everywhere' as const, why: 'renewed first by its own clock, no request meets a 401', refreshed: false, rejected: 0 },
    { where: 'server only' as const, why: 'one 401, one refresh, the request retried', refreshed: true, rejected: 1 },
  ])('an hour passes $where: $why', async ({ where, refreshed, rejected }) => {
    const w = await signedIn(rotate, false);
    anHourPasses(w, where);
    expect((await succeeds(w)).refreshed).toBe(refreshed);
    expect(w.host.model.presented).toHaveLength(1);
    expect(w.host.api.rejected).toBe(rejected);
  });

  it(`three expiries in a row: ${rotate ? 'each refresh presents the newest token' : 'the same refresh token every time'}, no prompt`, async () => {
    const w = await signedIn(rotate, false);
    const [signInToken] = w.host.model.validRefreshTokens();
    for (let i = 0; i < 3; i += 1) {
      anHourPasses(w, 'everywhere');
      await succeeds(w);
    }
    const { presented } = w.host.model;
    expect(presented[0]).toBe(signInToken);
    expect(new Set(presented).size).toBe(rotate ? 3 : 1);
    expect(presented).toHaveLength(3);
    expect(w.host.model.validRefreshTokens()).toHaveLength(1);
    expect(w.host.model.passwordGrants).toBe(1);
    expect(w.f.pageEvents).toEqual([]);
  });

  it.each([true, false])('the refresh token redeemed elsewhere (a second copy of the app), Remember password %s', async (remember) => {
    const w = await signedIn(rotate, remember);
    const [ours] = w.host.model.validRefreshTokens();
    await tokens.refreshGrant(clientOf(w.host), ours!);
    anHourPasses(w, 'everywhere');
    if (rotate) {
      // The library revoked ours when it rotated it for the other copy.
      await expectSessionReplaced(w, remember);
    } else {
      await succeeds(w);
      expect(w.host.model.presented).toEqual([ours, ours]);
      expect(w.f.pageEvents).toEqual([]);
      expect(w.host.model.passwordGrants).toBe(1);
    }
  });

  it.each([true, false])('the refresh token revoked after a first renewal, Remember password %s', async (remember) => {
    const w = await signedIn(rotate, remember);
    anHourPasses(w, 'everywhere');
    await succeeds(w);
    w.host.model.revokeRefreshTokens();
    anHourPasses(w, 'server only');
    await expectSessionReplaced(w, remember);
  });
});
