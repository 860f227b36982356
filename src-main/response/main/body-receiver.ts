// A body arriving from the network, written as it comes into memory the body worker shares, and
// blanked of secrets there, in place. Once 256 KB are in, main decodes each further 256 KB
// and hands the text to the worker, cut where the elements of a big array may end
// (response/shared/json-split.ts), so the worker parses while the rest still arrives and little is
// left when the last byte lands (bench figure a). Decoding here and parsing there keeps both
// threads busy at once (docs/architecture.md, "The response pipeline").
import { holdBackFor, redactStretch } from '../../redaction/byte-redaction';
import type { BodyWorkerClient } from './body-worker-client';
import { TextTally, type BodyFacts } from '../shared/body-text';
import { nextPieces, planSplit, type SplitPlan } from '../shared/json-split';
import type { WithFirstRows } from '../worker-protocol';

/** The worker gets the next piece once this much more of the body is in. */
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
  worker: Pick<BodyWorkerClient, 'call'>;
}

export class BodyReceiver {
  private bytes: Buffer;
  /** Bytes written; those from `done` on may still hold the start of a secret. */
  private length = 0;
  /** Bytes final: blanked of secrets. */
  private done = 0;
  private readonly holdBack: number;
  /** The text handed to the worker so far, counted. */
  private readonly text = new TextTally();
  private pieces = 0;
  /** undefined until the body's start is in; null when it is not cut. */
  private plan: SplitPlan | null | undefined;

  constructor(private readonly options: ReceiverOptions) {
    this.bytes = allocate(options.expectedBytes ?? PLAIN_BYTES);
    this.holdBack = holdBackFor(options.spellings);
  }

  /** Whether the worker holds part of the body: it must then finish it, or be told to forget it. */
  get feeding(): boolean {
    return this.pieces > 0;
  }

  push(chunk: Uint8Array): void {
    this.write(chunk);
    this.redact(this.holdBack);
    if (this.done - this.text.decoded >= FEED_BYTES) this.feed();
  }

  /** The whole body, blanked: in shared memory from offset 0 when it is bigger than PLAIN_BYTES. */
  end(): Buffer {
    this.redact(0);
    return this.bytes.subarray(0, this.length);
  }

  /** Once end() was called, for a body being fed: the worker parses it and says what it is. */
  async finish(): Promise<BodyFacts & WithFirstRows> {
    const { docId, worker } = this.options;
    const rest = this.text.decode(this.bytes, this.length);
    const parsed = await worker.call('finish', { docId, rest, pieces: this.pieces, bytes: this.bytes.buffer as SharedArrayBuffer, end: this.length });
    return { ...parsed, ...this.text.counts() };
  }

  /** Hands the worker the text that is in, cut where elements of the big array may end (nextPieces). */
  private feed(): void {
    this.plan ??= planSplit(this.bytes, this.done);
    if (this.plan === undefined) return;
    let head = this.plan && !this.pieces ? { text: this.text.decode(this.bytes, this.plan.start), key: this.plan.key } : null;
    for (const { text, cut } of nextPieces(this.bytes, this.plan, this.text, this.done)) {
      this.pieces += 1;
      // A lost piece costs nothing but time: finish has the worker decode the whole body then.
      this.options.worker.call('feed', { docId: this.options.docId, text, cut, head }).catch(() => undefined);
      head = null;
    }
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
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(chunk, this.length);
    this.length = needed;
  }
}

function allocate(bytes: number): Buffer {
  return bytes > PLAIN_BYTES ? Buffer.from(new SharedArrayBuffer(bytes)) : Buffer.allocUnsafe(bytes);
}
