// A body whose parse runs the body worker out of memory, through a real ResponseStore and real
// workers from source, their heap held small so the parse really fails: the body is refused at once
// from then on and never loaded again, while bodies whose parse was not running when a worker died
// (held beside it, or killing it in a table query) are loaded again as before.
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestResponseStore } from '../testing/test-response-store';
import { createBodyWorkerFromSource } from '../testing/ts-worker';
import type { WorkerMessage } from './worker-protocol';
import type { ResponseStore } from './main/response-store';

const MB = 1024 * 1024;
/**
 * The limited workers' old generation. Measured: a body of 24 MB already outgrows it as it is
 * parsed, one of 12 MB does not, and the table of one of 8 MB does.
 */
const HEAP_MB = 32;
const TOO_BIG_BYTES = 40 * MB;
const TABLE_KILLS_BYTES = 10 * MB;

const DIED = /^Reading the response stopped unexpectedly \(it ran out of memory\)\./;
const REFUSED = /^This response is too large for the app to read: reading it ran out of memory\. .*Raw.*Save JSON/;
const RAN_OUT = /ran out of memory/;

const stores: ResponseStore[] = [];
afterEach(async () => {
  while (stores.length) await stores.pop()!.dispose();
});

/** An envelope with a big `data` array, about `bytes` long: told early when fed, as big answers are. */
function envelope(bytes: number): { bytes: Buffer; elements: number } {
  const parts: string[] = [];
  for (let size = 0; size < bytes; ) {
    const id = parts.length;
    parts.push(`{"id":${id},"name":"Employee ${id}","note":"${'x'.repeat(60)}"}`);
    size += parts.at(-1)!.length + 1;
  }
  return { bytes: Buffer.from(`{"status":1,"data":[${parts.join(',')}],"error":null}`), elements: parts.length };
}

/**
 * A store whose workers are counted, and whose posts to them are recorded (`op docId`). Workers
 * from the `limitedFrom`th on have the small heap; those before, the default.
 */
function watchedStore(limitedFrom: number) {
  const workers: Worker[] = [];
  const posted: string[] = [];
  const store = createTestResponseStore({
    createWorker: () => {
      const limits = workers.length + 1 >= limitedFrom ? { maxOldGenerationSizeMb: HEAP_MB } : {};
      const worker = createBodyWorkerFromSource(limits);
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (message: WorkerMessage) => {
        posted.push(`${message.op} ${message.input.docId}`);
        post(message);
      };
      workers.push(worker);
      return worker;
    },
  });
  stores.push(store);
  return { store, workers, posted };
}

const treeOf = (store: ResponseStore, id: string) => store.tree(id, { expanded: ['', '/data'] }, 0, 10);

/** The second query on a marked body: refused at once, with no worker started and nothing posted. */
async function expectRefusedAtOnce({ store, workers, posted }: ReturnType<typeof watchedStore>, id: string) {
  const [started, sent] = [workers.length, posted.length];
  await expect(treeOf(store, id)).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(REFUSED) });
  expect([workers.length, posted.length]).toEqual([started, sent]);
}

describe('a body whose parse runs the body worker out of memory', () => {
  it('told early, its parse kills the worker; then it is refused at once, and the body beside it answers', { timeout: 30_000 }, async () => {
    const watched = watchedStore(1);
    const { store, workers, posted } = watched;
    const beside = envelope(MB);
    const besideId = (await store.keep(beside.bytes)).responseId;
    expect((await treeOf(store, besideId)).totalRows).toBe(4 + beside.elements);

    const big = await store.keep(envelope(TOO_BIG_BYTES).bytes);
    // Scanned, not parsed, as it arrived: its first rows went out before the parse that fails.
    expect(big.firstRows?.totalRows).toBeGreaterThan(10);
    // The death's own sentence, or already the refusal when the deferred parse died before the query.
    await expect(treeOf(store, big.responseId)).rejects.toThrow(RAN_OUT);
    expect(workers).toHaveLength(1);
    await expectRefusedAtOnce(watched, big.responseId);
    await expect(store.text(big.responseId, 0, 100, true)).rejects.toThrow(REFUSED);
    await expect(store.sharedBytes(big.responseId)).rejects.toThrow(REFUSED);

    // What needs no worker still works: the raw text and the bytes for Save JSON.
    expect((await store.text(big.responseId, 0, 20, false)).text).toBe('{"status":1,"data":[');
    const [firstChunk] = store.chunks(big.responseId) as Iterable<Uint8Array>;
    expect(Buffer.from(firstChunk!).subarray(0, 20).toString()).toBe('{"status":1,"data":[');

    // The body held beside it was lost with the worker: loaded again into a fresh one.
    expect((await treeOf(store, besideId)).rows.map((row) => row.path)).toContain('/data/0');
    expect(workers).toHaveLength(2);
    // Its finish, main's ask for the parse's verdict, the query that met the death: never a load.
    expect(posted.filter((message) => message.endsWith(big.responseId) && !message.startsWith('feed '))).toEqual([`finish ${big.responseId}`, `parsed ${big.responseId}`, `tree ${big.responseId}`]);
    await expectRefusedAtOnce(watched, big.responseId);
  });

  it('marks no body whose parse was not running when the worker died; a body whose load kills it is refused', { timeout: 30_000 }, async () => {
    // The first worker has room to parse the big body; the later ones do not.
    const watched = watchedStore(2);
    const { store, workers } = watched;
    const bigId = (await store.keep(envelope(TOO_BIG_BYTES).bytes)).responseId;
    expect((await treeOf(store, bigId)).totalRows).toBeGreaterThan(10);
    // A worker that dies of anything but memory marks nothing.
    await workers[0]!.terminate();

    // Told early into the second worker; its table query has it parsed, then runs out of memory itself.
    const tableId = (await store.keep(envelope(TABLE_KILLS_BYTES).bytes)).responseId;
    await expect(store.table(tableId, { pointer: '', filter: '', sort: null }, 0, 10)).rejects.toThrow(DIED);
    expect(workers).toHaveLength(2);
    expect((await treeOf(store, tableId)).totalRows).toBeGreaterThan(10);

    // Loaded again into the third worker, the big body's parse runs it out of memory.
    await expect(treeOf(store, bigId)).rejects.toThrow(DIED);
    expect(workers).toHaveLength(3);
    await expectRefusedAtOnce(watched, bigId);
    expect((await treeOf(store, tableId)).totalRows).toBeGreaterThan(10);
    expect(workers).toHaveLength(4);
  });
});
