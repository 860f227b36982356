// A Humanity v2 API simulator on 127.0.0.1: the app's "Try the sandbox" backend and the tests'
// server. Node built-ins only; never imports electron.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DROP, handleApiCall } from './api-gateway';
import type { SandboxContext } from './context';
import { envelopeReply, failure, Status } from './envelope';
import { FaultSwitches } from './faults';
import { jsonReply, parseBody, queryParams, readBody, send, type Reply } from './http-io';
import { Org } from './org-state';
import { handleTokenRequest } from './token-endpoint';
import { TokenStore } from './token-store';
import { DEFAULT_REFRESH_BEHAVIOUR, type SandboxOptions, type SandboxServer, type SandboxStats } from './types';

export type { AuthErrorStyle, RefreshBehaviour, SandboxFaults, SandboxLogEntry, SandboxOptions, SandboxServer, SandboxStats } from './types';
export { AUTH_ERROR_STYLES, DEFAULT_REFRESH_BEHAVIOUR, REFRESH_BEHAVIOURS } from './types';

export const SANDBOX_DEMO = {
  clientId: 'sandbox-app',
  clientSecret: 'sandbox-app-secret',
  username: 'demo.admin@sandbox.example',
  password: 'sandbox-demo',
} as const;

export const TOKEN_PATH = '/oauth2/token.php';
export const API_PREFIX = '/api/v2';

const HOST = '127.0.0.1';
const REQUEST_LOG_MAX = 10_000;

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxServer> {
  const clock = options.now ?? Date.now;
  const credentials = {
    clientId: options.clientId ?? SANDBOX_DEMO.clientId,
    clientSecret: options.clientSecret ?? SANDBOX_DEMO.clientSecret,
    username: options.username ?? SANDBOX_DEMO.username,
    password: options.password ?? SANDBOX_DEMO.password,
  };
  const context: SandboxContext = {
    clock,
    credentials,
    tokens: new TokenStore(clock, options.tokenFactory ?? randomToken, options.tokenLifetimeSeconds ?? 3600, options.refreshBehaviour ?? DEFAULT_REFRESH_BEHAVIOUR),
    faults: new FaultSwitches(),
    org: new Org(credentials.username, clock()),
    stats: emptyStats(),
    requestLog: [],
    authErrorStyle: options.authErrorStyle ?? 'http401',
  };
  // Aborted on close so responses waiting out a latency fault stop waiting.
  const closing = new AbortController();

  const handle = (req: IncomingMessage, res: ServerResponse) => void serve(context, closing.signal, req, res);
  const server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, handle) : createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? 'https' : 'http'}://${options.urlHost ?? HOST}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        // Resolves even when already closed: closing twice is harmless.
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    setFaults: (faults) => context.faults.set(faults),
    clearFaults: () => context.faults.clear(),
    setAuthErrorStyle: (style) => {
      context.authErrorStyle = style;
    },
    setRefreshBehaviour: (behaviour) => {
      context.tokens.refreshBehaviour = behaviour;
    },
    setTokenLifetime: (seconds) => {
      context.tokens.lifetimeSeconds = seconds;
    },
    expireAccessTokens: () => context.tokens.expireAccessTokens(),
    revokeRefreshTokens: () => context.tokens.revokeRefreshTokens(),
    stats: () => ({ ...context.stats }),
    requestLog: () => [...context.requestLog],
    resetStats: () => Object.assign(context.stats, emptyStats()),
  };
}

async function serve(
  context: SandboxContext,
  closing: AbortSignal,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const reply = await answer(context, closing, req);
    if (res.destroyed) return;
    if (reply === DROP) req.socket.destroy();
    else send(res, reply);
  } catch {
    // A client that hung up, or shutdown during a latency wait, needs no answer. Anything else
    // is a sandbox bug: answer 500 rather than crash the app hosting the server.
    if (closing.aborted || res.headersSent || res.destroyed) return;
    send(res, envelopeReply(failure(Status.getFailed, 'Internal sandbox error', 500), null));
  }
}

async function answer(
  context: SandboxContext,
  closing: AbortSignal,
  req: IncomingMessage,
): Promise<Reply | typeof DROP> {
  // Built from the path alone: a request target like `//host/x` must not become another host.
  const target = req.url?.startsWith('/') ? req.url : '/';
  const url = new URL(`http://${HOST}${target}`);
  const method = req.method ?? 'GET';
  const raw = await readBody(req);
  // Everything a client presented, for tests that check what reached which host (the latest
  // REQUEST_LOG_MAX: the app's own sandbox runs until quit).
  context.requestLog.push({ method, target, authorization: req.headers.authorization ?? '', body: raw?.toString('utf8') ?? '' });
  if (context.requestLog.length > REQUEST_LOG_MAX) context.requestLog.shift();
  const latency = context.faults.latencyMs;
  if (latency > 0) await sleep(latency, undefined, { signal: closing });
  if (raw === null) {
    return jsonReply(413, { error: 'request_too_large', error_description: 'The request body is too large' });
  }
  const body = parseBody(raw, req.headers['content-type']);

  if (url.pathname === TOKEN_PATH) return handleTokenRequest(context, method, body);
  if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) {
    const path = url.pathname.slice(API_PREFIX.length);
    return handleApiCall(context, {
      method,
      path,
      query: queryParams(url),
      body,
      authorization: req.headers.authorization,
    });
  }
  return envelopeReply(failure(Status.invalidModule, 'Invalid module', 404), null);
}

function randomToken(): string {
  return randomBytes(20).toString('hex');
}

function emptyStats(): SandboxStats {
  return { passwordGrants: 0, refreshGrants: 0, apiCalls: 0, rejectedTokens: 0 };
}
