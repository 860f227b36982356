// Comparing two kept responses (docs/architecture.md, "Comparing responses"): main names the two
// bodies (a history entry's kept body is loaded as a response first, as `history:open` does),
// hands their bytes to the body worker, which compares and keeps the result, and pages it to the
// window or writes it as CSV or JSON. No body and no whole result ever crosses to the window.
import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/app-error';
import type { CompareSource, Handlers } from '../shared/contract';
import type { ResponseStore } from '../response/main/response-store';
import { COMPARISONS_KEPT, NOT_JSON_AFTER_ALL, type CompareSide } from '../response/worker-protocol';
import type { RowFiles } from '../export/row-files';
import type { HistoryService } from '../history/history-service';
import { compareCsvRows, compareJsonRows } from './compare-export';

export interface CompareDeps {
  responses: Pick<ResponseStore, 'parsedInfo' | 'sharedBytes' | 'compareCall'>;
  history: Pick<HistoryService, 'open'>;
  rowFiles: Pick<RowFiles, 'rowsCsv' | 'rowsJson'>;
}

const newId = () => randomUUID().replaceAll('-', '');

export function createCompareService(deps: CompareDeps) {
  const { responses } = deps;
  const live = new Set<string>();

  /** The response id of a source; a history entry's body is loaded into the store. */
  async function responseOf(source: CompareSource): Promise<string> {
    const id = 'responseId' in source ? source.responseId : ((await deps.history.open({ id: source.historyId })).summary?.responseId ?? null);
    if (id === null) throw new AppError('not_found', 'That history entry kept no response to compare: its body was too large to keep, or was not kept.');
    // After its whole parse: a body told as JSON from its first rows may turn out not to be.
    const { isJson, toldJson } = await responses.parsedInfo(id);
    if (!isJson) throw new AppError('invalid_input', toldJson ? NOT_JSON_AFTER_ALL : 'Only JSON responses can be compared, and one of these is not JSON.');
    return id;
  }

  async function side(id: string): Promise<CompareSide> {
    const bytes = await responses.sharedBytes(id);
    return { docId: id, bytes: bytes.buffer as SharedArrayBuffer, end: bytes.length };
  }

  function known(compareId: string): string {
    if (!live.has(compareId)) throw new AppError('not_found', 'That comparison is no longer kept. Compare the two responses again.');
    return compareId;
  }

  return {
    async start(input) {
      const [beforeId, afterId] = [await responseOf(input.before), await responseOf(input.after)];
      const compareId = newId();
      const facts = await responses.compareCall('compare', { docId: compareId, before: await side(beforeId), after: await side(afterId), key: input.key });
      live.add(compareId);
      for (const old of live) {
        if (live.size <= COMPARISONS_KEPT) break;
        live.delete(old);
      }
      return { compareId, beforeId, afterId, ...facts };
    },

    page({ compareId, ...page }) {
      return responses.compareCall('comparePage', { docId: known(compareId), ...page, whole: false });
    },

    /** Every row, values whole: CSV (one row per changed field) or JSON, through the save dialog. */
    async export({ compareId, format }) {
      const pageOf = (offset: number, limit: number) =>
        responses.compareCall('comparePage', { docId: known(compareId), filter: 'all', query: '', offset, limit, whole: true });
      if (format === 'json') return deps.rowFiles.rowsJson(await compareJsonRows(pageOf), 'json', 'comparison');
      const { saved, path, rows } = await deps.rowFiles.rowsCsv(await compareCsvRows(pageOf), 'comparison');
      return { saved, path, rows };
    },

    /** Sign-out: nothing derived from the old session's bodies outlives it. */
    forgetAll(): void {
      for (const compareId of live) void responses.compareCall('compareForget', { docId: compareId }).catch(() => undefined);
      live.clear();
    },
  } satisfies Handlers['compare'] & { forgetAll(): void };
}

