// OAuth2 token client for Humanity's token.php: the password grant and the refresh grant.
// Humanity documents no error format here, so answers are classified defensively (humanity-api.md §2.5).
import { AppError } from '../shared/app-error';
import type { HttpAnswer, HttpSend } from '../http/http-client';
import { armTimeout, describeHttpFailure } from '../http/http-errors';

export interface ClientCredentials {
  host: string;
  appId: string;
  appSecret: string;
  redirectUri: string;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
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
  constructor(detail: string) {
    super('reauth_required', `Humanity no longer accepts this session (${detail}). Enter your password to sign in again.`);
  }
}

export function tokenEndpoint(host: string): string {
  return `${host}/oauth2/token.php`;
}

export function createTokenClient(deps: TokenClientDeps) {
  async function grant(client: ClientCredentials, fields: Record<string, string>, kind: 'password' | 'refresh'): Promise<TokenSet> {
    const url = tokenEndpoint(client.host);
    const form = new URLSearchParams({ client_id: client.appId, client_secret: client.appSecret, ...fields });
    const timeoutMs = deps.timeoutMs();
    const controller = new AbortController();
    const disarm = armTimeout(controller, timeoutMs);
    let response: HttpAnswer;
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
      throw describeHttpFailure(error, client.host, timeoutMs);
    } finally {
      disarm();
    }
    return interpret(response, text, client.host, kind, deps.now());
  }

  return {
    passwordGrant(client: ClientCredentials, username: string, password: string): Promise<TokenSet> {
      const fields: Record<string, string> = { grant_type: 'password', username, password };
      if (client.redirectUri) fields.redirect_uri = client.redirectUri;
      return grant(client, fields, 'password');
    },
    refreshGrant(client: ClientCredentials, refreshToken: string): Promise<TokenSet> {
      return grant(client, { grant_type: 'refresh_token', refresh_token: refreshToken }, 'refresh');
    },
  };
}

export type TokenClient = ReturnType<typeof createTokenClient>;

function interpret(response: HttpAnswer, text: string, host: string, kind: 'password' | 'refresh', now: number): TokenSet {
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
    if (response.status >= 500) {
      throw new AppError('auth_failed', `Humanity's sign-in service is having trouble (HTTP ${response.status}). Try again in a few minutes.`);
    }
    const looksHtml = /^\s*</.test(text);
    throw notEndpoint(looksHtml ? `it returned an HTML page, HTTP ${response.status}` : `HTTP ${response.status} without JSON`);
  }

  if (typeof body.access_token === 'string' && body.access_token && response.ok) {
    if (typeof body.refresh_token !== 'string' || !body.refresh_token) {
      throw new AppError('auth_failed', 'Humanity signed you in but sent no refresh token, so the session could not be kept. Try again.');
    }
    const seconds = Number(body.expires_in);
    const lifetimeMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000;
    return { accessToken: body.access_token, refreshToken: body.refresh_token, expiresAt: now + lifetimeMs, lifetimeMs };
  }

  const code = typeof body.error === 'string' ? body.error : '';
  const description = typeof body.error_description === 'string' ? body.error_description : typeof body.message === 'string' ? body.message : '';
  const detail = description || code || `HTTP ${response.status}`;
  if (code === 'invalid_client' || /client credentials|client id|client secret/i.test(description)) {
    throw new AppError('invalid_client', 'Humanity rejected the App ID or App Secret. Copy both again from Settings > API v2 in Humanity.');
  }
  if (kind === 'refresh' && (code === 'invalid_grant' || code === 'invalid_token' || /refresh token/i.test(description))) {
    throw new RefreshRejectedError(detail);
  }
  if (kind === 'password' && (code === 'invalid_grant' || /username|password/i.test(description))) {
    throw new AppError(
      'invalid_credentials',
      'Wrong username or password. Use the Humanity login of a user with a password (SSO-only users cannot sign in to the API).',
    );
  }
  if (response.status >= 500) {
    throw new AppError('auth_failed', `Humanity's sign-in service is having trouble (HTTP ${response.status}). Try again in a few minutes.`);
  }
  if (!code && !description) throw notEndpoint(`HTTP ${response.status} without a token`);
  throw new AppError('auth_failed', `Humanity refused the sign-in: ${detail}.`);
}
