// Issued tokens and their expiry. Refresh tokens are one-time use: redeeming one removes it,
// and the grant issues a new pair (rotation, humanity-api.md §2.3).

const REFRESH_LIFETIME_MS = 14 * 86_400_000;

export interface TokenAnswer {
  access_token: string;
  expires_in: number;
  token_type: 'bearer';
  scope: null;
  refresh_token: string;
}

export class TokenStore {
  // token → expiry time in ms
  private readonly access = new Map<string, number>();
  private readonly refresh = new Map<string, number>();

  constructor(
    private readonly clock: () => number,
    private readonly makeToken: (kind: 'access' | 'refresh') => string,
    public lifetimeSeconds: number,
  ) {}

  issue(): TokenAnswer {
    const now = this.clock();
    const answer: TokenAnswer = {
      access_token: this.makeToken('access'),
      expires_in: this.lifetimeSeconds,
      token_type: 'bearer',
      scope: null,
      refresh_token: this.makeToken('refresh'),
    };
    this.access.set(answer.access_token, now + this.lifetimeSeconds * 1000);
    this.refresh.set(answer.refresh_token, now + REFRESH_LIFETIME_MS);
    return answer;
  }

  isAccessValid(token: string): boolean {
    return this.clock() < (this.access.get(token) ?? -Infinity);
  }

  /** True when the refresh token was valid; either way it cannot be used again. */
  redeemRefresh(token: string): boolean {
    const expiry = this.refresh.get(token) ?? -Infinity;
    this.refresh.delete(token);
    return this.clock() < expiry;
  }

  expireAccessTokens(): void {
    this.access.clear();
  }

  revokeRefreshTokens(): void {
    this.refresh.clear();
  }
}
