// The raw text as rows of a fixed height, without ever holding the whole text: main sends it in
// blocks of BLOCK_CHARS characters (plus a little of the next block), each block is split into
// lines and wrapped at `width` characters when it arrives, and blocks not yet seen count as an
// estimate from the ones seen (characters per row). A row index maps to a block and a row in it.
//
// Where one block ends and the next begins is decided from the characters both hold: after the
// first line break near the boundary, else at a multiple of `width` (a line with no break, like
// minified JSON, is wrapped at absolute multiples of the width). So a line is never cut at a
// block boundary and the two blocks agree without either knowing the other.

export const BLOCK_CHARS = 32_768;
/** Characters of the next block fetched with each block: where the boundary falls is in them. */
export const EXTRA_CHARS = 2_048;
export const MAX_WIDTH = 1_000;

type Block = {
  /** The fetched characters, from block * BLOCK_CHARS. */
  text: string;
  /** Start and end (in `text`) of each row, in pairs; the line break itself is in no row. */
  rows: Int32Array;
};

export type Anchor = { block: number; row: number };

export class TextLayout {
  readonly blockCount: number;
  private widthChars: number;
  private readonly counts: Float64Array;
  private readonly known: Uint8Array;
  /** Rows before each block: prefix[b]; prefix[blockCount] is the total. */
  private readonly prefix: Float64Array;
  private readonly blocks = new Map<number, Block>();
  private knownChars = 0;
  private knownRows = 0;

  constructor(
    readonly totalChars: number,
    width: number,
  ) {
    this.widthChars = clampWidth(width);
    this.blockCount = Math.max(1, Math.ceil(totalChars / BLOCK_CHARS));
    this.counts = new Float64Array(this.blockCount);
    this.known = new Uint8Array(this.blockCount);
    this.prefix = new Float64Array(this.blockCount + 1);
    this.reestimate();
  }

  get width(): number {
    return this.widthChars;
  }

  get totalRows(): number {
    return this.prefix[this.blockCount]!;
  }

  /** The characters to fetch for a block: [offset, offset + length). */
  fetchRange(block: number): { offset: number; length: number } {
    const offset = block * BLOCK_CHARS;
    return { offset, length: Math.max(1, Math.min(BLOCK_CHARS + EXTRA_CHARS, this.totalChars - offset)) };
  }

  has(block: number): boolean {
    return this.blocks.has(block);
  }

  heldBlocks(): number[] {
    return [...this.blocks.keys()];
  }

  /** Lays out a fetched block (the characters fetchRange named). */
  add(block: number, text: string): void {
    const laid = { text, rows: this.rowsOf(block, text) };
    this.forget(block);
    this.blocks.set(block, laid);
    this.known[block] = 1;
    this.counts[block] = laid.rows.length / 2;
    this.knownChars += this.ownChars(block);
    this.knownRows += this.counts[block]!;
    this.reestimate();
  }

  /** Drops a block's text; its row count stays known. */
  drop(block: number): void {
    this.blocks.delete(block);
  }

  /** Wraps again at a new width: held blocks are laid out anew, the others estimated anew. */
  setWidth(width: number): void {
    const next = clampWidth(width);
    if (next === this.widthChars) return;
    this.widthChars = next;
    this.known.fill(0);
    this.knownChars = 0;
    this.knownRows = 0;
    for (const [block, { text }] of [...this.blocks]) this.add(block, text);
    this.reestimate();
  }

  /** The block and the row in it that row `index` falls on. */
  locate(index: number): Anchor {
    const target = Math.max(0, Math.min(index, this.totalRows - 1));
    let low = 0;
    let high = this.blockCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.prefix[mid]! <= target) low = mid;
      else high = mid - 1;
    }
    return { block: low, row: target - this.prefix[low]! };
  }

  /** The row index of an anchor taken before the counts changed. */
  indexOf(anchor: Anchor): number {
    const count = this.counts[anchor.block] ?? 1;
    return this.prefix[anchor.block]! + Math.min(anchor.row, Math.max(0, count - 1));
  }

  /** The text of row `index`; undefined while its block is not held. */
  rowText(index: number): string | undefined {
    const { block, row } = this.locate(index);
    const laid = this.blocks.get(block);
    if (!laid) return undefined;
    if (row * 2 >= laid.rows.length) return '';
    return laid.text.slice(laid.rows[row * 2], laid.rows[row * 2 + 1]);
  }

  /** The character offset where row `index` starts, when its block is held. */
  charOffset(index: number): number | null {
    const { block, row } = this.locate(index);
    const laid = this.blocks.get(block);
    if (!laid || row * 2 >= laid.rows.length) return null;
    return block * BLOCK_CHARS + laid.rows[row * 2]!;
  }

  /** The row that holds character `offset`, when its block is held. */
  rowOfChar(offset: number): number | null {
    const block = Math.min(this.blockCount - 1, Math.floor(offset / BLOCK_CHARS));
    // A character near the start of a block may belong to the end of the block before.
    for (const b of [block, block - 1]) {
      const laid = this.blocks.get(b);
      if (!laid) return null;
      const local = offset - b * BLOCK_CHARS;
      for (let r = laid.rows.length / 2 - 1; r >= 0; r -= 1) {
        if (laid.rows[r * 2]! <= local) return this.prefix[b]! + r;
      }
    }
    return null;
  }

  private ownChars(block: number): number {
    return Math.min(BLOCK_CHARS, this.totalChars - block * BLOCK_CHARS);
  }

  private forget(block: number): void {
    if (!this.known[block]) return;
    this.known[block] = 0;
    this.knownChars -= this.ownChars(block);
    this.knownRows -= this.counts[block]!;
  }

  private reestimate(): void {
    const charsPerRow = this.knownRows > 0 ? Math.max(1, this.knownChars / this.knownRows) : this.widthChars;
    let total = 0;
    for (let b = 0; b < this.blockCount; b += 1) {
      if (!this.known[b]) this.counts[b] = Math.max(1, Math.round(this.ownChars(b) / charsPerRow));
      this.prefix[b] = total;
      total += this.counts[b]!;
    }
    this.prefix[this.blockCount] = total;
  }

  /** Where block `block` starts, as an index into a text that begins at `base`. */
  private boundary(text: string, at: number, base: number): number {
    if (at >= text.length) return text.length;
    const limit = Math.min(text.length, at + EXTRA_CHARS);
    const lineBreak = text.indexOf('\n', at);
    if (lineBreak >= 0 && lineBreak < limit) return lineBreak + 1;
    const absolute = base + at;
    return Math.min(text.length, at + ((this.widthChars - (absolute % this.widthChars)) % this.widthChars));
  }

  private rowsOf(block: number, text: string): Int32Array {
    const base = block * BLOCK_CHARS;
    const last = block === this.blockCount - 1;
    const start = block === 0 ? 0 : this.boundary(text, 0, base);
    const end = last ? text.length : Math.max(start, this.boundary(text, BLOCK_CHARS, base));
    const width = this.widthChars;
    const rows: number[] = [];
    let at = start;
    while (at < end) {
      let lineEnd = text.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd >= end) lineEnd = end;
      if (lineEnd === at) rows.push(at, at);
      // A line that began in an earlier block continues wrapped at absolute multiples of the width.
      const first = at === start && block > 0 && text[start - 1] !== '\n' ? (base + at) % width : 0;
      let rowStart = at;
      let rowEnd = Math.min(lineEnd, at + width - first);
      while (rowStart < lineEnd) {
        rows.push(rowStart, rowEnd);
        rowStart = rowEnd;
        rowEnd = Math.min(lineEnd, rowStart + width);
      }
      at = lineEnd + 1;
    }
    if (rows.length === 0) rows.push(start, start);
    return Int32Array.from(rows);
  }
}

function clampWidth(width: number): number {
  return Math.max(16, Math.min(MAX_WIDTH, Math.floor(width)));
}
