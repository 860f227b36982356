// What the History panel's Account filter stands for once accounts come and go
// (docs/architecture.md, "Accounts"): pure, so it is tested without a window.

/** The option that lists entries of accounts no longer saved. */
export const REMOVED_ACCOUNTS = 'removed-accounts';

/** What `history.list` is asked for besides the search: one account, removed ones, or all. */
export type AccountFilter = { accountId?: string; notAccountIds?: string[] };

/**
 * The option really in force: a chosen account that was removed falls back to "All accounts"
 * ('', where its entries stay), and "Removed accounts" only while such entries exist.
 */
export function optionInForce(chosen: string, saved: readonly string[], hasRemoved: boolean): string {
  return chosen === '' || saved.includes(chosen) || (chosen === REMOVED_ACCOUNTS && hasRemoved) ? chosen : '';
}

export function filterFor(option: string, saved: readonly string[]): AccountFilter {
  if (option === REMOVED_ACCOUNTS) return { notAccountIds: [...saved] };
  return option ? { accountId: option } : {};
}
