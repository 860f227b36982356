// Which request each kept response answered ("GET /api/v2/shifts?…"), for the "About" sheet of an
// Excel export. Noted from the summaries main already made (sent, or opened from history), whose
// URLs have the token blanked; as many as the response store keeps and more, oldest forgotten.
import type { ResponseSummary } from '../shared/contract';

const KEPT = 64;

export function createResponseOrigins() {
  const origins = new Map<string, string>();
  return {
    /** Returns the summary, so a handler can note it on its way to the window. */
    note<T extends Pick<ResponseSummary, 'responseId' | 'method' | 'url'> | null>(summary: T): T {
      if (!summary?.responseId) return summary;
      origins.delete(summary.responseId);
      origins.set(summary.responseId, `${summary.method} ${pathAndQuery(summary.url)}`);
      if (origins.size > KEPT) origins.delete(origins.keys().next().value as string);
      return summary;
    },
    of(responseId: string): string | null {
      return origins.get(responseId) ?? null;
    },
  };
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
