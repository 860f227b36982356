// Which request each kept response answered ("GET /api/v2/shifts?…") and for which account (host
// and username, never a token), for the "About" sheet of an Excel export: the account that sent
// it, not whichever is current when it is exported. Noted from the summaries main already made
// (sent, or opened from history), whose URLs have the token blanked; as many as the response
// store keeps and more, oldest forgotten.
import type { AccountView, ResponseSummary } from '../shared/contract';
import type { SheetAccount } from './xlsx/xlsx-writer';

const KEPT = 64;

export interface ResponseOrigin {
  request: string;
  account: SheetAccount | null;
}

export function createResponseOrigins() {
  const origins = new Map<string, ResponseOrigin>();
  return {
    /** Returns the summary, so a handler can note it on its way to the window. */
    note<T extends Pick<ResponseSummary, 'responseId' | 'method' | 'url'> | null>(summary: T, account: SheetAccount | null): T {
      if (!summary?.responseId) return summary;
      origins.delete(summary.responseId);
      origins.set(summary.responseId, { request: `${summary.method} ${pathAndQuery(summary.url)}`, account });
      if (origins.size > KEPT) origins.delete(origins.keys().next().value as string);
      return summary;
    },
    of(responseId: string): ResponseOrigin | null {
      return origins.get(responseId) ?? null;
    },
  };
}

/**
 * Who sent a response reopened from history: the host it was sent to, and the username of the
 * saved account the entry names (null when that account was removed or the entry predates accounts).
 */
export function reopenedAccount(summary: Pick<ResponseSummary, 'url' | 'account'>, accounts: readonly AccountView[]): SheetAccount | null {
  const saved = summary.account ? accounts.find((account) => account.id === summary.account!.id) : undefined;
  try {
    return { host: new URL(summary.url).origin, username: saved?.username ?? null };
  } catch {
    return saved ? { host: saved.host, username: saved.username } : null;
  }
}

export type ResponseOrigins = ReturnType<typeof createResponseOrigins>;

/**
 * The host is on its own line of the sheet; the request is what follows it, without the token's
 * place in the query (already blanked in the summary, but "access_token=[REDACTED]" says nothing).
 */
function pathAndQuery(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.searchParams.delete('access_token');
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
