// One history entry: made from what the request runner recorded (redacted first), and matched
// against the History panel's search and account filter; and what a summary says once its body,
// told as JSON, turned out not to be.
import { randomUUID } from 'node:crypto';
import type { HistoryEntry, ResponseSummary } from '../shared/contract';
import type { HistoryRecorder } from '../http/request-runner';
import { describeOutcome, notEnvelope } from '../http/envelope';
import { NOT_JSON_AFTER_ALL } from '../response/worker-protocol';
import type { Redactor } from '../redaction/redactor';
import { redactStrings } from '../redaction/redact-strings';

export type Recorded = Parameters<HistoryRecorder['record']>[0];

const newId = () => randomUUID().replaceAll('-', '');

export function toEntry({ request, summary, error, account }: Recorded, redactor: Redactor, now: number): HistoryEntry {
  return {
    id: newId(),
    at: summary?.receivedAt ?? now,
    request: redactStrings(request, redactor.redactLong),
    httpStatus: summary?.httpStatus ?? null,
    outcome: redactor.redactLong(summary?.outcome ?? error?.message ?? 'The request failed.'),
    envelopeKind: summary?.envelope.kind ?? null,
    durationMs: summary?.durationMs ?? 0,
    sizeBytes: summary?.sizeBytes ?? 0,
    bodyKept: false,
    // Which saved account sent it (docs/architecture.md, "Accounts"); null before accounts existed.
    account: account ?? null,
    // "Compare with…" recognises the entry of the response on screen by it.
    responseId: summary?.responseId ?? null,
  };
}

/**
 * The summary as its body's whole parse found it: one told as JSON from its first rows that is not
 * (docs/architecture.md, "The response pipeline") is text, and its outcome says why.
 */
export function asParsed(summary: ResponseSummary, isJson: boolean): ResponseSummary {
  if (isJson || summary.bodyKind !== 'json') return summary;
  const envelope = notEnvelope(NOT_JSON_AFTER_ALL);
  return { ...summary, bodyKind: 'text', envelope, outcome: describeOutcome(summary.httpStatus, envelope) };
}

export interface HistoryFilter {
  query: string;
  /** Only entries of this account; all when absent. */
  accountId?: string;
  /** Only entries of an account that is none of these: the History panel's "Removed accounts". */
  notAccountIds?: string[];
}

/** Whether `entry` passes: `query` matches method, path, parameter names and values, and outcome. */
export function matchesFilter(entry: HistoryEntry, { query, accountId, notAccountIds }: HistoryFilter): boolean {
  if (accountId !== undefined && entry.account?.id !== accountId) return false;
  if (notAccountIds !== undefined && (!entry.account || notAccountIds.includes(entry.account.id))) return false;
  const needle = query.trim().toLowerCase();
  return !needle || searchText(entry).includes(needle);
}

function searchText(entry: HistoryEntry): string {
  const { method, path, query } = entry.request;
  return [method, path, ...query.flatMap((param) => [param.name, param.value]), entry.outcome].join('\n').toLowerCase();
}
