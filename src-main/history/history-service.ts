// Remembers every request that left the app, newest first, capped by the settings. Everything
// stored is redacted first: no token, secret or password reaches history.json or a body file.
// Saving is best effort: a full disk never stops a request; the user is told once.
// The list changes at once; the files follow within SAVE_DELAY_MS, one write for a burst of
// requests, so recording costs a request next to nothing (rewriting history.json every time cost
// more than the request itself). flush() writes what is pending: on dispose, and in tests.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../shared/app-error';
import { historyEntry, type HistoryEntry, type ResponseSummary, type SavedRequest, type Settings } from '../shared/contract';
import type { HistoryRecorder } from '../http/request-runner';
import type { Redactor } from '../redaction/redactor';
import type { ResponseStore } from '../response/main/response-store';
import { openDocumentStore, type StoreContext } from '../store/document-store';
import { describeFileError } from '../export/atomic-file';
import { redactStrings } from '../redaction/redact-strings';
import { openBodyFolder, type KeptBody } from './history-bodies';

export interface HistoryDeps {
  ctx: StoreContext;
  settings(): Settings;
  responses: Pick<ResponseStore, 'keep'>;
  redactor: Redactor;
  now(): number;
}

const SAVE_DELAY_MS = 1000;

interface PendingBody {
  summary: ResponseSummary;
  limitBytes: number;
  text: Promise<string | null>;
}

type Recorded = Parameters<HistoryRecorder['record']>[0];

const historyDocument = z.object({ entries: z.array(historyEntry) });

const newId = () => randomUUID().replaceAll('-', '');

export function createHistoryService(deps: HistoryDeps) {
  const doc = openDocumentStore(deps.ctx, {
    name: 'history',
    label: 'History',
    version: 1,
    schema: historyDocument,
    defaults: { entries: [] },
  });
  const bodies = openBodyFolder(deps.ctx.dir);
  // The list of this session. The file follows it when it can; after a failed save the session
  // still shows everything, and the next successful save writes it all.
  let entries: HistoryEntry[] = doc.read().entries;
  bodies.keepOnly(new Set(entries.filter((entry) => entry.bodyKept).map((entry) => entry.id)));
  let failureReported = false;
  /** Bodies of entries not yet saved, read from the response store when recorded. */
  const unsaved = new Map<string, PendingBody>();
  /** Body files of entries that fell off the end, deleted with the next save. */
  const toRemove = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();

  function toEntry({ request, summary, error }: Recorded): HistoryEntry {
    return {
      id: newId(),
      at: summary?.receivedAt ?? deps.now(),
      request: redactStrings(request, deps.redactor.redactLong),
      httpStatus: summary?.httpStatus ?? null,
      outcome: deps.redactor.redactLong(summary?.outcome ?? error?.message ?? 'The request failed.'),
      envelopeKind: summary?.envelope.kind ?? null,
      durationMs: summary?.durationMs ?? 0,
      sizeBytes: summary?.sizeBytes ?? 0,
      bodyKept: false,
    };
  }

  /** The body to keep, or null when there is none or it is over the cap (known before reading it). */
  function pendingBody({ summary, body }: Recorded, limitKB: number): PendingBody | null {
    const limitBytes = limitKB * 1024;
    if (!summary || !body || body.sizeBytes > limitBytes) return null;
    return { summary, limitBytes, text: body.readText().catch(() => null) };
  }

  /**
   * What goes in the body file. Body, URL and headers were redacted when the response arrived;
   * this second pass (the file must never hold a secret) runs when saving, off the request's path.
   */
  async function toKeep({ summary, limitBytes, text }: PendingBody): Promise<KeptBody | null> {
    const read = await text;
    if (read === null) return null;
    const redacted = deps.redactor.redact(read);
    if (Buffer.byteLength(redacted, 'utf8') > limitBytes) return null;
    const { httpStatus, statusText, url, envelope, headers, contentType, bodyKind, refreshed } = summary;
    return { response: redactStrings({ httpStatus, statusText, url, envelope, headers, contentType, bodyKind, refreshed }, deps.redactor.redact), text: redacted };
  }

  function remember(recorded: Recorded): void {
    const { historyLimit, historyBodyLimitKB } = deps.settings();
    if (historyLimit === 0 && entries.length === 0) return;
    const entry = historyLimit > 0 ? toEntry(recorded) : null;
    const body = entry ? pendingBody(recorded, historyBodyLimitKB) : null;
    if (entry && body) {
      entry.bodyKept = true;
      unsaved.set(entry.id, body);
    }
    if (entry) entries.unshift(entry);
    for (const gone of entries.splice(historyLimit)) {
      unsaved.delete(gone.id);
      if (gone.bodyKept) toRemove.add(gone.id);
    }
    timer ??= setTimeout(() => void flush(), SAVE_DELAY_MS).unref();
  }

  /** Writes the pending bodies, history.json and the removals; reports instead of throwing. */
  async function save(): Promise<void> {
    const batch = [...unsaved];
    const read = await Promise.all(batch.map(([, body]) => toKeep(body)));
    let failure: unknown = null;
    const live = new Map(entries.map((entry) => [entry.id, entry]));
    for (const [i, [id]] of batch.entries()) {
      const entry = live.get(id);
      const kept = read[i];
      try {
        if (entry && kept) await bodies.write(id, kept);
        else if (entry) entry.bodyKept = false;
      } catch (error) {
        if (entry) entry.bodyKept = false;
        failure ??= error;
      }
      // Only now: until its file is whole, open() reads the body from memory.
      unsaved.delete(id);
    }
    try {
      doc.write({ entries });
    } catch (error) {
      failure ??= error;
    }
    for (const id of toRemove) bodies.remove(id);
    toRemove.clear();
    report(failure);
  }

  /** Writes everything pending now; resolves when it is on disk (or failed, and was reported). */
  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    saving = saving.then(save, save);
    return saving;
  }

  function report(failure: unknown): void {
    if (failure === null) {
      failureReported = false;
      return;
    }
    if (failureReported) return;
    failureReported = true;
    // The document store already words its failures as sentences; file errors get one here.
    const what = failure instanceof AppError ? failure.message : `History could not be saved: ${describeFileError(failure)}.`;
    deps.ctx.notify(
      deps.redactor.redactLong(`${what} Sending still works, but history keeps new requests only until the app closes; check the free disk space and that ${deps.ctx.dir} can be written.`),
    );
  }

  return {
    /** The runner's HistoryRecorder: never throws, whatever the disk does. */
    record(recorded: Recorded): void {
      try {
        remember(recorded);
      } catch (error) {
        report(error);
      }
    },

    flush,

    /** Newest first; `query` matches method, path, parameter names and values, and outcome. */
    list({ query, offset, limit }: { query: string; offset: number; limit: number }): { entries: HistoryEntry[]; total: number } {
      const needle = query.trim().toLowerCase();
      const hits = needle ? entries.filter((entry) => searchText(entry).includes(needle)) : entries;
      return { entries: hits.slice(offset, offset + limit), total: hits.length };
    },

    /** The request, and its response when the body was kept (as a fresh responseId in the store). */
    async open(id: string): Promise<{ request: SavedRequest; summary: ResponseSummary | null }> {
      const entry = entries.find((candidate) => candidate.id === id);
      if (!entry) throw new AppError('not_found', 'That history entry no longer exists: it was cleared or replaced by newer requests.');
      const pending = unsaved.get(id);
      const kept = !entry.bodyKept ? null : pending ? await toKeep(pending) : bodies.read(id);
      if (!kept) return { request: entry.request, summary: null };
      const body = await deps.responses.keep(Buffer.from(kept.text, 'utf8'));
      return {
        request: entry.request,
        summary: {
          ...kept.response,
          responseId: body.responseId,
          requestId: entry.id,
          method: entry.request.method,
          outcome: entry.outcome,
          durationMs: entry.durationMs,
          sizeBytes: entry.sizeBytes,
          textChars: body.textChars,
          receivedAt: entry.at,
        },
      };
    },

    clear(): { total: number } {
      entries = [];
      unsaved.clear();
      toRemove.clear();
      bodies.removeAll();
      try {
        doc.write({ entries });
      } catch (error) {
        throw new AppError('storage_failed', `History was cleared for this session, but the change could not be saved, so it may return after a restart. ${(error as Error).message}`);
      }
      return { total: 0 };
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;

function searchText(entry: HistoryEntry): string {
  const { method, path, query } = entry.request;
  return [method, path, ...query.flatMap((param) => [param.name, param.value]), entry.outcome].join('\n').toLowerCase();
}
