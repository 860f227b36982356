// Which kept bodies the body worker holds parsed, as main decides it (docs/architecture.md, "The
// response pipeline"): least recently used first, within a share of the worker's memory counted in
// bytes of text. A query on a body the worker does not hold loads it there again from the body
// cache (body-cache.ts; its bytes shared, not copied) and then asks. The worker forgets a body
// only when told (`evict`), or all of them when it dies and a fresh one starts (the client's
// onReset). A second cache beside the body cache: a body may be kept in main and not parsed in the
// worker, never the other way round for long (a body dropped there is evicted here).
//
// A body whose whole parse ran the worker out of memory (body-worker-client.ts names it) is never
// loaded again: each query would cost a parse and a dead worker, and every body the worker held.
// Its queries are refused at once with a sentence, for as long as the body is kept.
import { AppError } from '../../shared/app-error';
import type { BodyFacts } from '../shared/body-text';
import type { WithFirstRows, WorkerCalls } from '../worker-protocol';
import type { BodyCache } from './body-cache';
import type { BodyWorkerClient } from './body-worker-client';

/**
 * Parsed bodies the worker keeps, by the size of their text: one whose big array is kept in
 * batches (response/worker/batched-array.ts) takes about its text, one parsed whole 3–5 times it.
 */
const WORKER_TEXT_BYTES = 64 * 1024 * 1024;

export type QueryOp = 'tree' | 'rowOf' | 'search' | 'pretty' | 'table' | 'chart';

const tooBig = () =>
  new AppError(
    'too_large',
    'This response is too large for the app to read: reading it ran out of memory. Its text is still in Raw (with Pretty print off), and Save JSON still saves it to a file. To see it as a tree or table, narrow the request (a shorter date range or fewer fields) and send it again.',
  );

export interface WorkerResidencyOptions {
  worker: Pick<BodyWorkerClient, 'call' | 'onReset'>;
  /** Where a body not held by the worker is loaded from. */
  bodies: Pick<BodyCache, 'use' | 'has' | 'sharedBytes' | 'notJson'>;
  budgetBytes?: number;
}

export class WorkerResidency {
  /** Bodies parsed in the worker, least recently used first, with their sizes. */
  private readonly resident = new Map<string, number>();
  private readonly loading = new Map<string, Promise<void>>();
  /** Kept bodies whose parse ran the worker out of memory: never loaded again. */
  private readonly overflowed = new Set<string>();
  private readonly worker: WorkerResidencyOptions['worker'];
  private readonly bodies: WorkerResidencyOptions['bodies'];
  private readonly budget: number;

  constructor({ worker, bodies, budgetBytes = WORKER_TEXT_BYTES }: WorkerResidencyOptions) {
    this.worker = worker;
    this.bodies = bodies;
    this.budget = budgetBytes;
    worker.onReset((overflowed) => this.reset(overflowed));
  }

  /** Whether the worker holds the body parsed, as far as main knows. */
  holds(id: string): boolean {
    return this.resident.has(id);
  }

  /**
   * A worker query on a kept body, loading it into the worker first when needed. The worker may
   * have let it go between the load and the query (another load pushed it out): then once more.
   */
  async query<K extends QueryOp>(id: string, op: K, input: Omit<WorkerCalls[K]['input'], 'docId'>): Promise<WorkerCalls[K]['output']> {
    for (let attempt = 1; ; attempt += 1) {
      const { size } = this.bodies.use(id);
      this.refuseOverflowed(id);
      await this.ensure(id, size);
      try {
        return await this.worker.call(op, { ...input, docId: id } as WorkerCalls[K]['input']);
      } catch (error) {
        if (attempt > 1 || !(error instanceof AppError) || error.code !== 'not_found') throw error;
        this.resident.delete(id);
      }
    }
  }

  /** Parses a body's bytes (in shared memory, from offset 0) in the worker, as resident: what it is. */
  async parse(id: string, bytes: Buffer): Promise<BodyFacts & WithFirstRows> {
    this.makeRoom(bytes.length);
    const facts = await this.worker.call('load', { docId: id, bytes: bytes.buffer as SharedArrayBuffer, end: bytes.length });
    this.add(id, bytes.length);
    return facts;
  }

  /** Records a body as parsed in the worker (one fed as it arrived, say), most recently used. */
  add(id: string, size: number): void {
    this.resident.delete(id);
    this.makeRoom(size);
    this.resident.set(id, size);
  }

  /** Lets the least recently used parsed bodies go until `incoming` more bytes fit the worker's share. */
  makeRoom(incoming: number): void {
    let total = incoming;
    for (const size of this.resident.values()) total += size;
    for (const [other, size] of this.resident) {
      if (total <= this.budget) return;
      total -= size;
      this.evict(other);
    }
  }

  /** Refuses, with a sentence, a body whose parse ran the worker out of memory. */
  refuseOverflowed(id: string): void {
    if (this.overflowed.has(id)) throw tooBig();
  }

  /** A body the body cache forgot: the worker lets it go, and its mark goes with it. */
  dropped(id: string): void {
    this.overflowed.delete(id);
    this.evict(id);
  }

  /** The worker lets a body go, if it holds it. */
  evict(id: string): void {
    if (this.resident.delete(id)) this.forget(id);
  }

  /** Tells the worker to let a body go whatever main thinks it holds (one fed halfway, say). */
  forget(id: string): void {
    this.worker.call('evict', { docId: id }).catch(() => undefined);
  }

  /** A fresh worker holds nothing; the bodies still kept whose parse killed the old one are marked. */
  private reset(overflowed: readonly string[]): void {
    this.resident.clear();
    for (const id of overflowed) if (this.bodies.has(id)) this.overflowed.add(id);
  }

  private ensure(id: string, size: number): Promise<void> {
    if (this.resident.has(id)) {
      this.add(id, size);
      return Promise.resolve();
    }
    let loading = this.loading.get(id);
    if (!loading) {
      loading = this.load(id, size).finally(() => this.loading.delete(id));
      this.loading.set(id, loading);
    }
    return loading;
  }

  private async load(id: string, size: number): Promise<void> {
    // As the window was told it is: JSON shown from its first rows stays "JSON, broken past them".
    const { isJson, toldJson = isJson } = this.bodies.use(id).facts;
    const bytes = await this.bodies.sharedBytes(id);
    this.makeRoom(size);
    const parsed = await this.worker.call('load', { docId: id, bytes: bytes.buffer as SharedArrayBuffer, end: bytes.length, toldJson });
    // Its first whole parse may have been lost with a worker: this one tells main what it is.
    if (toldJson && !parsed.isJson) this.bodies.notJson(id);
    // Dropped from the cache while it loaded: the worker need not keep it.
    if (this.bodies.has(id)) this.add(id, size);
    else this.forget(id);
  }
}
