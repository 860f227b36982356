// A body arriving from the network, written as it comes into memory the body worker shares, and
// blanked of secrets there, in place. Each further 256 KB that is final is announced to the worker,
// which scans and parses it while the rest still arrives (response/worker/arriving-body.ts): main
// only copies bytes and blanks secrets, so it is free to take the next ones, and when the last
// byte lands the worker can tell the first rows at once (bench figure a; docs/architecture.md,
// "The response pipeline").
import { holdBackFor, redactStretch } from '../../redaction/byte-redaction';
import type { BodyWorkerClient } from './body-worker-client';
import type { BodyFacts } from '../shared/body-text';
import type { WithFirstRows } from '../worker-protocol';
import { copyBytes } from '../shared/byte-copy';

/** The worker hears of the body again once this much more of it is final. */
const FEED_BYTES = 256 * 1024;
/** Bodies up to this size sit in ordinary memory: main decodes them itself. */
const PLAIN_BYTES = 64 * 1024;

export interface ReceiverOptions {
  docId: string;
  /** What the server declared (uncompressed), or null: the memory then grows as bytes come. */
  expectedBytes: number | null;
  /** Known secrets: their spellings, and one pattern for them (null when there are none). */
  spellings: readonly string[];
  pattern: RegExp | null;
  worker: Pick<BodyWorkerClient, 'call' | 'notify'>;
  /** Shared memory for a body of a declared size (spare-memory.ts); new memory by default. */
  sharedMemory?(bytes: number): Buffer;
}

export class BodyReceiver {
  private bytes: Buffer;
  /** Bytes written; those from `done` on may still hold the start of a secret. */
  private length = 0;
  /** Bytes final: blanked of secrets. */
  private done = 0;
  /** Bytes announced to the worker. */
  private fed = 0;
  private pieces = 0;
  private readonly holdBack: number;

  constructor(private readonly options: ReceiverOptions) {
    const { expectedBytes, sharedMemory } = options;
    this.bytes = expectedBytes !== null && expectedBytes > PLAIN_BYTES && sharedMemory ? sharedMemory(expectedBytes) : allocate(expectedBytes ?? PLAIN_BYTES);
    this.holdBack = holdBackFor(options.spellings);
  }

  /** Whether the worker holds part of the body: it must then finish it, or be told to forget it. */
  get feeding(): boolean {
    return this.pieces > 0;
  }

  push(chunk: Uint8Array): void {
    this.write(chunk);
    this.redact(this.holdBack);
    if (this.done - this.fed >= FEED_BYTES) this.feed();
  }

  /** The whole body, blanked: in shared memory from offset 0 when it is bigger than PLAIN_BYTES. */
  end(): Buffer {
    this.redact(0);
    return this.bytes.subarray(0, this.length);
  }

  /** Once end() was called, for a body being fed: the worker parses it and says what it is. */
  finish(): Promise<BodyFacts & WithFirstRows> {
    const { docId, worker } = this.options;
    return worker.call('finish', { docId, pieces: this.pieces, bytes: this.shared(), end: this.length });
  }

  private feed(): void {
    this.pieces += 1;
    this.fed = this.done;
    // A lost piece costs nothing but time: finish has the worker parse the whole body then.
    this.options.worker.notify('feed', { docId: this.options.docId, bytes: this.shared(), end: this.done });
  }

  /** Fed bodies are past PLAIN_BYTES, so in shared memory, from offset 0. */
  private shared(): SharedArrayBuffer {
    return this.bytes.buffer as SharedArrayBuffer;
  }

  private redact(holdBack: number): void {
    const { pattern } = this.options;
    if (!pattern) this.done = this.length;
    else ({ done: this.done, end: this.length } = redactStretch(this.bytes, this.done, this.length, pattern, holdBack));
  }

  private write(chunk: Uint8Array): void {
    const needed = this.length + chunk.byteLength;
    if (needed > this.bytes.length) {
      const grown = allocate(Math.max(needed, this.bytes.length * 2));
      copyBytes(grown, 0, this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    copyBytes(this.bytes, this.length, chunk);
    this.length = needed;
  }
}

function allocate(bytes: number): Buffer {
  return bytes > PLAIN_BYTES ? Buffer.from(new SharedArrayBuffer(bytes)) : Buffer.allocUnsafe(bytes);
}
