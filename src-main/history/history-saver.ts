// Writes history to disk behind the list: the list changes at once, the files follow within
// SAVE_DELAY_MS, one write for a burst of requests (rewriting history.json every time cost more
// than the request itself). Best effort: a full disk never stops a request; the user is told once.
import { z } from 'zod';
import { AppError } from '../shared/app-error';
import { historyEntry, type HistoryEntry } from '../shared/contract';
import type { Redactor } from '../redaction/redactor';
import { openDocumentStore, type StoreContext } from '../store/document-store';
import { describeFileError } from '../export/atomic-file';
import { openBodyFolder } from './history-bodies';
import { toKeep, type PendingBody } from './history-kept-body';

const SAVE_DELAY_MS = 1000;
const historyDocument = z.object({ entries: z.array(historyEntry) });

/** What is listed now and what its files still lack. */
export interface HistoryList {
  entries: HistoryEntry[];
  /** Bodies of entries not yet saved, read from the response store when recorded. */
  unsaved: Map<string, PendingBody>;
  /** Body files of entries that fell off the end, deleted with the next save. */
  toRemove: Set<string>;
}

export function openHistorySaver(ctx: StoreContext, redactor: Redactor) {
  const doc = openDocumentStore(ctx, { name: 'history', label: 'History', version: 1, schema: historyDocument, defaults: { entries: [] } });
  const bodies = openBodyFolder(ctx.dir);
  const list: HistoryList = { entries: doc.read().entries, unsaved: new Map(), toRemove: new Set() };
  bodies.keepOnly(new Set(list.entries.filter((entry) => entry.bodyKept).map((entry) => entry.id)));
  let failureReported = false;
  let timer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();

  /** Writes the pending bodies, history.json and the removals; reports instead of throwing. */
  async function save(): Promise<void> {
    const batch = [...list.unsaved];
    const read = await Promise.all(batch.map(([, body]) => toKeep(body, redactor)));
    let failure: unknown = null;
    const live = new Map(list.entries.map((entry) => [entry.id, entry]));
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
      list.unsaved.delete(id);
    }
    try {
      doc.write({ entries: list.entries });
    } catch (error) {
      failure ??= error;
    }
    for (const id of list.toRemove) bodies.remove(id);
    list.toRemove.clear();
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
    ctx.notify(redactor.redactLong(`${what} Sending still works, but history keeps new requests only until the app closes; check the free disk space and that ${ctx.dir} can be written.`));
  }

  return {
    list,
    bodies,
    flush,
    report,
    /** A save soon, one for a burst of changes. */
    schedule(): void {
      timer ??= setTimeout(() => void flush(), SAVE_DELAY_MS).unref();
    },
    /** Forgets everything, on disk too; throws the store's sentence when history.json cannot be written. */
    clear(): void {
      list.entries = [];
      list.unsaved.clear();
      list.toRemove.clear();
      bodies.removeAll();
      doc.write({ entries: [] });
    },
  };
}
