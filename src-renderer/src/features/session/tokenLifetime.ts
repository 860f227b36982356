/** "Token: 54 min left", "Token: 12 s left", or the expired sentence. */
export function tokenLifetimeText(expiresAt: number, now: number): string {
  const seconds = Math.floor((expiresAt - now) / 1000);
  if (seconds <= 0) return 'Token expired — renews on next request';
  if (seconds < 60) return `Token: ${seconds} s left`;
  return `Token: ${Math.floor(seconds / 60)} min left`;
}
