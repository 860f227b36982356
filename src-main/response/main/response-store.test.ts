import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { TREE_FIRST_ROWS } from '../../shared/contract';
import { firstRowsOf } from '../shared/first-rows';
import { Redactor } from '../../redaction/redactor';
import { createTestResponseStore, type TestStoreOptions } from '../../testing/test-response-store';
import { createBodyWorkerFromSource } from '../../testing/ts-worker';
import { NOT_JSON_AFTER_ALL, type WorkerMessage } from '../worker-protocol';
import type { ResponseStore } from './response-store';
import { SPILL_PREFIX } from './spill-folder';

const body = { status: 1, data: [{ id: 1, name: 'Ada' }], error: null };
const text = JSON.stringify(body);
const KB = 1024;
const MB = 1024 * KB;

let spillParent: string;
const stores: ResponseStore[] = [];
beforeEach(() => {
  spillParent = mkdtempSync(join(tmpdir(), 'hae-spill-'));
});
afterEach(async () => {
  while (stores.length) await stores.pop()!.dispose();
  rmSync(spillParent, { recursive: true, force: true });
});

function open(options: TestStoreOptions = {}): ResponseStore {
  const store = createTestResponseStore({ spillParent, ...options });
  stores.push(store);
  return store;
}

/** A store whose body workers the test can reach (to end one, as if it died). */
function openWatchingWorkers(): { store: ResponseStore; workers: Worker[] } {
  const workers: Worker[] = [];
  const store = open({
    createWorker: () => {
      const worker = createBodyWorkerFromSource();
      workers.push(worker);
      return worker;
    },
  });
  return { store, workers };
}

async function keep(store: ResponseStore, content: string | Buffer): Promise<string> {
  return (await store.keep(Buffer.from(content))).responseId;
}

/** A JSON body of about `bytes`, an envelope with a big `data` array (over 256 KB, main does not parse it). */
function bigBody(bytes: number) {
  const value = { status: 1, data: Array.from({ length: Math.ceil(bytes / 40) }, (_, id) => ({ id, name: `Employee ${id}` })), error: null };
  return { value, text: JSON.stringify(value) };
}

async function expectNotFound(promise: Promise<unknown> | (() => unknown)) {
  const error = await (typeof promise === 'function' ? Promise.resolve().then(promise) : promise).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('not_found');
  expect((error as AppError).message).toMatch(/^[A-Z].*\.$/);
}

describe('ResponseStore: windows of a kept body', () => {
  it('gives the first page of the tree with the kept body, as the tree query gives it, whoever parsed it', async () => {
    const store = open();
    // Parsed in main (small, up to 256 KB), fed to the worker as it arrives (900 KB and 3 MB).
    for (const content of [text, bigBody(900 * KB).text, bigBody(3 * MB).text]) {
      const kept = await store.keep(Buffer.from(content));
      expect(kept.firstRows?.expanded).toEqual(['', '/data']);
      const page = await store.tree(kept.responseId, { expanded: ['', '/data'] }, 0, TREE_FIRST_ROWS);
      expect(kept.firstRows).toEqual({ expanded: ['', '/data'], ...page });
    }
    const notJson = await store.keep(Buffer.from('x'.repeat(300 * KB)));
    expect(notJson).toMatchObject({ isJson: false, firstRows: null });
  });

  it('serves tree rows and pages of them', async () => {
    const store = open();
    const id = await keep(store, text);
    const page = await store.tree(id, { expanded: ['', '/data'] }, 0, 100);
    expect(page.totalRows).toBe(5);
    expect(page.rows.map((r) => r.path)).toEqual(['', '/status', '/data', '/data/0', '/error']);
    expect(page.rows[2]).toMatchObject({ kind: 'array', preview: '[1 item]', expanded: true });
    const second = await store.tree(id, { expanded: ['', '/data', '/data/0'] }, 2, 2);
    expect(second.totalRows).toBe(7);
    expect(second.rows.map((r) => r.path)).toEqual(['/data', '/data/0']);
  });

  it('opens everything with expandAll except what is collapsed, and finds the row of a path', async () => {
    const store = open();
    const id = await keep(store, text);
    expect((await store.tree(id, { expanded: [], expandAll: true }, 0, 100)).totalRows).toBe(7);
    expect((await store.tree(id, { expanded: [], expandAll: true, collapsed: ['/data'] }, 0, 100)).totalRows).toBe(4);
    expect(await store.rowOf(id, { expanded: ['', '/data', '/data/0'] }, '/data/0/name')).toEqual({ row: 5 });
    expect(await store.rowOf(id, { expanded: [''] }, '/data/0/name')).toEqual({ row: null });
  });

  it('shows a non-JSON body as one string row and its text for pretty too', async () => {
    const store = open();
    const id = await keep(store, '<html>Server error</html>');
    const page = await store.tree(id, { expanded: [''] }, 0, 10);
    expect(page.totalRows).toBe(1);
    expect(page.rows[0]).toMatchObject({ kind: 'string', preview: '"<html>Server error</html>"' });
    expect(await store.text(id, 0, 100, true)).toEqual({ text: '<html>Server error</html>', offset: 0, totalChars: 25 });
  });

  it('pages the raw text with offset, length and totalChars', async () => {
    const store = open();
    const id = await keep(store, text);
    expect(await store.text(id, 0, 10, false)).toEqual({ text: text.slice(0, 10), offset: 0, totalChars: text.length });
    expect(await store.text(id, 10, 5, false)).toEqual({ text: text.slice(10, 15), offset: 10, totalChars: text.length });
    expect((await store.text(id, text.length - 3, 100, false)).text).toBe(text.slice(-3));
    expect(await store.text(id, text.length + 5, 10, false)).toEqual({ text: '', offset: text.length + 5, totalChars: text.length });
  });

  it('serves pretty text equal to JSON.stringify(value, null, 2), window by window', async () => {
    const store = open();
    const id = await keep(store, text);
    const pretty = JSON.stringify(body, null, 2);
    expect(await store.text(id, 0, 1_000_000, true)).toEqual({ text: pretty, offset: 0, totalChars: pretty.length });
    for (let offset = 0; offset < pretty.length; offset += 9) expect((await store.text(id, offset, 13, true)).text).toBe(pretty.slice(offset, offset + 13));
    expect((await store.text(id, 0, 1_000_000, false)).text).toBe(text);
  });

  it('reads raw windows of non-ASCII text by character, not by byte', async () => {
    const store = open();
    const unicode = JSON.stringify({ names: Array.from({ length: 40_000 }, (_, i) => `Zoë ${i} 😀 €`) });
    const id = await keep(store, unicode);
    for (const offset of [0, 1, 70_000, 500_000, unicode.length - 20]) expect((await store.text(id, offset, 50_000, false)).text).toBe(unicode.slice(offset, offset + 50_000));
    expect(store.info(id)).toMatchObject({ textChars: unicode.length, sizeBytes: Buffer.byteLength(unicode) });
  });

  it('keeps JSON whose value is null or false distinct from "no JSON"', async () => {
    const store = open();
    const id = await keep(store, 'null');
    expect((await store.tree(id, { expanded: [] }, 0, 10)).rows[0]).toMatchObject({ kind: 'null', preview: 'null' });
    expect((await store.keep(Buffer.from('false'))).isJson).toBe(true);
    expect((await store.keep(Buffer.from('  '))).isJson).toBe(false);
  });
});

describe('ResponseStore: search', () => {
  it('finds text and paths, and keeps scanning between calls until done', async () => {
    const store = open();
    const { text: big } = bigBody(2_000_000);
    const id = await keep(store, big);
    let page = await store.search(id, { mode: 'text', query: 'employee 49999' }, 0, 500);
    while (!page.done) page = await store.search(id, { mode: 'text', query: 'employee 49999' }, 0, 500);
    expect(page.hits).toEqual([{ path: '/data/49999/name', key: 'name', preview: '"Employee 49999"' }]);
    expect(page.scanned).toBeGreaterThan(100_000);
    const ids = await store.search(id, { mode: 'path', query: 'data[49998].id' }, 0, 10);
    expect(ids).toMatchObject({ hits: [{ path: '/data/49998/id', preview: '49998' }], done: true, capped: false });
  });

  it('says what is wrong with a broken path filter', async () => {
    const store = open();
    const id = await keep(store, text);
    await expect(store.search(id, { mode: 'path', query: 'data[' }, 0, 10)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/not valid/) });
  });
});

describe('ResponseStore: secrets', () => {
  it.each([
    ['a small body (decoded in main)', 100],
    ['a big body (decoded in the worker)', 300_000],
  ])('blanks known secrets in every spelling in %s, before anything can read it', async (_label, padding) => {
    const redactor = new Redactor();
    redactor.addSecret('tok/SENTINEL-1');
    const store = open({ redactor });
    const raw = JSON.stringify({ pad: 'x'.repeat(padding), token: 'tok/SENTINEL-1' }).replace('}', ',"php":"tok\\/SENTINEL-1"}');
    const expected = raw.replace('tok/SENTINEL-1', '[REDACTED]').replace('tok\\/SENTINEL-1', '[REDACTED]');
    expect(expected).toMatch(/"token":"\[REDACTED\]","php":"\[REDACTED\]"\}$/);
    const kept = await store.keep(Buffer.from(raw));
    const from = Math.max(0, expected.length - 200);
    expect(await store.text(kept.responseId, from, 200, false)).toEqual({ text: expected.slice(from), offset: from, totalChars: expected.length });
    expect(await kept.body.readText()).not.toContain('SENTINEL');
    const search = await store.search(kept.responseId, { mode: 'text', query: 'sentinel' }, 0, 10);
    expect(search.hits).toEqual([]);
  });
});

describe('ResponseStore: a body just past what main parses itself', () => {
  it('is parsed whole by the worker when its last bytes, held back for a secret, kept it from being fed', async () => {
    // A long secret holds back its length less one byte at every chunk's end, so a body this long
    // is never fed while it arrives; it is over what main parses, so the worker parses it whole.
    const redactor = new Redactor();
    redactor.addSecret(`long-secret-${'s'.repeat(100)}`);
    const store = open({ redactor });
    const frame = JSON.stringify({ status: 1, data: [], pad: '' });
    const raw = JSON.stringify({ status: 1, data: [{ id: 1 }, { id: 2 }], pad: 'x'.repeat(256 * KB + 50 - frame.length - 17) });
    expect(raw.length).toBe(256 * KB + 50);
    const kept = await store.keep(Buffer.from(raw));
    expect(kept).toMatchObject({ isJson: true, textChars: raw.length, body: { sizeBytes: raw.length } });
    expect(kept.firstRows?.rows.map((row) => row.path)).toEqual(['', '/status', '/data', '/data/0', '/data/1', '/pad']);
    expect(await kept.body.readText()).toBe(raw);
  });
});

describe('ResponseStore: a body arriving in chunks', () => {
  it('is parsed by the worker while it arrives, exactly as the whole, secrets blanked', async () => {
    const redactor = new Redactor();
    redactor.addSecret('tok/ARRIVING-7');
    const store = open({ redactor });
    const { value } = bigBody(3_000_000);
    const raw = JSON.stringify({ ...value, echo: 'tok/ARRIVING-7' });
    const expected = raw.replace('tok/ARRIVING-7', '[REDACTED]');
    const incoming = store.receive(raw.length);
    const bytes = Buffer.from(raw);
    // Chunk edges all over, one of them inside the secret.
    const secretAt = raw.indexOf('ARRIVING');
    for (let at = 0, i = 0; at < bytes.length; i += 1) {
      const next = at < secretAt && secretAt < at + 70_000 ? secretAt + 3 : Math.min(bytes.length, at + 1 + ((i * 7919) % 70_000));
      incoming.push(Buffer.from(bytes.subarray(at, next)));
      at = next;
    }
    const kept = await incoming.finish();
    expect(kept).toMatchObject({ isJson: true, textChars: expected.length, body: { sizeBytes: expected.length } });
    expect(await kept.body.readText()).toBe(expected);
    const last = value.data.length - 1;
    const page = await store.tree(kept.responseId, { expanded: ['', '/data', `/data/${last}`] }, 3 + last, 5);
    expect(page.rows.map((row) => row.path)).toEqual([`/data/${last}`, `/data/${last}/id`, `/data/${last}/name`, '/error', '/echo']);
    expect(page.rows[4]!.preview).toBe('"[REDACTED]"');
    const pretty = JSON.stringify(JSON.parse(expected), null, 2);
    expect(await store.text(kept.responseId, pretty.length - 300, 300, true)).toMatchObject({ text: pretty.slice(-300), totalChars: pretty.length });
  });

  it('tells its first rows before the worker has parsed it all, and answers later queries once it has', async () => {
    const store = open();
    const { value, text: raw } = bigBody(6 * MB);
    const incoming = store.receive(raw.length);
    // All at once: the worker has parsed nothing of it when the last byte lands.
    incoming.push(Buffer.from(raw));
    const kept = await incoming.finish();
    expect(kept).toMatchObject({ isJson: true, head: { status: 1, error: null }, textChars: raw.length });
    expect(kept.firstRows).toEqual(firstRowsOf(value));
    const last = value.data.length - 1;
    const [page, row] = await Promise.all([
      store.tree(kept.responseId, { expanded: ['', '/data', `/data/${last}`] }, 3 + last, 4),
      store.rowOf(kept.responseId, { expanded: ['', '/data'] }, `/data/${last}`),
    ]);
    expect(page.rows.map((row) => row.path)).toEqual([`/data/${last}`, `/data/${last}/id`, `/data/${last}/name`, '/error']);
    expect(row).toEqual({ row: 3 + last });
  });

  it('says so in a sentence when a body shown as JSON turns out broken past its first rows, also once parsed again', async () => {
    const { store, workers } = openWatchingWorkers();
    const raw = bigBody(6 * MB).text.replace('"id":100000,', '"id":100000,,');
    const incoming = store.receive(raw.length);
    incoming.push(Buffer.from(raw));
    const kept = await incoming.finish();
    expect(kept.isJson).toBe(true);
    const error = await store.tree(kept.responseId, { expanded: [''] }, 0, 10).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(NOT_JSON_AFTER_ALL);
    // Main heard it before the answer of the query that waited for the parse.
    expect(store.info(kept.responseId)).toMatchObject({ isJson: false, toldJson: true });
    expect((await store.text(kept.responseId, 0, 20, false)).text).toBe(raw.slice(0, 20));
    // A fresh worker parses it again from its bytes: still the sentence, not one string row.
    await workers[0]!.terminate();
    const again = await store.tree(kept.responseId, { expanded: [''] }, 0, 10).catch((failure: unknown) => failure);
    expect((again as AppError).message).toBe((error as AppError).message);
    expect(store.info(kept.responseId).isJson).toBe(false);
  });

  it('learns from the deferred parse alone that a body told as JSON is not, and every JSON view then says why', async () => {
    const store = open();
    const raw = bigBody(2 * MB).text.replace('"id":40000,', '"id":40000,,');
    const incoming = store.receive(raw.length);
    incoming.push(Buffer.from(raw));
    const kept = await incoming.finish();
    const id = kept.responseId;
    expect(kept).toMatchObject({ isJson: true, toldJson: true });
    // Nothing asked about it: the worker parses it on its own, DEFER_MS later, and main hears.
    expect(await kept.body.isJson()).toBe(false);
    expect(store.info(id)).toMatchObject({ isJson: false, toldJson: true });
    expect(await store.parsedInfo(id)).toMatchObject({ isJson: false, toldJson: true });
    const refusals = [
      store.table(id, { pointer: '', filter: '', sort: null }, 0, 10),
      store.chart(id, { pointer: '', filter: '' }, { x: null, bucket: 'auto', y: null, yField: null, split: null, top: 5 }),
      store.search(id, { mode: 'text', query: 'Employee 7' }, 0, 10),
      store.text(id, 0, 100, true),
    ];
    for (const refused of refusals) await expect(refused).rejects.toMatchObject({ code: 'invalid_input', message: NOT_JSON_AFTER_ALL });
    expect((await store.text(id, 0, 100, false)).text).toBe(raw.slice(0, 100));
  });

  it('forgets a body that was abandoned halfway (a cancelled request)', async () => {
    const store = open();
    const incoming = store.receive(null);
    incoming.push(Buffer.from(bigBody(2_500_000).text.slice(0, 2_000_000)));
    incoming.abort();
    expect(store.count).toBe(0);
    const id = await keep(store, text);
    expect((await store.tree(id, { expanded: [''] }, 0, 10)).totalRows).toBe(4);
  });
});

describe('ResponseStore: memory budget and temporary files', () => {
  it('spills the least recently used bodies beyond the budget to a file, and reads them from there', async () => {
    const store = open({ budgetBytes: () => 150 * KB });
    const bodies = [bigBody(100 * KB), bigBody(100 * KB), bigBody(100 * KB)];
    const [a, b] = [await keep(store, bodies[0]!.text), await keep(store, bodies[1]!.text)];
    await store.text(a, 0, 10, false); // a is now the most recently used
    const c = await keep(store, bodies[2]!.text);
    await store.settled();
    const folder = store.spillFolder!;
    expect(folder.startsWith(join(spillParent, SPILL_PREFIX))).toBe(true);
    // b was least recently used when c arrived; then a had to go too (100 + 100 > 150).
    expect(readdirSync(folder).sort()).toEqual([`${a}.body`, `${b}.body`].sort());
    for (const [id, { text: content, value }] of [
      [a, bodies[0]!],
      [b, bodies[1]!],
      [c, bodies[2]!],
    ] as const) {
      expect((await store.text(id, 1000, 500, false)).text).toBe(content.slice(1000, 1500));
      expect((await store.tree(id, { expanded: ['', '/data'] }, 0, 3)).totalRows).toBe(4 + value.data.length);
      expect(await store.readText(id)).toBe(content);
    }
  });

  it('keeps everything in a file with a budget of 0, and removes the folder on dispose', async () => {
    const store = createTestResponseStore({ spillParent, budgetBytes: () => 0 });
    const id = await keep(store, text);
    await store.settled();
    const folder = store.spillFolder!;
    expect(readdirSync(folder)).toEqual([`${id}.body`]);
    expect((await store.text(id, 0, 100, false)).text).toBe(text);
    store.drop(id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(folder)).toEqual([]);
    await store.keep(Buffer.from(text));
    await store.dispose();
    expect(existsSync(folder)).toBe(false);
  });
});

describe('ResponseStore: the worker', () => {
  it('is started a second after the first body is kept, so the first big answer does not wait for it', async () => {
    let started = 0;
    const store = open({
      createWorker: () => {
        started += 1;
        return createBodyWorkerFromSource();
      },
    });
    await keep(store, text);
    expect(started).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(started).toBe(1);
    await keep(store, text);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(started).toBe(1);
  });

  it('parses big bodies again after the worker let them go, and after the worker died', async () => {
    const { store, workers } = openWatchingWorkers();
    const first = bigBody(300 * KB);
    const id = await keep(store, first.text);
    expect((await store.tree(id, { expanded: [''] }, 0, 10)).totalRows).toBe(4);
    await workers[0]!.terminate();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await store.tree(id, { expanded: ['', '/data'] }, 0, 10)).totalRows).toBe(4 + first.value.data.length);
    expect(workers).toHaveLength(2);
  });
});

describe('ResponseStore: its two caches together', () => {
  it('tells the worker to let go of a body main forgets: pushed out by maxEntries, or dropped', async () => {
    const sent: string[] = [];
    const store = open({
      maxEntries: 1,
      createWorker: () => {
        const worker = createBodyWorkerFromSource();
        const post = worker.postMessage.bind(worker);
        worker.postMessage = (message: WorkerMessage) => {
          sent.push(`${message.op} ${message.input.docId}`);
          post(message);
        };
        return worker;
      },
    });
    // Bigger than what main parses itself: fed to the worker as they arrive.
    const a = await keep(store, bigBody(3 * MB).text);
    const b = await keep(store, bigBody(3 * MB).text);
    store.drop(b);
    // Each was told early: main asks to hear when its whole parse is done (`parsed`).
    expect(sent.filter((message) => !message.startsWith('feed '))).toEqual([`finish ${a}`, `parsed ${a}`, `finish ${b}`, `evict ${a}`, `parsed ${b}`, `evict ${b}`]);
    await expectNotFound(store.tree(a, { expanded: [''] }, 0, 10));
  });
});

describe('ResponseStore: keeping and forgetting', () => {
  it('answers not_found with a sentence for an unknown id', async () => {
    const store = open();
    await expectNotFound(store.tree('nope', { expanded: [] }, 0, 10));
    await expectNotFound(store.text('nope', 0, 10, false));
    await expectNotFound(store.search('nope', { mode: 'text', query: 'x' }, 0, 10));
    await expectNotFound(() => store.info('nope'));
  });

  it('evicts the least recently used entries beyond maxEntries', async () => {
    const store = open({ maxEntries: 2 });
    const a = await keep(store, '"a"');
    const b = await keep(store, '"b"');
    await store.text(a, 0, 10, false);
    const c = await keep(store, '"c"');
    await expectNotFound(store.text(b, 0, 10, false));
    expect((await store.text(a, 0, 10, false)).text).toBe('"a"');
    expect((await store.text(c, 0, 10, false)).text).toBe('"c"');
  });

  it('keeps 16 entries by default', async () => {
    const store = open();
    const ids: string[] = [];
    for (let i = 0; i < 17; i += 1) ids.push(await keep(store, String(i)));
    await expectNotFound(store.text(ids[0]!, 0, 10, false));
    expect((await store.text(ids[16]!, 0, 10, false)).text).toBe('16');
  });

  it('clear() forgets everything', async () => {
    const store = open();
    const id = await keep(store, text);
    store.clear();
    await expectNotFound(store.text(id, 0, 10, false));
  });

  it('streams the bytes for an export, from memory or from the file', async () => {
    const collect = async (chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>) => {
      const parts: Buffer[] = [];
      for await (const chunk of chunks) parts.push(Buffer.from(chunk));
      return Buffer.concat(parts).toString('utf8');
    };
    const { text: big } = bigBody(3_000_000);
    const inMemory = open();
    expect(await collect(inMemory.chunks(await keep(inMemory, big)))).toBe(big);
    const onDisk = open({ budgetBytes: () => 0 });
    const id = await keep(onDisk, big);
    await onDisk.settled();
    expect(await collect(onDisk.chunks(id))).toBe(big);
  });
});
