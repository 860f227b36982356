// Issued tokens and their expiry, and what a refresh grant does with the refresh token it
// redeems: each of the three behaviours RFC 6749 §6 allows (humanity-api.md §2.3).
import type { RefreshBehaviour } from './types';

const REFRESH_LIFETIME_MS = 14 * 86_400_000;

export interface TokenAnswer {
  access_token: string;
  expires_in: number;
  token_type: 'bearer';
  scope: null;
  /** Absent from a refresh answer unless the store rotates. */
  refresh_token?: string;
}

export class TokenStore {
  // token → expiry time in ms
  private readonly access = new Map<string, number>();
  private readonly refresh = new Map<string, number>();

  constructor(
    private readonly clock: () => number,
    private readonly makeToken: (kind: 'access' | 'refresh') => string,
    public lifetimeSeconds: number,
    public refreshBehaviour: RefreshBehaviour,
  ) {}

  /** The password grant: a new access token and, unless the server has no refresh grant, a refresh token. */
  issue(): TokenAnswer {
    const answer = this.issueAccess();
    if (this.refreshBehaviour === 'none') return answer;
    answer.refresh_token = this.makeToken('refresh');
    this.refresh.set(answer.refresh_token, this.clock() + REFRESH_LIFETIME_MS);
    return answer;
  }

  /**
   * The refresh grant, or null when `refreshToken` is not (or no longer) valid. `rotate` replaces
   * it with a new one, `keep` leaves it valid and sends none, `delete` (the PHP library's default)
   * removes it and sends none.
   */
  redeem(refreshToken: string): TokenAnswer | null {
    const expiry = this.refresh.get(refreshToken) ?? -Infinity;
    if (this.clock() >= expiry) {
      this.refresh.delete(refreshToken);
      return null;
    }
    if (this.refreshBehaviour === 'keep') return this.issueAccess();
    this.refresh.delete(refreshToken);
    return this.refreshBehaviour === 'rotate' ? this.issue() : this.issueAccess();
  }

  private issueAccess(): TokenAnswer {
    const answer: TokenAnswer = { access_token: this.makeToken('access'), expires_in: this.lifetimeSeconds, token_type: 'bearer', scope: null };
    this.access.set(answer.access_token, this.clock() + this.lifetimeSeconds * 1000);
    return answer;
  }

  isAccessValid(token: string): boolean {
    return this.clock() < (this.access.get(token) ?? -Infinity);
  }

  expireAccessTokens(): void {
    this.access.clear();
  }

  revokeRefreshTokens(): void {
    this.refresh.clear();
  }
}
