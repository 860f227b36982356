// Helpers for the sandbox tests: start servers that close after each test, get tokens, call the API.
import { afterEach } from 'vitest';
import { SANDBOX_DEMO, startSandbox, type SandboxOptions, type SandboxServer } from './server';

// Test code reads arbitrary response JSON; `any` keeps the assertions readable.
export type Json = any;

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json: Json;
}

/** Registers an afterEach that closes every server the returned function started. */
export function useSandboxes(): (options?: SandboxOptions) => Promise<SandboxServer> {
  const open: SandboxServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
  });
  return async (options) => {
    const sandbox = await startSandbox(options);
    open.push(sandbox);
    return sandbox;
  };
}

export const PASSWORD_GRANT = {
  grant_type: 'password',
  client_id: SANDBOX_DEMO.clientId,
  client_secret: SANDBOX_DEMO.clientSecret,
  username: SANDBOX_DEMO.username,
  password: SANDBOX_DEMO.password,
  redirect_uri: '',
};

export function refreshGrant(refreshToken: string): Record<string, string> {
  return {
    grant_type: 'refresh_token',
    client_id: SANDBOX_DEMO.clientId,
    client_secret: SANDBOX_DEMO.clientSecret,
    refresh_token: refreshToken,
  };
}

export async function read(response: Response): Promise<HttpResult> {
  const text = await response.text();
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POSTs form fields to token.php. */
export async function requestToken(sandbox: SandboxServer, fields: Record<string, string>): Promise<HttpResult> {
  return read(await fetch(`${sandbox.url}/oauth2/token.php`, { method: 'POST', body: new URLSearchParams(fields) }));
}

export async function signIn(
  sandbox: SandboxServer,
  fields: Record<string, string> = PASSWORD_GRANT,
): Promise<{ access_token: string; refresh_token: string; expires_in: number }> {
  const result = await requestToken(sandbox, fields);
  if (result.status !== 200) throw new Error(`sign-in failed: ${result.text}`);
  return result.json;
}

export interface CallOptions {
  method?: string;
  /** Sent form-urlencoded, or as JSON with `json: true`. */
  body?: Record<string, unknown>;
  json?: boolean;
  /** Send the token as `Authorization: Bearer` instead of the query parameter. */
  bearer?: boolean;
}

/** Calls `/api/v2<path>` (path may carry a query string) with the token. */
export async function callApi(
  sandbox: SandboxServer,
  token: string | null,
  path: string,
  options: CallOptions = {},
): Promise<HttpResult> {
  const url = new URL(`${sandbox.url}/api/v2${path}`);
  const headers: Record<string, string> = {};
  if (token !== null && options.bearer) headers.authorization = `Bearer ${token}`;
  else if (token !== null) url.searchParams.set('access_token', token);
  let body: string | undefined;
  if (options.body && options.json) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  } else if (options.body) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(Object.entries(options.body).map(([key, value]) => [key, String(value)])).toString();
  }
  return read(await fetch(url, { method: options.method ?? 'GET', headers, body }));
}
