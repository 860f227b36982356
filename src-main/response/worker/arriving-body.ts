// A body the body worker parses while main still receives it, from text main decodes piece by
// piece, so that when the last byte lands little is left to do. A JSON answer with a big array
// (response/shared/json-split.ts) comes cut at candidate boundaries between its elements: each
// batch of elements goes through JSON.parse as it comes, and at the end the rest, the "frame" (the
// text with the parsed elements left out and a marker in their place), is parsed and the elements
// are put back at the marker, as a batched array (batched-array.ts) that keeps each batch's text
// and parses it again when read. Every character passes through JSON.parse, so the value is exactly JSON.parse's
// of the whole text; when the frame does not come out as planned (a duplicate key, broken JSON),
// the whole text is parsed instead. Other bodies are parsed whole at the end.
import { randomUUID } from 'node:crypto';
import { envelopeHead } from '../../http/envelope';
import { batchedArray, type ElementBatch } from './batched-array';
import { parsedText, parseJson, type ParsedBody } from '../shared/body-text';

/** Batches failing one after the other before the worker stops trying (the rest waits for the end). */
const MAX_FAILURES = 4;

export class ArrivingBody {
  /** The text before the big array's first element, and the root key holding the array. */
  private head: { text: string; key: string | null } | null = null;
  /** Text not parsed yet: from the last good cut (or the array's start) on. */
  private pending: string[] = [];
  /** The batches parsed so far, as text: their objects are let go (batched-array.ts says why). */
  private readonly parsed: ElementBatch[] = [];
  /** Failures since the last batch parsed. */
  private failures = 0;
  /** Pieces taken, so main can tell whether this worker saw them all. */
  pieces = 0;

  take(text: string, cut: boolean, head: { text: string; key: string | null } | null): void {
    this.pieces += 1;
    if (head) this.head = head;
    this.pending.push(text);
    if (!cut || !this.head || this.failures >= MAX_FAILURES) return;
    const batch = this.takePending();
    // After the first batch, the text starts with the comma before the next element.
    const elements = `[${this.batches ? batch.slice(1) : batch}]`;
    const parsed = parseJson(elements);
    if (parsed) {
      this.parsed.push({ text: elements, count: (parsed.value as unknown[]).length });
      this.failures = 0;
    } else {
      this.pending.push(batch);
      this.failures += 1;
    }
  }

  /** The whole body parsed, `rest` being its last piece; `whole()` gives its text when needed. */
  finish(rest: string, whole: () => string): ParsedBody {
    this.pending.push(rest);
    const text = this.takePending();
    if (!this.batches) return parsedText(this.head ? this.head.text + text : text);
    const marker = `\u0000parsed ${randomUUID()}`;
    const value = this.assemble(`${this.head!.text}${JSON.stringify(marker)}${text}`, marker);
    return value === undefined ? parsedText(whole()) : { value, isJson: true, head: envelopeHead(value) };
  }

  /** The frame parsed with the elements in place of the marker; undefined when it is not as planned. */
  private assemble(frame: string, marker: string): unknown {
    const parsed = parseJson(frame);
    if (!parsed) return undefined;
    const root = parsed.value;
    const key = this.head!.key;
    const array = key === null ? root : isObject(root) && Object.hasOwn(root, key) ? root[key] : undefined;
    if (!Array.isArray(array) || array[0] !== marker) return undefined;
    const elements = batchedArray(this.parsed, array.slice(1));
    if (key === null) return elements;
    (root as Record<string, unknown>)[key] = elements;
    return root;
  }

  /** Batches parsed so far. */
  get batches(): number {
    return this.parsed.length;
  }

  private takePending(): string {
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    return text;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
