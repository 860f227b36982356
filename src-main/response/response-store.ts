// Response bodies stay in main; the renderer asks for windows of them by responseId.
//
// Main keeps each body's bytes, already redacted: in memory while all kept bodies fit the memory
// budget, the least recently used ones beyond it in a temporary file (spill-folder.ts). The body
// worker keeps the parsed values of the few bodies being looked at and answers tree, search,
// pretty-text and table queries; main never holds a parsed copy of a big body. Raw-text windows
// and exports are read straight from the bytes.
import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/app-error';
import type { TablePage, TableQuery } from '../table/table-view';
import { BodyReceiver } from './body-receiver';
import type { BodyWorkerClient } from './body-worker-client';
import { byteWindow, decodeBody, sharedCopy, type BodyFacts } from './body-text';
import { fileChunks, readRange, readShared, type SpillFolder } from './spill-folder';
import type { ExpansionInput, SearchPage, SearchQuery, WorkerCalls } from './worker-protocol';

/** Bodies up to this size are decoded in main when they arrive: cheaper than a trip to the worker. */
const SMALL_BODY_BYTES = 64 * 1024;
/**
 * Parsed bodies the worker keeps, by the size of their text: one whose big array is kept in
 * batches (batched-array.ts) takes about its text, one parsed whole 3–5 times it.
 */
const WORKER_TEXT_BYTES = 64 * 1024 * 1024;
const EXPORT_CHUNK_BYTES = 1024 * 1024;

export interface ResponseStoreDeps {
  worker: BodyWorkerClient;
  spill: SpillFolder;
  /** Read whenever a body arrives: the setting may change. */
  memoryBudgetBytes(): number;
  /** Known secrets (the Redactor): their spellings for the worker, their pattern for small bodies. */
  secrets: { spellings(): readonly string[]; bytePattern(): RegExp | null };
  maxEntries?: number;
}

/** A kept body as the history sees it: its size, and its text on demand. */
export interface BodySource {
  sizeBytes: number;
  readText(): Promise<string>;
}

/** A body arriving: see ResponseStore.receive. */
export interface IncomingBody {
  push(chunk: Uint8Array): void;
  finish(): Promise<KeptResponse>;
  abort(): void;
}

export interface KeptResponse extends BodyFacts {
  responseId: string;
  body: BodySource;
}

/** What `response:tree` and `response:rowOf` accept; `expandAll` and `collapsed` are optional. */
export type Expansion = Pick<ExpansionInput, 'expanded'> & Partial<Omit<ExpansionInput, 'expanded'>>;

interface Entry {
  id: string;
  facts: BodyFacts;
  size: number;
  /** In memory, or null once spilled. */
  bytes: Buffer | null;
  file: string | null;
  spilling: boolean;
  /** A spill failed (a full disk): this one stays in memory. */
  pinned: boolean;
}

const newId = () => randomUUID().replaceAll('-', '');
const notKept = () => new AppError('not_found', 'That response is no longer kept in memory. Send the request again to see it.');

export class ResponseStore {
  /** Least recently used first. */
  private readonly entries = new Map<string, Entry>();
  private memoryBytes = 0;
  /** Bodies parsed in the worker, least recently used first, with their sizes. */
  private readonly resident = new Map<string, number>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly spills = new Set<Promise<void>>();
  private readonly maxEntries: number;

  constructor(private readonly deps: ResponseStoreDeps) {
    this.maxEntries = deps.maxEntries ?? 16;
    deps.worker.onReset(() => this.resident.clear());
  }

  /**
   * A body about to arrive: push its chunks as they come, then finish() to keep it (redacted and
   * parsed), or abort(). `expectedBytes`: its declared size, when the server gave one.
   */
  receive(expectedBytes: number | null): IncomingBody {
    if (expectedBytes !== null && expectedBytes <= SMALL_BODY_BYTES) return this.receiveSmall();
    const docId = newId();
    // The parse of a big body runs faster with less already parsed beside it.
    if (expectedBytes !== null) this.makeRoomInWorker(expectedBytes);
    const { secrets, worker } = this.deps;
    const receiver = new BodyReceiver({ docId, expectedBytes, spellings: secrets.spellings(), pattern: secrets.bytePattern(), worker });
    return {
      push: (chunk) => receiver.push(chunk),
      finish: () => this.settle(docId, receiver),
      abort: () => {
        if (receiver.feeding) this.tellWorkerToEvict(docId);
      },
    };
  }

  /**
   * A body declared small: its chunks are gathered and kept in one go, redacted and decoded in
   * main, without the machinery a big body needs (most API answers are small, and this is their
   * whole cost in main: bench figure d).
   */
  private receiveSmall(): IncomingBody {
    const chunks: Uint8Array[] = [];
    return {
      push: (chunk) => void chunks.push(chunk),
      // Concatenated into a copy of their own: the bytes are blanked in place and kept.
      finish: async () => this.keepDecoded(newId(), Buffer.concat(chunks), this.deps.secrets.bytePattern()),
      abort: () => undefined,
    };
  }

  /** A whole body at once (a history body, say): redacted, parsed and kept. */
  keep(received: Uint8Array): Promise<KeptResponse> {
    const incoming = this.receive(received.byteLength);
    incoming.push(received);
    return incoming.finish();
  }

  private async settle(id: string, receiver: BodyReceiver): Promise<KeptResponse> {
    let bytes = receiver.end();
    let facts: BodyFacts;
    if (receiver.feeding) {
      facts = await receiver.finish();
      this.markResident(id, bytes.length);
    } else if (bytes.length <= SMALL_BODY_BYTES) {
      return this.keepDecoded(id, bytes, null);
    } else {
      bytes = shared(bytes);
      this.makeRoomInWorker(bytes.length);
      facts = await this.deps.worker.call('load', { docId: id, bytes: bytes.buffer as SharedArrayBuffer, end: bytes.length });
      this.markResident(id, bytes.length);
    }
    return this.add(id, facts, bytes);
  }

  /** A small body, decoded in main; `secrets` are blanked in place first (null: already done). */
  private keepDecoded(id: string, bytes: Buffer, secrets: RegExp | null): KeptResponse {
    // Shared with the worker only if it is ever asked about (load()).
    const { value: _parsed, length, ...facts } = decodeBody(bytes, secrets);
    return this.add(id, facts, bytes.subarray(0, length));
  }

  private add(id: string, facts: BodyFacts, bytes: Buffer): KeptResponse {
    this.entries.set(id, { id, facts, size: bytes.length, bytes, file: null, spilling: false, pinned: false });
    this.memoryBytes += bytes.length;
    while (this.entries.size > this.maxEntries) this.drop(this.entries.keys().next().value as string);
    this.spillBeyondBudget();
    return { responseId: id, ...facts, body: { sizeBytes: bytes.length, readText: () => this.readText(id) } };
  }

  /** How many bodies are kept. */
  get count(): number {
    return this.entries.size;
  }

  /** The run's folder of spilled bodies, once one was spilled. */
  get spillFolder(): string | null {
    return this.deps.spill.location;
  }

  /** Size and kind; not_found once the body is gone. */
  info(id: string): { sizeBytes: number; isJson: boolean; textChars: number } {
    const { size, facts } = this.entry(id);
    return { sizeBytes: size, isJson: facts.isJson, textChars: facts.textChars };
  }

  tree(id: string, expansion: Expansion, offset: number, limit: number) {
    return this.query(id, 'tree', { expansion: normalize(expansion), offset, limit });
  }

  rowOf(id: string, expansion: Expansion, path: string) {
    return this.query(id, 'rowOf', { expansion: normalize(expansion), path });
  }

  search(id: string, query: SearchQuery, offset: number, limit: number): Promise<SearchPage> {
    return this.query(id, 'search', { query, offset, limit });
  }

  table(id: string, query: TableQuery, offset: number, limit: number, columns: string[] | null = null): Promise<TablePage> {
    return this.query(id, 'table', { query, offset, limit, columns });
  }

  /** A window of the text: raw from the bytes, or pretty (JSON only) from the worker. */
  async text(id: string, offset: number, length: number, pretty: boolean): Promise<{ text: string; offset: number; totalChars: number }> {
    const entry = this.entry(id);
    if (pretty && entry.facts.isJson) {
      const page = await this.query(id, 'pretty', { offset, length });
      return { text: page.text, offset, totalChars: page.totalChars };
    }
    const { start, end, skip } = byteWindow(entry.facts.charIndex, entry.size, offset, length);
    const bytes = entry.bytes ? entry.bytes.subarray(start, end) : await readRange(entry.file!, start, end);
    return { text: bytes.toString('utf8').slice(skip, skip + length), offset, totalChars: entry.facts.textChars };
  }

  /** The bytes in pieces, for a streamed export. */
  chunks(id: string): Iterable<Uint8Array> | AsyncIterable<Uint8Array> {
    const { bytes, file } = this.entry(id);
    if (!bytes) return fileChunks(file!, EXPORT_CHUNK_BYTES);
    return (function* () {
      for (let at = 0; at < bytes.length; at += EXPORT_CHUNK_BYTES) yield bytes.subarray(at, at + EXPORT_CHUNK_BYTES);
    })();
  }

  async readText(id: string): Promise<string> {
    const entry = this.entry(id);
    return (entry.bytes ?? (await readRange(entry.file!, 0, entry.size))).toString('utf8');
  }

  drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    if (entry.bytes && !entry.spilling) this.memoryBytes -= entry.size;
    if (entry.file) void this.deps.spill.remove(entry.file);
    this.evictFromWorker(id);
  }

  /** Forgets every body (sign-out). */
  clear(): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
  }

  /** Resolves when the spills under way are written (tests, and before measuring memory). */
  async settled(): Promise<void> {
    while (this.spills.size) await Promise.all(this.spills);
  }

  /** Forgets everything, removes the temporary files and stops the worker. */
  async dispose(): Promise<void> {
    this.clear();
    await this.settled();
    this.deps.spill.dispose();
    await this.deps.worker.close();
  }

  private entry(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw notKept();
    // Most recently used last.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  /**
   * A worker query on a body, loading it into the worker first when needed. The worker may have
   * let it go between the load and the query (another load pushed it out): then once more.
   */
  private async query<K extends 'tree' | 'rowOf' | 'search' | 'pretty' | 'table'>(
    id: string,
    op: K,
    input: Omit<WorkerCalls[K]['input'], 'docId'>,
  ): Promise<WorkerCalls[K]['output']> {
    for (let attempt = 1; ; attempt += 1) {
      const entry = this.entry(id);
      await this.ensureResident(entry);
      try {
        return await this.deps.worker.call(op, { ...input, docId: id } as WorkerCalls[K]['input']);
      } catch (error) {
        if (attempt > 1 || !(error instanceof AppError) || error.code !== 'not_found') throw error;
        this.resident.delete(id);
      }
    }
  }

  private ensureResident(entry: Entry): Promise<void> {
    if (this.resident.has(entry.id)) {
      this.markResident(entry.id, entry.size);
      return Promise.resolve();
    }
    let loading = this.loading.get(entry.id);
    if (!loading) {
      loading = this.load(entry).finally(() => this.loading.delete(entry.id));
      this.loading.set(entry.id, loading);
    }
    return loading;
  }

  private async load(entry: Entry): Promise<void> {
    let bytes: Buffer;
    if (entry.bytes) {
      bytes = shared(entry.bytes);
      if (!entry.spilling) entry.bytes = bytes;
    } else {
      bytes = await readShared(entry.file!, entry.size);
    }
    this.makeRoomInWorker(entry.size);
    await this.deps.worker.call('load', { docId: entry.id, bytes: bytes.buffer as SharedArrayBuffer, end: bytes.length });
    if (this.entries.has(entry.id)) this.markResident(entry.id, entry.size);
    else this.tellWorkerToEvict(entry.id);
  }

  /** Records a body as parsed in the worker, most recently used. */
  private markResident(id: string, size: number): void {
    this.resident.delete(id);
    this.makeRoomInWorker(size);
    this.resident.set(id, size);
  }

  /** Lets the least recently used parsed bodies go until `incoming` more bytes fit the worker's share. */
  private makeRoomInWorker(incoming: number): void {
    let total = incoming;
    for (const size of this.resident.values()) total += size;
    for (const [other, size] of this.resident) {
      if (total <= WORKER_TEXT_BYTES) return;
      total -= size;
      this.evictFromWorker(other);
    }
  }

  private evictFromWorker(id: string): void {
    if (this.resident.delete(id)) this.tellWorkerToEvict(id);
  }

  private tellWorkerToEvict(id: string): void {
    this.deps.worker.call('evict', { docId: id }).catch(() => undefined);
  }

  private spillBeyondBudget(): void {
    const budget = this.deps.memoryBudgetBytes();
    for (const entry of this.entries.values()) {
      if (this.memoryBytes <= budget) return;
      if (entry.bytes && !entry.spilling && !entry.pinned) this.track(this.spill(entry));
    }
  }

  private async spill(entry: Entry): Promise<void> {
    entry.spilling = true;
    this.memoryBytes -= entry.size;
    try {
      const file = await this.deps.spill.write(`${entry.id}.body`, entry.bytes!);
      if (!this.entries.has(entry.id)) return void (await this.deps.spill.remove(file));
      entry.file = file;
      entry.bytes = null;
    } catch {
      // A full or read-only temp disk: keep it in memory rather than lose it.
      entry.pinned = true;
      if (this.entries.has(entry.id)) this.memoryBytes += entry.size;
    } finally {
      entry.spilling = false;
    }
  }

  private track(spill: Promise<void>): void {
    this.spills.add(spill);
    void spill.finally(() => this.spills.delete(spill));
  }
}

function normalize({ expanded, expandAll = false, collapsed = [] }: Expansion): ExpansionInput {
  return { expanded, expandAll, collapsed };
}

/** The bytes in memory the worker can share (from offset 0): as they are when they already are. */
function shared(bytes: Buffer): Buffer {
  return bytes.buffer instanceof SharedArrayBuffer && bytes.byteOffset === 0 ? bytes : sharedCopy(bytes);
}
