// A body arriving from the network, written as it comes, with secrets blanked on the way, into
// memory the body worker shares. Once a megabyte is in, the worker is told about each further
// megabyte and decodes it while the rest still arrives, so when the last byte lands only the
// parse is left (bench figure a).
import { StreamRedactor } from '../redaction/byte-redaction';
import type { BodyWorkerClient } from './body-worker-client';

/** The worker hears about the body once this much more of it is in. */
const FEED_BYTES = 1024 * 1024;
/** Bodies up to this size sit in ordinary memory: main decodes them itself. */
const PLAIN_BYTES = 64 * 1024;

export interface ReceiverOptions {
  docId: string;
  /** What the server declared (uncompressed), or null: the memory then grows as bytes come. */
  expectedBytes: number | null;
  /** Known secrets: their spellings, and the pattern of them when one is kept already. */
  spellings: readonly string[];
  pattern: RegExp | null;
  worker: Pick<BodyWorkerClient, 'call'>;
}

export class BodyReceiver {
  private bytes: Buffer;
  private length = 0;
  private fed = 0;
  private readonly redactor: StreamRedactor;

  constructor(private readonly options: ReceiverOptions) {
    this.redactor = new StreamRedactor(options.spellings, options.pattern);
    this.bytes = allocate(options.expectedBytes ?? PLAIN_BYTES);
  }

  /** Whether the worker holds part of the body: it must then load it, or be told to forget it. */
  get feeding(): boolean {
    return this.fed > 0;
  }

  /** The chunk is the receiver's from here on: secrets may be blanked in it. */
  push(chunk: Uint8Array): void {
    this.write(this.redactor.push(chunk));
    if (this.length - this.fed < FEED_BYTES) return;
    this.fed = this.length;
    // A lost feed costs nothing but time: load decodes whatever the worker was not fed.
    const { docId, worker } = this.options;
    worker.call('feed', { docId, bytes: this.bytes.buffer as SharedArrayBuffer, end: this.length }).catch(() => undefined);
  }

  /** The whole body, secrets blanked: in shared memory from offset 0 when it is bigger than PLAIN_BYTES. */
  end(): Buffer {
    this.write(this.redactor.end());
    return this.bytes.subarray(0, this.length);
  }

  private write(out: Buffer): void {
    const needed = this.length + out.length;
    if (needed > this.bytes.length) {
      const grown = allocate(Math.max(needed, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(out, this.length);
    this.length = needed;
  }
}

function allocate(bytes: number): Buffer {
  return bytes > PLAIN_BYTES ? Buffer.from(new SharedArrayBuffer(bytes)) : Buffer.allocUnsafe(bytes);
}
