// Remembers every request that left the app, newest first, capped by the settings. Everything
// stored is redacted first: no token, secret or password reaches history.json or a body file.
// Saving is best effort: a full disk never stops a request; the user is told once.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../shared/app-error';
import { historyEntry, type HistoryEntry, type ResponseSummary, type SavedRequest, type Settings } from '../shared/contract';
import type { HistoryRecorder } from '../http/request-runner';
import type { Redactor } from '../redaction/redactor';
import { lazyStoredResponse, type ResponseStore } from '../response/response-store';
import { openDocumentStore, type StoreContext } from '../store/document-store';
import { describeFileError } from '../export/atomic-file';
import { redactStrings } from '../export/redact-strings';
import { openBodyFolder, type KeptBody } from './history-bodies';

export interface HistoryDeps {
  ctx: StoreContext;
  settings(): Settings;
  responses: ResponseStore;
  redactor: Redactor;
  now(): number;
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

  function toEntry({ request, summary, error }: Recorded): HistoryEntry {
    return {
      id: newId(),
      at: summary?.receivedAt ?? deps.now(),
      request: redactStrings(deps.redactor, request),
      httpStatus: summary?.httpStatus ?? null,
      outcome: deps.redactor.redact(summary?.outcome ?? error?.message ?? 'The request failed.'),
      envelopeKind: summary?.envelope.kind ?? null,
      durationMs: summary?.durationMs ?? 0,
      sizeBytes: summary?.sizeBytes ?? 0,
      bodyKept: false,
    };
  }

  /** The body and response details to keep, or null when there is none or it is over the cap. */
  function bodyToKeep({ summary, body }: Recorded, limitKB: number): KeptBody | null {
    const limitBytes = limitKB * 1024;
    // Characters never outnumber UTF-8 bytes: a cheap test before redacting a large body.
    if (!summary || !body || body.text.length > limitBytes) return null;
    const text = deps.redactor.redact(body.text);
    if (Buffer.byteLength(text, 'utf8') > limitBytes) return null;
    const { httpStatus, statusText, url, envelope, headers, contentType, bodyKind, refreshed } = summary;
    return { response: redactStrings(deps.redactor, { httpStatus, statusText, url, envelope, headers, contentType, bodyKind, refreshed }), text };
  }

  /** Saves one request; returns what went wrong instead of throwing. */
  function save(recorded: Recorded): unknown {
    let failure: unknown = null;
    const { historyLimit, historyBodyLimitKB } = deps.settings();
    if (historyLimit === 0 && entries.length === 0) return null;
    const entry = historyLimit > 0 ? toEntry(recorded) : null;
    const kept = entry ? bodyToKeep(recorded, historyBodyLimitKB) : null;
    if (entry && kept) {
      try {
        bodies.write(entry.id, kept);
        entry.bodyKept = true;
      } catch (error) {
        failure = error;
      }
    }
    const next = entry ? [entry, ...entries] : entries;
    entries = next.slice(0, historyLimit);
    try {
      doc.write({ entries });
    } catch (error) {
      failure ??= error;
    }
    for (const dropped of next.slice(historyLimit)) if (dropped.bodyKept) bodies.remove(dropped.id);
    return failure;
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
      deps.redactor.redact(`${what} Sending still works, but history keeps new requests only until the app closes; check the free disk space and that ${deps.ctx.dir} can be written.`),
    );
  }

  return {
    /** The runner's HistoryRecorder: never throws, whatever the disk does. */
    record(recorded: Recorded): void {
      let failure: unknown;
      try {
        failure = save(recorded);
      } catch (error) {
        failure = error;
      }
      report(failure);
    },

    /** Newest first; `query` matches method, path, parameter names and values, and outcome. */
    list({ query, offset, limit }: { query: string; offset: number; limit: number }): { entries: HistoryEntry[]; total: number } {
      const needle = query.trim().toLowerCase();
      const hits = needle ? entries.filter((entry) => searchText(entry).includes(needle)) : entries;
      return { entries: hits.slice(offset, offset + limit), total: hits.length };
    },

    /** The request, and its response when the body was kept (as a fresh responseId in the store). */
    open(id: string): { request: SavedRequest; summary: ResponseSummary | null } {
      const entry = entries.find((candidate) => candidate.id === id);
      if (!entry) throw new AppError('not_found', 'That history entry no longer exists: it was cleared or replaced by newer requests.');
      const kept = entry.bodyKept ? bodies.read(id) : null;
      if (!kept) return { request: entry.request, summary: null };
      const responseId = newId();
      deps.responses.put(responseId, lazyStoredResponse(kept.text));
      return {
        request: entry.request,
        summary: {
          ...kept.response,
          responseId,
          requestId: entry.id,
          method: entry.request.method,
          outcome: entry.outcome,
          durationMs: entry.durationMs,
          sizeBytes: entry.sizeBytes,
          textChars: kept.text.length,
          receivedAt: entry.at,
        },
      };
    },

    clear(): { total: number } {
      entries = [];
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
