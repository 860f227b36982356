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

export class SpareMemory {
  private spare: Buffer | null = null;
  /** The block being written through, and the step that writes its next part. */
  private pending: { block: Buffer; timer: NodeJS.Immediate } | null = null;

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
    const step = (at: number): NodeJS.Immediate =>
      setImmediate(() => {
        block.fill(0, at, Math.min(size, at + STEP_BYTES));
        if (at + STEP_BYTES < size) this.pending = { block, timer: step(at + STEP_BYTES) };
        else [this.spare, this.pending] = [block, null];
      });
    this.pending = { block, timer: step(0) };
  }

  /** Lets go of the spare and of one being readied. */
  stop(): void {
    if (this.pending) clearImmediate(this.pending.timer);
    [this.spare, this.pending] = [null, null];
  }
}
