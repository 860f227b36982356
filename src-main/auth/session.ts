// A signed-in session: the access token lives here, in main memory only. It refreshes before the
// token runs out and after the server rejects it, with exactly one refresh in flight at a time.
import { AppError } from '../shared/app-error';
import { RefreshRejectedError, type ClientCredentials, type TokenClient, type TokenSet } from './token-client';

export interface SessionDeps {
  tokens: TokenClient;
  now(): number;
  /** Called with every new token set, so the rotated refresh token is stored before it is used. */
  onTokens(tokens: TokenSet): Promise<void>;
}

export interface RefreshRecord {
  at: number;
  ok: boolean;
  message: string;
}

const MAX_MARGIN_MS = 60_000;

export class Session {
  private tokens: TokenSet;
  private refreshing: Promise<string> | null = null;
  private ended = false;
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
  }

  get expiresAt(): number {
    return this.tokens.expiresAt;
  }

  /** True once the refresh token was rejected and no remembered password could replace it. */
  get needsSignIn(): boolean {
    return this.ended;
  }

  get remembersPassword(): boolean {
    return this.password !== null;
  }

  /** A token that is valid now, refreshing first when it is about to run out. */
  async accessToken(): Promise<string> {
    if (this.ended) throw new RefreshRejectedError('the session ended');
    const margin = Math.min(MAX_MARGIN_MS, this.tokens.lifetimeMs / 4);
    if (this.deps.now() < this.tokens.expiresAt - margin) return this.tokens.accessToken;
    return this.refresh();
  }

  /** The server refused `rejected`: refresh unless someone already replaced it. */
  async refreshAfterRejection(rejected: string): Promise<string> {
    if (!this.ended && this.tokens.accessToken !== rejected && !this.refreshing) return this.accessToken();
    return this.refresh();
  }

  /** A new password grant after the session ended (the "Sign in again" dialog). */
  async signInAgain(password: string, remember: boolean): Promise<void> {
    const tokens = await this.deps.tokens.passwordGrant(this.client, this.username, password);
    this.password = remember ? password : null;
    await this.accept(tokens);
    this.ended = false;
  }

  private refresh(): Promise<string> {
    if (this.ended) return Promise.reject(new RefreshRejectedError('the session ended'));
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async runRefresh(): Promise<string> {
    try {
      const tokens = await this.deps.tokens.refreshGrant(this.client, this.tokens.refreshToken);
      await this.accept(tokens);
      this.lastRefresh = { at: this.deps.now(), ok: true, message: 'Token renewed.' };
      return tokens.accessToken;
    } catch (error) {
      if (error instanceof RefreshRejectedError && this.password !== null) return this.regrant(error);
      if (error instanceof RefreshRejectedError) this.ended = true;
      this.lastRefresh = { at: this.deps.now(), ok: false, message: (error as Error).message };
      throw error;
    }
  }

  private async regrant(cause: RefreshRejectedError): Promise<string> {
    try {
      const tokens = await this.deps.tokens.passwordGrant(this.client, this.username, this.password as string);
      await this.accept(tokens);
      this.lastRefresh = { at: this.deps.now(), ok: true, message: 'Signed in again with the remembered password.' };
      return tokens.accessToken;
    } catch (error) {
      const credentialsRejected = error instanceof AppError && error.code === 'invalid_credentials';
      if (credentialsRejected) {
        this.ended = true;
        this.password = null;
      }
      this.lastRefresh = { at: this.deps.now(), ok: false, message: (error as Error).message };
      throw credentialsRejected ? cause : error;
    }
  }

  private async accept(tokens: TokenSet): Promise<void> {
    this.tokens = tokens;
    await this.deps.onTokens(tokens);
  }
}
