// Main's side of the body worker: numbered calls matched to numbered answers. When the worker
// dies (say a body too big for its heap), the calls waiting on it fail with a sentence, the next
// call starts a fresh worker, and listeners (the response store) forget what the old one held.
// The worker tells which kept bodies it is parsing whole (worker-protocol.ts, ParseNotice), so
// when it runs out of memory the listeners learn which body's parse did it, and only that one
// (docs/architecture.md, "The response pipeline").
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/app-error';
import { NOTICE_SEQ, type ParseNotice, type WorkerCalls, type WorkerOp, type WorkerPost, type WorkerReply } from '../worker-protocol';

/** Starts the worker: from the built body-worker.js in the app, from the .ts source in tests. */
export type BodyWorkerFactory = () => Worker;

/**
 * Told when a worker died, and the parsed bodies it held with it. `overflowed`: the kept bodies
 * whose whole parse was under way when it ran out of memory (none when it died of anything else).
 */
export type ResetListener = (overflowed: readonly string[]) => void;

interface Waiting {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class BodyWorkerClient {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private lastSeq = 0;
  private readonly resetListeners: ResetListener[] = [];
  /** Bodies the current worker is parsing whole, as its notices tell. */
  private readonly parsing = new Set<string>();
  private closed = false;

  constructor(private readonly factory: BodyWorkerFactory) {}

  call<K extends WorkerOp>(op: K, input: WorkerCalls[K]['input']): Promise<WorkerCalls[K]['output']> {
    if (this.closed) return Promise.reject(new AppError('not_found', 'The app is closing, so the response is no longer available.'));
    const worker = this.worker ?? this.start();
    const seq = ++this.lastSeq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ seq, op, input });
    });
  }

  /** Sends a call no one waits on (worker-protocol.ts, NOTICE_SEQ): it is not answered, even when it fails. */
  notify<K extends WorkerOp>(op: K, input: WorkerCalls[K]['input']): void {
    if (this.closed) return;
    (this.worker ?? this.start()).postMessage({ seq: NOTICE_SEQ, op, input });
  }

  /** Starts the worker ahead of its first call (a thread and its code take a few hundred ms). */
  prepare(): void {
    if (!this.closed && !this.worker) this.start();
  }

  onReset(listener: ResetListener): void {
    this.resetListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = this.factory();
    worker.on('message', (post: WorkerPost) => ('parsing' in post ? this.noted(post) : this.settle(post)));
    // 'error' is followed by 'exit'; the error itself says more, so it is kept for the message.
    let failure: unknown = null;
    worker.on('error', (error) => (failure = error));
    worker.on('exit', () => this.lost(worker, failure));
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.waiting.get(reply.seq);
    if (!waiting) return;
    this.waiting.delete(reply.seq);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(reply.error.code ? new AppError(reply.error.code, reply.error.message) : new Error(`Body worker: ${reply.error.message}`));
  }

  private noted({ docId, parsing }: ParseNotice): void {
    if (parsing) this.parsing.add(docId);
    else this.parsing.delete(docId);
  }

  // Node delivers what the worker posted before it died ahead of 'exit': the notices are all in.
  private lost(worker: Worker, failure: unknown): void {
    if (this.worker === worker) this.worker = null;
    const outOfMemory = failure instanceof Error && /heap|memory/i.test(failure.message);
    const overflowed = outOfMemory ? [...this.parsing] : [];
    this.parsing.clear();
    const why = outOfMemory ? ' (it ran out of memory)' : '';
    const error = new AppError('internal', `Reading the response stopped unexpectedly${why}. Send the request again; for a very large answer, narrow it or save it to a file.`);
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    if (!this.closed) for (const listener of this.resetListeners) listener(overflowed);
  }
}
