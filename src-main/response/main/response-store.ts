// Response bodies stay in main; the renderer asks for windows of them by responseId
// (docs/architecture.md, "The response pipeline").
//
// The store receives each body (body-receiver.ts for big ones, redacted and fed to the worker as
// they arrive; small ones decoded here) and composes two caches: the body cache (body-cache.ts)
// keeps the bytes, in memory up to the budget and in a temporary file beyond it; worker residency
// (worker-residency.ts) keeps track of the few bodies the body worker holds parsed, which answers
// tree, search, pretty-text and table queries; main never holds a parsed copy of a big body.
// Raw-text windows and exports are read straight from the bytes.
import { randomUUID } from 'node:crypto';
import type { TablePage, TableQuery } from '../../table/table-view';
import type { ChartData, ChartSpec } from '../../shared/contract';
import { decodeBody, type BodyFacts } from '../shared/body-text';
import { firstRowsOf } from '../shared/first-rows';
import type { ExpansionInput, SearchPage, SearchQuery, WithFirstRows, WorkerCalls } from '../worker-protocol';
import { BodyCache, inSharedMemory } from './body-cache';
import { BodyReceiver } from './body-receiver';
import { SpareMemory } from './spare-memory';
import type { BodyWorkerClient } from './body-worker-client';
import type { SpillFolder } from './spill-folder';
import { WorkerResidency } from './worker-residency';

/**
 * Bodies up to this size are decoded and parsed in main when they arrive: about 2 ms of main's
 * time at 256 KB, less than the round trips to the worker and back, so the answer and its first
 * rows go out sooner (bench figures d and h). Bigger ones go to the worker as they arrive: its
 * scan (shared/text-kernel.wat) tells their first rows sooner than main's parse would (1 MB:
 * about 8 ms of parse; bench figure a). Main keeps only the first rows of the value; the worker
 * parses the body again only if the window asks for more.
 */
const SMALL_BODY_BYTES = 256 * 1024;

/**
 * The body worker starts this long after the first body is kept, if no big body started it
 * before: the first big answer then does not wait for a thread to start (bench figure a).
 */
const WORKER_READY_MS = 1000;

export interface ResponseStoreDeps {
  worker: BodyWorkerClient;
  spill: SpillFolder;
  /** Read whenever a body arrives: the setting may change. */
  memoryBudgetBytes(): number;
  /** Known secrets (the Redactor): their spellings for the worker, their pattern for small bodies. */
  secrets: { spellings(): readonly string[]; bytePattern(): RegExp | null };
  maxEntries?: number;
}

/** A kept body as the history sees it: its size, its text on demand, and what its whole parse found. */
export interface BodySource {
  sizeBytes: number;
  readText(): Promise<string>;
  /** Whether it is JSON, once its whole parse is done (see ResponseStore.parsedInfo); never rejects. */
  isJson(): Promise<boolean>;
}

/** A kept body's size and kind (`toldJson`: see BodyFacts). */
export interface BodyInfo {
  sizeBytes: number;
  isJson: boolean;
  toldJson: boolean;
  textChars: number;
}

/** A body arriving: see ResponseStore.receive. */
export interface IncomingBody {
  push(chunk: Uint8Array): void;
  finish(): Promise<KeptResponse>;
  abort(): void;
}

export interface KeptResponse extends BodyFacts, WithFirstRows {
  responseId: string;
  body: BodySource;
}

/** What `response:tree` and `response:rowOf` accept; `expandAll` and `collapsed` are optional. */
export type Expansion = Pick<ExpansionInput, 'expanded'> & Partial<Omit<ExpansionInput, 'expanded'>>;

const newId = () => randomUUID().replaceAll('-', '');

export class ResponseStore {
  private readonly cache: BodyCache;
  private readonly residency: WorkerResidency;
  private readonly spare = new SpareMemory();
  /** Bodies told as JSON from their first rows, until their whole parse says whether they are (watchWholeParse). */
  private readonly wholeParses = new Map<string, Promise<boolean>>();
  private workerTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: ResponseStoreDeps) {
    this.cache = new BodyCache({
      spill: deps.spill,
      memoryBudgetBytes: () => deps.memoryBudgetBytes(),
      maxEntries: deps.maxEntries,
      onDrop: (id) => this.residency.dropped(id),
    });
    this.residency = new WorkerResidency({ worker: deps.worker, bodies: this.cache });
  }

  /**
   * A body about to arrive: push its chunks as they come, then finish() to keep it (redacted and
   * parsed), or abort(). `expectedBytes`: its declared size, when the server gave one.
   */
  receive(expectedBytes: number | null): IncomingBody {
    if (expectedBytes !== null && expectedBytes <= SMALL_BODY_BYTES) return this.receiveSmall();
    const docId = newId();
    // The parse of a big body runs faster with less already parsed beside it.
    if (expectedBytes !== null) this.residency.makeRoom(expectedBytes);
    const { secrets, worker } = this.deps;
    const receiver = new BodyReceiver({
      docId,
      expectedBytes,
      spellings: secrets.spellings(),
      pattern: secrets.bytePattern(),
      worker,
      sharedMemory: (bytes) => this.spare.take(bytes),
    });
    return {
      push: (chunk) => receiver.push(chunk),
      finish: () => this.settle(docId, receiver),
      abort: () => {
        if (receiver.feeding) this.residency.forget(docId);
      },
    };
  }

  /**
   * A body declared small: its chunks are gathered and kept in one go, redacted, decoded and
   * parsed in main, without the machinery a big body needs (most API answers are small, and this
   * is their whole cost in main: bench figure d).
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
    let facts: BodyFacts & WithFirstRows;
    if (receiver.feeding) {
      facts = await receiver.finish();
      this.residency.add(id, bytes.length);
      // The same request is often sent again: memory for its answer is readied meanwhile.
      this.spare.prepare(bytes.length);
    } else if (bytes.length <= SMALL_BODY_BYTES) {
      return this.keepDecoded(id, bytes, null);
    } else {
      bytes = inSharedMemory(bytes);
      facts = await this.residency.parse(id, bytes);
    }
    return this.add(id, facts, bytes);
  }

  /**
   * A small body, decoded in main; `secrets` are blanked in place first (null: already done). Its
   * first rows come from the value parsed here: the worker is asked only if the window asks more.
   */
  private keepDecoded(id: string, bytes: Buffer, secrets: RegExp | null): KeptResponse {
    // Shared with the worker only if it is ever asked about (BodyCache.sharedBytes).
    const { value, length, ...facts } = decodeBody(bytes, secrets);
    return this.add(id, { ...facts, firstRows: facts.isJson ? firstRowsOf(value) : null }, bytes.subarray(0, length));
  }

  private add(id: string, { firstRows, ...facts }: BodyFacts & WithFirstRows, bytes: Buffer): KeptResponse {
    this.cache.add(id, facts, bytes);
    this.workerTimer ??= setTimeout(() => this.deps.worker.prepare(), WORKER_READY_MS).unref();
    const isJson = facts.toldJson ? this.watchWholeParse(id) : Promise.resolve(facts.isJson);
    return { responseId: id, ...facts, firstRows, body: { sizeBytes: bytes.length, readText: () => this.readText(id), isJson: () => isJson } };
  }

  /**
   * A body told as JSON from its first rows is parsed whole in the worker soon after; main asks
   * to hear when (`parsed`, which does not hasten it) and, if it is not JSON after all, its facts
   * say so from then on (docs/architecture.md, "The response pipeline"). Resolves to whether it
   * is; as told when the body went first (dropped, or lost with the worker: a later load checks).
   */
  private watchWholeParse(id: string): Promise<boolean> {
    const verdict = this.deps.worker.call('parsed', { docId: id }).then(
      ({ isJson }) => {
        if (!isJson) this.cache.notJson(id);
        return isJson;
      },
      () => true,
    );
    this.wholeParses.set(id, verdict);
    void verdict.then(() => this.wholeParses.delete(id));
    return verdict;
  }

  /** How many bodies are kept. */
  get count(): number {
    return this.cache.count;
  }

  /** The run's folder of spilled bodies, once one was spilled. */
  get spillFolder(): string | null {
    return this.cache.spillFolder;
  }

  /** Size and kind; not_found once the body is gone. */
  info(id: string): BodyInfo {
    const { size, facts } = this.cache.use(id);
    return { sizeBytes: size, isJson: facts.isJson, toldJson: facts.toldJson ?? false, textChars: facts.textChars };
  }

  /** info() once the body's whole parse is done: one told as JSON from its first rows may turn out not to be. */
  async parsedInfo(id: string): Promise<BodyInfo> {
    await this.wholeParses.get(id);
    return this.info(id);
  }

  tree(id: string, expansion: Expansion, offset: number, limit: number) {
    return this.residency.query(id, 'tree', { expansion: normalize(expansion), offset, limit });
  }

  rowOf(id: string, expansion: Expansion, path: string) {
    return this.residency.query(id, 'rowOf', { expansion: normalize(expansion), path });
  }

  search(id: string, query: SearchQuery, offset: number, limit: number): Promise<SearchPage> {
    return this.residency.query(id, 'search', { query, offset, limit });
  }

  table(id: string, query: TableQuery, offset: number, limit: number, columns: string[] | null = null): Promise<TablePage> {
    return this.residency.query(id, 'table', { query, offset, limit, columns });
  }

  /** The chart of a kept body's rows, computed in the worker (src-main/chart/). */
  chart(id: string, query: Pick<TableQuery, 'pointer' | 'filter'>, spec: ChartSpec): Promise<ChartData> {
    return this.residency.query(id, 'chart', { query, spec });
  }

  /** A window of the text: raw from the bytes, or pretty (JSON only) from the worker. */
  async text(id: string, offset: number, length: number, pretty: boolean): Promise<{ text: string; offset: number; totalChars: number }> {
    const { facts } = this.cache.use(id);
    // Told as JSON and then not: the worker answers with the sentence that says why.
    if (pretty && (facts.isJson || facts.toldJson)) {
      const page = await this.residency.query(id, 'pretty', { offset, length });
      return { text: page.text, offset, totalChars: page.totalChars };
    }
    return { text: await this.cache.rawText(id, offset, length), offset, totalChars: facts.textChars };
  }

  /**
   * A kept body's bytes in memory shared with the worker, as a comparison hands them over
   * (src-main/compare/); refused for a body whose parse ran the worker out of memory, as its
   * queries are: the comparison would parse it whole there again.
   */
  async sharedBytes(id: string): Promise<Buffer> {
    this.residency.refuseOverflowed(id);
    return this.cache.sharedBytes(id);
  }

  /** Comparisons are made and kept by the body worker, beside the bodies (src-main/compare/). */
  compareCall<K extends 'compare' | 'comparePage' | 'compareForget'>(op: K, input: WorkerCalls[K]['input']): Promise<WorkerCalls[K]['output']> {
    return this.deps.worker.call(op, input);
  }

  /** The bytes in pieces, for a streamed export. */
  chunks(id: string): Iterable<Uint8Array> | AsyncIterable<Uint8Array> {
    return this.cache.chunks(id);
  }

  readText(id: string): Promise<string> {
    return this.cache.readText(id);
  }

  /** Forgets a body, in main and in the worker. */
  drop(id: string): void {
    this.cache.drop(id);
  }

  /** Forgets every body (sign-out). */
  clear(): void {
    this.cache.clear();
    this.spare.stop();
  }

  /** Resolves when the spills under way are written (tests, and before measuring memory). */
  settled(): Promise<void> {
    return this.cache.settled();
  }

  /** Forgets everything, removes the temporary files and stops the worker. */
  async dispose(): Promise<void> {
    this.spare.stop();
    if (this.workerTimer) clearTimeout(this.workerTimer);
    await this.cache.dispose();
    await this.deps.worker.close();
  }
}

function normalize({ expanded, expandAll = false, collapsed = [] }: Expansion): ExpansionInput {
  return { expanded, expandAll, collapsed };
}
