// OAuth2 token client for Humanity's token.php: the password grant and the refresh grant.
// Humanity documents no error format here, so answers are classified defensively (humanity-api.md §2.5).
import { AppError } from '../shared/app-error';
import type { HttpResponse, HttpSend } from '../http/http-client';
import { armTimeout, describeHttpFailure } from '../http/http-errors';

export interface ClientCredentials {
  host: string;
  appId: string;
  appSecret: string;
  redirectUri: string;
}

export interface TokenSet {
  accessToken: string;
  /**
   * Null when the answer carried none: RFC 6749 §5.1 makes it optional, and the PHP library
   * token.php resembles sends none on refresh by default (humanity-api.md §2.3).
   */
  refreshToken: string | null;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  lifetimeMs: number;
}

export interface TokenClientDeps {
  http: HttpSend;
  now(): number;
  timeoutMs(): number;
}

export class RefreshRejectedError extends AppError {
  constructor(
    detail: string,
    /** The server offers no refresh grant (this app may not use it): no session is ever renewed. */
    readonly refreshUnsupported = false,
  ) {
    super('reauth_required', `Humanity no longer accepts this session (${detail}). Enter your password to sign in again.`);
  }
}

/** How a server without the refresh grant (or without it for this app) refuses one (RFC 6749 §5.2). */
const REFRESH_UNSUPPORTED = new Set(['unsupported_grant_type', 'unauthorized_client']);

export function tokenEndpoint(host: string): string {
  return `${host}/oauth2/token.php`;
}

export function createTokenClient(deps: TokenClientDeps) {
  /** `stop`: the session's signal; its end aborts the grant. */
  async function grant(client: ClientCredentials, fields: Record<string, string>, kind: 'password' | 'refresh', stop?: AbortSignal): Promise<TokenSet> {
    const url = tokenEndpoint(client.host);
    const form = new URLSearchParams({ client_id: client.appId, client_secret: client.appSecret, ...fields });
    const timeoutMs = deps.timeoutMs();
    const controller = new AbortController();
    const disarm = armTimeout(controller, timeoutMs);
    const onStop = () => controller.abort(stop?.reason);
    if (stop?.aborted) onStop();
    stop?.addEventListener('abort', onStop, { once: true });
    let response: HttpResponse;
    let text: string;
    try {
      response = await deps.http(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      if (stop?.aborted) throw stop.reason;
      throw describeHttpFailure(error, client.host, timeoutMs, controller.signal);
    } finally {
      disarm();
      stop?.removeEventListener('abort', onStop);
    }
    return interpret(response, text, client.host, kind, deps.now());
  }

  return {
    passwordGrant(client: ClientCredentials, username: string, password: string, stop?: AbortSignal): Promise<TokenSet> {
      const fields: Record<string, string> = { grant_type: 'password', username, password };
      if (client.redirectUri) fields.redirect_uri = client.redirectUri;
      return grant(client, fields, 'password', stop);
    },
    refreshGrant(client: ClientCredentials, refreshToken: string, stop?: AbortSignal): Promise<TokenSet> {
      return grant(client, { grant_type: 'refresh_token', refresh_token: refreshToken }, 'refresh', stop);
    },
  };
}

export type TokenClient = ReturnType<typeof createTokenClient>;

function interpret(response: HttpResponse, text: string, host: string, kind: 'password' | 'refresh', now: number): TokenSet {
  const notEndpoint = (what: string) =>
    new AppError(
      'not_token_endpoint',
      `${host} is not answering like a Humanity token endpoint (${what}). Check the API host: it is usually https://www.humanity.com.`,
    );
  if (response.status >= 300 && response.status < 400) throw notEndpoint(`it redirected to ${response.headers.get('location') ?? 'another address'}`);
  if (response.status === 404) throw notEndpoint('HTTP 404, no token endpoint at /oauth2/token.php');

  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    body = parsed as Record<string, unknown>;
  } catch {
    // A bare 401 is how a server refuses client authentication it wanted as HTTP Basic.
    if (response.status === 401) throw invalidClient();
    if (response.status >= 500) throw trouble(response.status);
    const looksHtml = /^\s*</.test(text);
    throw notEndpoint(looksHtml ? `it returned an HTML page, HTTP ${response.status}` : `HTTP ${response.status} without JSON`);
  }

  // A 200 with an `error` field is a refusal, whatever else it holds.
  if (typeof body.access_token === 'string' && body.access_token && response.ok && (body.error === undefined || body.error === null)) {
    const tokenType = typeof body.token_type === 'string' ? body.token_type : 'bearer';
    if (tokenType.toLowerCase() !== 'bearer') {
      throw new AppError('auth_failed', `Humanity sent a "${tokenType}" token, which this app cannot use (it needs a bearer token).`);
    }
    const refreshToken = typeof body.refresh_token === 'string' && body.refresh_token ? body.refresh_token : null;
    return { accessToken: body.access_token, refreshToken, ...lifetime(body.expires_in, now) };
  }

  // An outage says nothing about the credentials, whatever its body's words: it must not end the
  // session or call the password wrong.
  if (response.status >= 500) throw trouble(response.status);
  if (response.status === 429) {
    throw new AppError('auth_failed', `Humanity's sign-in service is busy (HTTP 429). Wait a minute and try again.`);
  }
  const code = typeof body.error === 'string' ? body.error : '';
  const description = typeof body.error_description === 'string' ? body.error_description : typeof body.message === 'string' ? body.message : '';
  const detail = description || code || `HTTP ${response.status}`;
  // 400 in the PHP library and RFC 6749 §5.2, 401 where the client authenticated with HTTP Basic.
  if (code === 'invalid_client' || /client credentials|client id|client secret|client is invalid/i.test(description)) {
    throw invalidClient();
  }
  if (kind === 'refresh' && REFRESH_UNSUPPORTED.has(code)) throw new RefreshRejectedError(detail, true);
  if (kind === 'refresh' && (code === 'invalid_grant' || code === 'invalid_token' || /refresh token/i.test(description))) {
    throw new RefreshRejectedError(detail);
  }
  if (kind === 'password' && (code === 'invalid_grant' || /username|password|user credentials/i.test(description))) {
    throw new AppError(
      'invalid_credentials',
      'Wrong username or password. Use the Humanity login of a user with a password (SSO-only users cannot sign in to the API).',
    );
  }
  if (!code && !description) throw notEndpoint(`HTTP ${response.status} without a token`);
  throw new AppError('auth_failed', `Humanity refused the sign-in: ${detail}.`);
}

const DEFAULT_LIFETIME_S = 3600;
/** Bounds on a stated lifetime: a fraction of a second would renew before every request. */
const MIN_LIFETIME_S = 1;
const MAX_LIFETIME_S = 30 * 86_400;

/** `expires_in` missing, a string, zero or nonsense: Humanity's tokens live an hour (§2.2). */
function lifetime(expiresIn: unknown, now: number): { expiresAt: number; lifetimeMs: number } {
  const seconds = typeof expiresIn === 'number' || typeof expiresIn === 'string' ? Number(expiresIn) : NaN;
  const stated = Number.isFinite(seconds) && seconds > 0 ? Math.min(Math.max(seconds, MIN_LIFETIME_S), MAX_LIFETIME_S) : DEFAULT_LIFETIME_S;
  const lifetimeMs = stated * 1000;
  return { expiresAt: now + lifetimeMs, lifetimeMs };
}

function trouble(status: number): AppError {
  return new AppError('auth_failed', `Humanity's sign-in service is having trouble (HTTP ${status}). Try again in a few minutes.`);
}

function invalidClient(): AppError {
  return new AppError('invalid_client', 'Humanity rejected the App ID or App Secret. Copy both again from Settings > API v2 in Humanity.');
}
