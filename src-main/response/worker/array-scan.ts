// Where a JSON body's big array lies and where its elements meet, read once from the bytes as
// they arrive, without parsing them: bracket depth, strings and their escapes only. A big Humanity
// answer is a big array in the envelope, {"status":1,"data":[{…},{…},…]}; the big array is the
// first array at the root (or the root itself), unless that one is short and another follows.
// The commas found between its elements are where the body worker cuts batches to parse, and
// their count gives the array's length before the parse is done (arriving-body.ts). For valid
// JSON every offset is exact; invalid JSON is caught when the parts go through JSON.parse.

import { TextKernel, type ScanState } from '../shared/text-kernel';

const COMMA = 0x2c;
const [OPEN_BRACE, OPEN_BRACKET] = [0x7b, 0x5b];

/** An array at the root shorter than this leaves the choice to the next one (`"metadata":[]`). */
const SHORT_ARRAY_BYTES = 64 * 1024;

export class ArrayScan {
  /** Offset just after the big array's `[`; -1 until one is found. */
  start = -1;
  /** Offset of the big array's `]`; -1 until it ends. */
  end = -1;
  /** Offsets of the commas between its elements, in order. */
  readonly commas: number[] = [];
  /** Offset just after the root value's last byte; -1 while it is open. */
  rootEnd = -1;
  /** Bytes read so far. */
  scanned = 0;
  /** The structure went below the root (a stray closing bracket): nothing here can be trusted. */
  broken = false;

  private readonly state: ScanState = { depth: 0, inString: false, skip: 0 };
  /** The depth inside the big array (its elements' commas are at this depth). */
  private arrayDepth = -1;
  /** The depth of the commas to note: -1 when none (no big array yet, or it has ended). */
  private commaDepth = -1;

  /** Reads bytes[scanned, to). */
  scan(bytes: Uint8Array, to: number): void {
    const kernel = TextKernel.get();
    for (let from = this.scanned; from < to; from += kernel.stretchBytes) {
      const stretch = bytes.subarray(from, Math.min(to, from + kernel.stretchBytes));
      const count = kernel.scan(stretch, this.state);
      for (let event = 0; event < count; event += 1) {
        const word = kernel.events[2 * event]!;
        this.take(from + (word & 0xffffff), word >>> 24, kernel.events[2 * event + 1]!);
      }
    }
    this.scanned = Math.max(this.scanned, to);
  }

  /** One event of the kernel's: a comma at depth 2 or less, or a bracket opened at 1 or less or closed back to it. */
  private take(at: number, byte: number, depth: number): void {
    if (byte === COMMA) {
      if (depth === this.commaDepth) this.commas.push(at);
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      // An array at depth 0 is the root; at depth 1 it is the value of a root key.
      if (byte === OPEN_BRACKET && this.rootEnd < 0 && this.takesAnother()) {
        Object.assign(this, { start: at + 1, end: -1, arrayDepth: depth + 1, commaDepth: depth + 1 });
        this.commas.length = 0;
      }
    } else {
      // A closing bracket or brace, and the depth it leaves.
      if (depth === this.commaDepth - 1) Object.assign(this, { end: at, commaDepth: -1 });
      if (depth === 0) this.rootEnd = at + 1;
      if (depth < 0) this.broken = true;
    }
  }

  /** Whether the root value is closed and a big array was found in it, ended. */
  get complete(): boolean {
    return !this.broken && this.rootEnd >= 0 && this.end >= 0;
  }

  /** The big array's length, once it has ended: a comma separates every two elements. */
  elements(bytes: Uint8Array): number {
    if (this.commas.length) return this.commas.length + 1;
    for (let i = this.start; i < this.end; i += 1) if (!isSpace(bytes[i]!)) return 1;
    return 0;
  }

  /** No array yet, or a short one of the envelope's that has ended: the big one may come later. */
  private takesAnother(): boolean {
    return this.start < 0 || (this.arrayDepth === 2 && this.end >= 0 && this.end - this.start < SHORT_ARRAY_BYTES);
  }
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
