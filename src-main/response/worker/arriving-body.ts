// A body the body worker parses while main still receives it. Main writes the bytes into memory it
// shares with this thread and says how far they are final (blanked of secrets); here they are
// scanned for the big array (array-scan.ts) and counted as text as they come, and the array's
// elements are parsed in batches of about BATCH_BYTES, one batch per `step` between messages, so
// main's thread neither decodes nor parses. Each batch goes through JSON.parse once and is kept as
// text (batched-array.ts); at the end the "frame" (the text with the elements left out and a
// marker in their place) is parsed and the batches are put back at the marker. Every character
// passes through JSON.parse, so the value is exactly JSON.parse's of the whole text; when the
// frame does not come out as planned (a duplicate key, broken JSON), the whole text is parsed.
//
// Once the last byte is in, the first rows can be told before the parse is done (`firstRows`):
// the frame, the array's length from the scan and its first elements are all they need
// (docs/architecture.md, "The response pipeline").
import { randomUUID } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { TREE_FIRST_ROWS, type FirstTreeRows } from '../../shared/contract';
import { envelopeHead } from '../../http/envelope';
import { ArrayScan } from './array-scan';
import { batchedArray, type ElementBatch } from './batched-array';
import { firstRowsOf } from '../shared/first-rows';
import { parsedText, parseJson, TextTally, type BodyFacts, type ParsedBody } from '../shared/body-text';

/** About the text parsed in one step: a few milliseconds of the worker's time. */
const BATCH_BYTES = 256 * 1024;
/**
 * The first rows are told early only when parsing what they need (the text around the big array
 * and its first elements) costs little: at most this much of it.
 */
const EARLY_PARSE_BYTES = 1024 * 1024;
/** The envelope's own fields, read for the summary: a stand-in array must never be one of them. */
const HEAD_KEYS = new Set(['status', 'error', 'error_description']);

export class ArrivingBody {
  private readonly scan = new ArrayScan();
  private readonly tally = new TextTally();
  private bytes: Buffer = Buffer.alloc(0);
  private end = 0;
  /** The big array's start when the batches began: the scan may still settle on a later one. */
  private arrayStart = -1;
  /** Where the next batch starts: the array's start, then the comma before its next element. */
  private next = -1;
  /** The first of scan.commas that may end the next batch. */
  private comma = 0;
  private readonly parsed: ElementBatch[] = [];
  /** A batch did not parse as elements: the whole text is parsed at the end. */
  private failed = false;
  /** Pieces taken, so the worker can tell whether it saw them all. */
  pieces = 0;

  /** Takes bytes[0, end) as final; `bytes` may be a new, larger copy of the same memory. */
  take(bytes: Buffer, end: number, last = false): void {
    this.bytes = bytes;
    this.end = end;
    this.scan.scan(bytes, end);
    this.tally.count(bytes, end, last);
    if (!last) this.pieces += 1;
  }

  /** Parses the next batch of elements if one is in; whether there was one. */
  step(): boolean {
    const cut = this.nextCut();
    if (cut < 0) return false;
    const first = !this.parsed.length;
    const text = `[${this.text(first ? this.next : this.next + 1, cut)}]`;
    const elements = parseJson(text);
    if (!elements) this.failed = true;
    else this.parsed.push({ text, count: (elements.value as unknown[]).length });
    this.next = cut;
    return !this.failed;
  }

  /** Bytes in and not parsed yet: from the next batch's start on (all of them while no big array is found). */
  get unparsedBytes(): number {
    return this.end - Math.max(0, this.next);
  }

  /**
   * Once every byte is in: the first rows and the envelope, from the frame, the array's length and
   * its first elements; null when the body is not a big array in JSON as far as the scan can tell,
   * when the array is the bulk of it no more (or its first elements are), or when the array is
   * one of the envelope's own fields.
   */
  firstRows(): { head: unknown; firstRows: FirstTreeRows } | null {
    if (this.failed || !this.scan.complete) return null;
    const { start, end, commas } = this.scan;
    const length = this.scan.elements(this.bytes);
    const shown = Math.min(length, TREE_FIRST_ROWS);
    const firstEnd = shown === length ? end : commas[shown - 1]!;
    const aroundBytes = start + (this.end - end);
    if (aroundBytes + (firstEnd - start) > EARLY_PARSE_BYTES) return null;
    const first = shown ? parseJson(`[${this.text(start, firstEnd)}]`) : { value: [] };
    if (!first || (first.value as unknown[]).length !== shown) return null;
    // Only its first elements are read for the first rows (tree-index.ts reads nothing it does not show).
    const elements: unknown[] = new Array(length);
    (first.value as unknown[]).forEach((element, index) => (elements[index] = element));
    const value = this.framed(this.text(end, this.end), elements);
    return value === undefined ? null : { head: envelopeHead(value), firstRows: firstRowsOf(value) };
  }

  /** Once every byte is in: the whole value, parsing every batch left. */
  complete(): ParsedBody {
    while (this.step());
    if (this.failed || !this.scan.complete || !this.parsed.length) return parsedText(this.text(0, this.end));
    const rest = this.text(this.next, this.end);
    const marker = `\u0000parsed ${randomUUID()}`;
    const parsed = parseJson(`${this.text(0, this.arrayStart)}${JSON.stringify(marker)}${rest}`);
    const tail = parsed ? located(parsed.value, marker) : undefined;
    if (!tail) return parsedText(this.text(0, this.end));
    const elements = batchedArray(this.parsed, tail.array.slice(1));
    if (elements.length !== this.scan.elements(this.bytes)) return parsedText(this.text(0, this.end));
    const value = tail.place(elements);
    return { value, isJson: true, head: envelopeHead(value) };
  }

  /** The text's length and checkpoints, once every byte is in. */
  counts(): Pick<BodyFacts, 'textChars' | 'charIndex'> {
    this.tally.count(this.bytes, this.end);
    return this.tally.counts();
  }

  /** The frame (the text before the array and `after` it) parsed, with `elements` as the array. */
  private framed(after: string, elements: unknown[]): unknown {
    const marker = `\u0000parsed ${randomUUID()}`;
    const frame = parseJson(`${this.text(0, this.scan.start)}${JSON.stringify(marker)}${after}`);
    const found = frame ? located(frame.value, marker) : undefined;
    return found && found.array.length === 1 && !HEAD_KEYS.has(found.key ?? '') ? found.place(elements) : undefined;
  }

  /** Where the next batch ends: the first comma of the big array at least BATCH_BYTES on; -1 when none is in yet. */
  private nextCut(): number {
    const { start, commas } = this.scan;
    if (this.failed || start < 0) return -1;
    if (start !== this.arrayStart) {
      // The scan chose the array (or a later one, the first being short): batches start there.
      if (this.parsed.length) return -1;
      [this.arrayStart, this.next, this.comma] = [start, start, 0];
    }
    while (this.comma < commas.length && commas[this.comma]! < this.next + BATCH_BYTES) this.comma += 1;
    return this.comma < commas.length ? commas[this.comma++]! : -1;
  }

  /** The text of bytes[from, to); both are offsets of ASCII bytes (brackets, commas), so whole characters. */
  private text(from: number, to: number): string {
    return this.bytes.toString(isAscii(this.bytes.subarray(from, to)) ? 'latin1' : 'utf8', from, to);
  }
}

/**
 * The array in a parsed frame that holds the marker first (the root, or one of its values), and a
 * way to put the real elements in its place.
 */
function located(root: unknown, marker: string): { array: unknown[]; key: string | null; place(elements: unknown[]): unknown } | undefined {
  if (Array.isArray(root)) return root[0] === marker ? { array: root, key: null, place: (elements) => elements } : undefined;
  if (!root || typeof root !== 'object') return undefined;
  const record = root as Record<string, unknown>;
  const key = Object.keys(record).find((name) => Array.isArray(record[name]) && (record[name] as unknown[])[0] === marker);
  if (key === undefined) return undefined;
  return {
    array: record[key] as unknown[],
    key,
    // defineProperty, not assignment: an own "__proto__" key stays a key.
    place: (elements) => Object.defineProperty(record, key, { value: elements, writable: true, enumerable: true, configurable: true }),
  };
}
