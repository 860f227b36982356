// Remembers every request that left the app, newest first, capped by the settings. Everything
// stored is redacted first: no token, secret or password reaches history.json or a body file.
// The parts: history-entry.ts (an entry and the filter), history-kept-body.ts (a body on its way
// to a file), history-saver.ts (the list and its files); flush() writes what is pending.
import { AppError } from '../shared/app-error';
import type { Handlers, HistoryEntry, ResponseSummary, SavedRequest, Settings } from '../shared/contract';
import type { Redactor } from '../redaction/redactor';
import type { ResponseStore } from '../response/main/response-store';
import type { StoreContext } from '../store/document-store';
import { asParsed, matchesFilter, toEntry, type HistoryFilter, type Recorded } from './history-entry';
import { pendingBody, toKeep } from './history-kept-body';
import { openHistorySaver, type HistoryList } from './history-saver';

export interface HistoryDeps {
  ctx: StoreContext;
  settings(): Settings;
  responses: Pick<ResponseStore, 'keep'>;
  redactor: Redactor;
  now(): number;
}

/** Adds one recorded request to the list and drops what the cap no longer allows; false when nothing changed. */
function remember(list: HistoryList, recorded: Recorded, deps: HistoryDeps): boolean {
  const { historyLimit, historyBodyLimitKB } = deps.settings();
  if (historyLimit === 0 && list.entries.length === 0) return false;
  const entry = historyLimit > 0 ? toEntry(recorded, deps.redactor, deps.now()) : null;
  const body = entry ? pendingBody(recorded, historyBodyLimitKB) : null;
  if (entry && body) {
    entry.bodyKept = true;
    list.unsaved.set(entry.id, body);
  }
  if (entry) list.entries.unshift(entry);
  for (const gone of list.entries.splice(historyLimit)) {
    list.unsaved.delete(gone.id);
    if (gone.bodyKept) list.toRemove.add(gone.id);
  }
  return true;
}

/**
 * Once its whole parse is done, the entry of a body told as JSON from its first rows that is not
 * says so (asParsed), saved with the next write; its body file says so too (history-kept-body.ts).
 */
function correctOnceParsed(list: HistoryList, { summary, body }: Recorded, deps: HistoryDeps, changed: () => void): void {
  if (summary?.bodyKind !== 'json' || !body) return;
  void body.isJson().then((isJson) => {
    // Found by its response: the list may have changed meanwhile (newer entries, a clear).
    const entry = isJson ? undefined : list.entries.find((candidate) => candidate.responseId === summary.responseId);
    if (!entry) return;
    const { outcome, envelope } = asParsed(summary, false);
    entry.outcome = deps.redactor.redactLong(outcome);
    entry.envelopeKind = envelope.kind;
    changed();
  });
}

export function createHistoryService(deps: HistoryDeps) {
  const saver = openHistorySaver(deps.ctx, deps.redactor);
  const { list } = saver;

  return {
    /** The runner's HistoryRecorder: never throws, whatever the disk does. */
    record(recorded: Recorded): void {
      try {
        if (remember(list, recorded, deps)) saver.schedule();
        correctOnceParsed(list, recorded, deps, saver.schedule);
      } catch (error) {
        saver.report(error);
      }
    },

    flush: saver.flush,

    /** Newest first, filtered by search text and account (history-entry.ts), one page. */
    list({ offset, limit, ...filter }: HistoryFilter & { offset: number; limit: number }): { entries: HistoryEntry[]; total: number } {
      const hits = list.entries.filter((entry) => matchesFilter(entry, filter));
      return { entries: hits.slice(offset, offset + limit), total: hits.length };
    },

    /** The request, and its response when the body was kept (as a fresh responseId in the store). */
    async open({ id }: { id: string }): Promise<{ request: SavedRequest; summary: ResponseSummary | null }> {
      const entry = list.entries.find((candidate) => candidate.id === id);
      if (!entry) throw new AppError('not_found', 'That history entry no longer exists: it was cleared or replaced by newer requests.');
      const pending = list.unsaved.get(id);
      const kept = !entry.bodyKept ? null : pending ? await toKeep(pending, deps.redactor) : saver.bodies.read(id);
      if (!kept) return { request: entry.request, summary: null };
      const body = await deps.responses.keep(Buffer.from(kept.text, 'utf8'));
      const { durationMs, sizeBytes, outcome, at: receivedAt, account } = entry;
      const fromEntry = { requestId: entry.id, method: entry.request.method, outcome, durationMs, sizeBytes, receivedAt, account: account ?? null };
      return { request: entry.request, summary: { ...kept.response, ...fromEntry, responseId: body.responseId, textChars: body.textChars } };
    },

    clear(): { total: number } {
      try {
        saver.clear();
      } catch (error) {
        throw new AppError('storage_failed', `History was cleared for this session, but the change could not be saved, so it may return after a restart. ${(error as Error).message}`);
      }
      return { total: 0 };
    },
  } satisfies Handlers['history'] & { record(recorded: Recorded): void; flush(): Promise<void> };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
