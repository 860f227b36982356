// Memory for the next big body, made ready while main is idle. A body's memory is new each time
// (it is kept as the body), and the first write to each page of new memory costs a page fault:
// about 6 to 13 ms for 10 MB here, spent between the first byte and the first rows (bench figure
// a). The same request sent again is the common case, so after a body of up to SPARE_MAX_BYTES
// one block of its size is allocated and written through, a step at a time between other work, and
// the next body of about that size goes into it. A block is never shared before it is taken.

const MB = 1024 * 1024;
/** Bodies bigger than this get no spare: it would weigh on main's memory (bench figure g). */
const SPARE_MAX_BYTES = 16 * MB;
/** Written per step: well under a millisecond of main's time. */
const STEP_BYTES = MB;
/** The first step waits this long: the answer that asked for the spare is still on its way. */
const START_MS = 100;

export class SpareMemory {
  private spare: Buffer | null = null;
  /** The block being written through, and the step that writes its next part. */
  private pending: { block: Buffer; cancel(): void } | null = null;

  /** Memory for a body of `bytes`, shared with the body worker: the spare when it fits closely, else new. */
  take(bytes: number): Buffer {
    const spare = this.spare;
    if (spare && spare.length >= bytes && spare.length - bytes <= Math.max(64 * 1024, bytes / 16)) {
      this.spare = null;
      return Buffer.from(spare.buffer, 0, bytes);
    }
    return Buffer.from(new SharedArrayBuffer(bytes));
  }

  /** Readies a spare for a body of `bytes` (padded a little: the next may be a few bytes longer). */
  prepare(bytes: number): void {
    const size = Math.ceil((bytes + 4096) / 4096) * 4096;
    if (bytes > SPARE_MAX_BYTES || this.spare?.length === size || this.pending?.block.length === size) return;
    this.stop();
    const block = Buffer.from(new SharedArrayBuffer(size));
    const step = (at: number): void => {
      block.fill(0, at, Math.min(size, at + STEP_BYTES));
      if (at + STEP_BYTES >= size) {
        [this.spare, this.pending] = [block, null];
        return;
      }
      const next = setImmediate(() => step(at + STEP_BYTES));
      this.pending = { block, cancel: () => clearImmediate(next) };
    };
    const first = setTimeout(() => step(0), START_MS).unref();
    this.pending = { block, cancel: () => clearTimeout(first) };
  }

  /** Lets go of the spare and of one being readied. */
  stop(): void {
    this.pending?.cancel();
    [this.spare, this.pending] = [null, null];
  }
}
