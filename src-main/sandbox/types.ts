// The sandbox's public types, re-exported by server.ts (the module others import).

/** How the API rejects a missing, unknown or expired access token (humanity-api.md §2.6). */
export type AuthErrorStyle = 'http401' | 'status3';
export const AUTH_ERROR_STYLES: readonly AuthErrorStyle[] = ['http401', 'status3'];

/**
 * What a refresh grant does with the refresh token it redeems (humanity-api.md §2.3): `rotate`
 * answers a new one and invalidates the old; `keep` answers none and the old stays valid;
 * `delete` answers none and invalidates the old, the PHP OAuth2 server library's default. `none`:
 * a server without the refresh grant, whose password grant sends no refresh token at all.
 */
export type RefreshBehaviour = 'rotate' | 'keep' | 'delete' | 'none';
export const REFRESH_BEHAVIOURS: readonly RefreshBehaviour[] = ['rotate', 'keep', 'delete', 'none'];
/** token.php looks like that PHP library, so its default is the likeliest (README, "The sandbox"). */
export const DEFAULT_REFRESH_BEHAVIOUR: RefreshBehaviour = 'delete';

export interface SandboxOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 3600; sent as `expires_in` and enforced by the server. */
  tokenLifetimeSeconds?: number;
  /** Default SANDBOX_DEMO's values. */
  clientId?: string;
  clientSecret?: string;
  username?: string;
  password?: string;
  /** Tests pass sentinel tokens; default 40 random hex characters. */
  tokenFactory?: (kind: 'access' | 'refresh') => string;
  /** Default 'http401'. */
  authErrorStyle?: AuthErrorStyle;
  /** Default DEFAULT_REFRESH_BEHAVIOUR ('delete'). */
  refreshBehaviour?: RefreshBehaviour;
  /** Clock in ms, default Date.now. Drives token expiry, "today" and who is on now. */
  now?: () => number;
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP; the network tests' servers. */
  tls?: { key: string; cert: string };
  /**
   * The host name `url` gives, default 127.0.0.1 (the server always listens there). Network tests
   * name one only their proxy resolves, so requests must go through it.
   */
  urlHost?: string;
}

/** Switches for tests. Counters apply to API calls (not token.php) and count down as they fire. */
export interface SandboxFaults {
  /** Added before every response, token endpoint included. */
  latencyMs: number;
  /** The next N API calls answer this status (HTML body for 502/503, like a proxy). */
  failNext: { count: number; status: 500 | 502 | 503 };
  /** The next N API calls answer 429 with a Retry-After header. */
  rateLimitNext: { count: number; retryAfterSeconds: number };
  /** The next N API calls: socket destroyed without a response. */
  dropNext: number;
  /** The next N API calls: HTTP 200, JSON content type, body cut short (invalid JSON). */
  malformedNext: number;
  /** token.php answers 503 with an HTML page. */
  tokenEndpointDown: boolean;
}

export interface SandboxStats {
  /** Token requests per grant type, counting failed attempts too. */
  passwordGrants: number;
  refreshGrants: number;
  /** Every request under /api/v2, whatever its outcome (faults, rejected tokens included). */
  apiCalls: number;
  /** API calls refused for a missing, unknown or expired access token. */
  rejectedTokens: number;
}

/** One request as it arrived: what it asked for and every credential it carried. */
export interface SandboxLogEntry {
  method: string;
  /** Path and query (an access token sent as `access_token` shows here). */
  target: string;
  authorization: string;
  /** The raw body (grants carry the App Secret, password and refresh token here). */
  body: string;
}

export interface SandboxServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  /** Stops listening and destroys open sockets. */
  close(): Promise<void>;
  /** Merges into the current faults. */
  setFaults(faults: Partial<SandboxFaults>): void;
  clearFaults(): void;
  setAuthErrorStyle(style: AuthErrorStyle): void;
  /** Applies to refresh grants from now on. */
  setRefreshBehaviour(behaviour: RefreshBehaviour): void;
  /** Applies to tokens issued from now on. */
  setTokenLifetime(seconds: number): void;
  /** Every access token issued so far becomes invalid at once. */
  expireAccessTokens(): void;
  /** Every refresh token issued so far is rejected (invalid_grant). */
  revokeRefreshTokens(): void;
  stats(): SandboxStats;
  resetStats(): void;
  /** Every request received since start, in order (tests check no credential of another host arrived). */
  requestLog(): SandboxLogEntry[];
}
