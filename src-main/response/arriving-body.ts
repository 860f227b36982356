// A body the body worker takes in while main still receives it, so that when the last byte lands
// little is left to do. A JSON answer with a big array (json-split.ts) is parsed batch by batch:
// each batch of elements up to a candidate boundary goes through JSON.parse, and at the end the
// rest, the "frame" (the text with the parsed elements left out and a marker in their place), is
// parsed and the elements are put back at the marker. Every byte passes through JSON.parse, so
// the value is exactly JSON.parse's of the whole; when the frame does not come out as planned (a
// duplicate key, broken JSON), the whole text is parsed instead. Other bodies are decoded ahead
// and parsed whole at the end.
import { randomUUID } from 'node:crypto';
import { envelopeHead } from '../http/envelope';
import { bodyFromText, parseJson, TextTally, type DecodedBody } from './body-text';
import { lastBoundary, planSplit, type SplitPlan } from './json-split';

/** Batches that fail to parse before cutting stops (their text waits for the end). */
const MAX_FAILURES = 4;

export class ArrivingBody {
  private readonly tally = new TextTally();
  /** undefined until the body's start is in; null when it is not cut. */
  private plan: SplitPlan | null | undefined;
  /** The text before the array's first element, once cutting began. */
  private head: string | null = null;
  /** Decoded text not parsed yet: from the last good cut (or the array's start) on. */
  private pending: string[] = [];
  private readonly elements: unknown[] = [];
  private batches = 0;
  private failures = 0;

  /** bytes[0, end) are in. */
  append(bytes: Buffer, end: number): void {
    if (this.plan === undefined) this.plan = planSplit(bytes, end);
    if (this.plan === undefined) return;
    if (this.plan === null || this.failures >= MAX_FAILURES) {
      this.pending.push(this.tally.decodeArrived(bytes, end));
      return;
    }
    this.head ??= this.tally.decode(bytes, this.plan.start);
    const cut = lastBoundary(bytes, this.plan, this.tally.decoded + 1, end);
    if (cut < 0) return;
    this.pending.push(this.tally.decode(bytes, cut));
    // After the first batch, the text starts with the comma before the next element.
    const text = this.takePending();
    const batch = parseJson(`[${this.batches ? text.slice(1) : text}]`);
    if (batch) {
      for (const element of batch.value as unknown[]) this.elements.push(element);
      this.batches += 1;
    } else {
      this.pending.push(text);
      this.failures += 1;
    }
  }

  /** The whole body, bytes[0, end), parsed. */
  finish(bytes: Buffer, end: number): DecodedBody {
    const rest = this.takePending() + this.tally.decode(bytes, end);
    const counts = this.tally.counts();
    if (!this.batches) return bodyFromText((this.head ?? '') + rest, counts);
    const marker = `\u0000parsed ${randomUUID()}`;
    const value = this.assemble(`${this.head}${JSON.stringify(marker)}${rest}`, marker);
    if (value === undefined) return bodyFromText(bytes.toString('utf8', 0, end), counts);
    return { value, isJson: true, head: envelopeHead(value), ...counts };
  }

  /** The frame parsed with the elements in place of the marker; undefined when it is not as planned. */
  private assemble(frame: string, marker: string): unknown {
    const parsed = parseJson(frame);
    if (!parsed) return undefined;
    const root = parsed.value;
    const key = this.plan!.key;
    const array = key === null ? root : isObject(root) && Object.hasOwn(root, key) ? root[key] : undefined;
    if (!Array.isArray(array) || array[0] !== marker) return undefined;
    for (let i = 1; i < array.length; i += 1) this.elements.push(array[i]);
    if (key === null) return this.elements;
    (root as Record<string, unknown>)[key] = this.elements;
    return root;
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
