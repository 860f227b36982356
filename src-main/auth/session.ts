// A signed-in session: the access token lives here, in main memory only. It renews the token
// before it runs out and after the server rejects it, with exactly one renewal in flight at a
// time, whatever the token server does with refresh tokens (docs/architecture.md, "Sessions"):
// a new refresh token is kept, a missing one means "keep using the old one" (RFC 6749 §6), and
// a refused one is replaced by a grant with the remembered password or by asking the user once.
import { setMaxListeners } from 'node:events';
import { AppError } from '../shared/app-error';
import { RefreshRejectedError, type ClientCredentials, type TokenClient, type TokenSet } from './token-client';

export interface SessionDeps {
  tokens: TokenClient;
  now(): number;
  /** Called with every new token set, so a new refresh token is stored before it is used. */
  onTokens(tokens: TokenSet): Promise<void>;
  /** The session started or stopped waiting for the user's password: the window should look. */
  onNeedsSignInChanged(): void;
  /** A renewal went through by itself: the token's expiry and the last refresh changed. */
  onRenewed(): void;
  /** The remembered password was refused: it must not be tried again at the next start. */
  onPasswordRefused(): void;
}

export interface RefreshRecord {
  at: number;
  ok: boolean;
  message: string;
}

const MAX_MARGIN_MS = 60_000;

/** The one "Sign in again" that every call arriving while the session is ended waits for. */
interface SignInWait {
  promise: Promise<string>;
  resolve(token: string): void;
  reject(error: AppError): void;
}

export class Session {
  /** Aborted when the session ends: what it started (requests, pulls, renewals) stops with it. */
  private readonly lifetime = new AbortController();
  private tokens: TokenSet;
  private renewing: Promise<string> | null = null;
  private waiting: SignInWait | null = null;
  private ended = false;
  /** Whether the refresh token in hand came from a refresh answer that sent no new one. */
  private refreshTokenKept = false;
  /** A kept refresh token worked again: this server keeps them valid (RFC 6749 §6's `keep`). */
  private keptTokensWork = false;
  private renewsSessions = true;
  lastRefresh: RefreshRecord | null = null;

  constructor(
    readonly client: ClientCredentials,
    readonly username: string,
    tokens: TokenSet,
    /** Kept only when the user chose "Remember password": allows a silent new grant. */
    private password: string | null,
    private readonly deps: SessionDeps,
  ) {
    this.tokens = tokens;
    // Every request in flight follows this signal: many at once are normal, not a leak.
    setMaxListeners(0, this.lifetime.signal);
  }

  /** Aborts when the session ends (sign-out, or a sign-in that replaces it). */
  get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  /** Sign-out, or another sign-in: ends every wait and renewal; nothing it receives is kept. */
  end(why: AppError): void {
    this.lifetime.abort(why);
    this.stopWaiting(why);
  }

  get expiresAt(): number {
    return this.tokens.expiresAt;
  }

  /** True once the session needs the password again (the "Sign in again" dialog). */
  get needsSignIn(): boolean {
    return this.ended;
  }

  get remembersPassword(): boolean {
    return this.password !== null;
  }

  /**
   * False once the server has shown that it does not renew sessions: it sent no refresh token,
   * or refused the one a refresh answer left in place. Every session then ends at expiry.
   */
  get serverRenewsSessions(): boolean {
    return this.renewsSessions;
  }

  /** A token that is valid now, renewing first when it is about to run out. */
  async accessToken(): Promise<string> {
    this.lifetime.signal.throwIfAborted();
    if (this.waiting) return this.waiting.promise;
    if (this.ended) throw new RefreshRejectedError('the session ended');
    const margin = Math.min(MAX_MARGIN_MS, this.tokens.lifetimeMs / 4);
    if (this.deps.now() < this.tokens.expiresAt - margin) return this.tokens.accessToken;
    return this.renew();
  }

  /** The server refused `rejected`: renew unless someone already replaced it. */
  async refreshAfterRejection(rejected: string): Promise<string> {
    // Ended and not waiting (the user declined to sign in): as accessToken(), never a new renewal
    // with a refresh token the server already refused, and never a prompt nobody sees.
    if (this.ended || this.tokens.accessToken !== rejected) return this.accessToken();
    return this.renew();
  }

  /**
   * A new password grant after the session ended (the "Sign in again" dialog). Calls waiting
   * for it go on with the new token. A wrong password throws and leaves them waiting.
   */
  async signInAgain(password: string, remember: boolean): Promise<void> {
    const tokens = await this.grant(() => this.deps.tokens.passwordGrant(this.client, this.username, password, this.signal));
    this.password = remember ? password : null;
    await this.accept(tokens, false);
    this.ended = false;
    this.lastRefresh = { at: this.deps.now(), ok: true, message: 'Signed in again.' };
    this.settleWait((wait) => wait.resolve(tokens.accessToken));
  }

  /** The user declined to sign in again: every waiting call ends with `error`. */
  stopWaiting(error: AppError): void {
    this.settleWait((wait) => wait.reject(error));
  }

  private settleWait(settle: (wait: SignInWait) => void): void {
    const wait = this.waiting;
    if (!wait) return;
    this.waiting = null;
    settle(wait);
    this.deps.onNeedsSignInChanged();
  }

  private renew(): Promise<string> {
    this.renewing ??= this.runRenewal().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  private async runRenewal(): Promise<string> {
    const refreshToken = this.tokens.refreshToken;
    if (refreshToken === null) {
      this.renewsSessions = false;
      return this.replaceSession(new RefreshRejectedError('Humanity gave this sign-in no refresh token'));
    }
    try {
      const fresh = await this.grant(() => this.deps.tokens.refreshGrant(this.client, refreshToken, this.signal));
      if (this.refreshTokenKept) this.keptTokensWork = true;
      await this.accept({ ...fresh, refreshToken: fresh.refreshToken ?? refreshToken }, fresh.refreshToken === null);
      this.lastRefresh = { at: this.deps.now(), ok: true, message: 'Token renewed.' };
      this.deps.onRenewed();
      return fresh.accessToken;
    } catch (error) {
      if (!(error instanceof RefreshRejectedError)) {
        this.lastRefresh = { at: this.deps.now(), ok: false, message: (error as Error).message };
        throw error;
      }
      // Refused at its first reuse on a server not known to keep them: it deletes used ones. Or
      // the server offers no refresh grant at all.
      if ((this.refreshTokenKept && !this.keptTokensWork) || error.refreshUnsupported) this.renewsSessions = false;
      return this.replaceSession(error);
    }
  }

  /** The refresh token is gone: a grant with the remembered password, or ask the user once. */
  private async replaceSession(cause: RefreshRejectedError): Promise<string> {
    if (this.password !== null) {
      try {
        const password = this.password;
        const tokens = await this.grant(() => this.deps.tokens.passwordGrant(this.client, this.username, password, this.signal));
        await this.accept(tokens, false);
        this.lastRefresh = { at: this.deps.now(), ok: true, message: 'Signed in again with the remembered password.' };
        this.deps.onRenewed();
        return tokens.accessToken;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'invalid_credentials')) {
          this.lastRefresh = { at: this.deps.now(), ok: false, message: (error as Error).message };
          throw error;
        }
        // The password changed since it was remembered: forget it (on disk too) and ask.
        this.password = null;
        this.deps.onPasswordRefused();
      }
    }
    this.ended = true;
    this.lastRefresh = { at: this.deps.now(), ok: false, message: cause.message };
    return this.waitForSignIn();
  }

  private waitForSignIn(): Promise<string> {
    this.lifetime.signal.throwIfAborted();
    let resolve!: (token: string) => void;
    let reject!: (error: AppError) => void;
    const promise = new Promise<string>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may be waiting (a renewal at restore): a declined sign-in must not go unheard.
    promise.catch(() => undefined);
    this.waiting = { promise, resolve, reject };
    this.deps.onNeedsSignInChanged();
    return promise;
  }

  /** A grant of this session; once the session has ended its answer is dropped, never stored. */
  private async grant(request: () => Promise<TokenSet>): Promise<TokenSet> {
    const tokens = await request();
    this.lifetime.signal.throwIfAborted();
    return tokens;
  }

  private async accept(tokens: TokenSet, keptOldRefreshToken: boolean): Promise<void> {
    this.refreshTokenKept = keptOldRefreshToken;
    this.tokens = tokens;
    await this.deps.onTokens(tokens);
  }
}
