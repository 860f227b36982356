// Where a JSON body can be cut while it arrives, so its parts can be parsed before the last byte
// is in. A big Humanity answer is a big array in the envelope, {"status":1,"data":[{…},{…},…]}:
// the plan names that array (the first one at the root, or the root itself) and how a boundary
// between its elements looks, `},{"id":`, followed by the same second key as the first element.
// A boundary found this way is only a candidate: the caller proves it by parsing the batch before
// it with JSON.parse, which fails unless the cut lies between two elements of that array.
// Only compact JSON (as Humanity sends) is planned; anything else is parsed whole.

import type { TextTally } from './body-text';

/** The envelope's fields before the array must fit in this many bytes. */
const HEAD_LIMIT = 64 * 1024;

export interface SplitPlan {
  /** Byte offset just after the array's `[`. */
  start: number;
  /** The root key holding the array; null when the root is the array. */
  key: string | null;
  /** `},{"firstKey":`: the bytes a boundary between two elements starts with. */
  boundary: Buffer;
  /** `,"secondKey":`, expected after a scalar first value; null when the first value is not one. */
  second: Buffer | null;
}

const MORE = -1;
const [QUOTE, BACKSLASH, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET] = [0x22, 0x5c, 0x3a, 0x2c, 0x7b, 0x5b];

/**
 * The plan for a body of which bytes[0, end) are in: undefined while the envelope's start is not
 * in yet, null when the body is not one to cut.
 */
export function planSplit(bytes: Buffer, end: number): SplitPlan | null | undefined {
  const reader = new HeadReader(bytes, Math.min(end, HEAD_LIMIT));
  try {
    return reader.plan();
  } catch (error) {
    if (error !== MORE) throw error;
    return end < HEAD_LIMIT ? undefined : null;
  }
}

/**
 * The last candidate cut in bytes[from, end) before `before`: the offset just after the `}` of a
 * boundary, or -1. Never reads at or past `end`: main may be writing there.
 */
export function lastBoundary(bytes: Buffer, plan: SplitPlan, from: number, end: number, before = end): number {
  for (let at = Math.min(end - plan.boundary.length, before - 2); at >= from; ) {
    const found = bytes.lastIndexOf(plan.boundary, at);
    if (found < from) return -1;
    if (!plan.second || secondKeyFollows(bytes, plan.second, found + plan.boundary.length, end)) return found + 1;
    at = found - 1;
  }
  return -1;
}

/**
 * The text of bytes[tally.decoded, end) as the worker takes it: cut at the last two candidate
 * boundaries (should the last lie inside an element, a nested look-alike, the one before it still
 * holds, and only the short stretch between them waits), or, with none, all that is in as one
 * uncut piece, so the next search starts past it.
 */
export function nextPieces(bytes: Buffer, plan: SplitPlan | null, tally: TextTally, end: number): Array<{ text: string; cut: boolean }> {
  const from = tally.decoded + 1;
  const last = plan ? lastBoundary(bytes, plan, from, end) : -1;
  if (last < 0) return [{ text: tally.decodeArrived(bytes, end), cut: false }];
  const before = lastBoundary(bytes, plan!, from, end, last);
  return (before < 0 ? [last] : [before, last]).map((at) => ({ text: tally.decode(bytes, at), cut: true }));
}

function secondKeyFollows(bytes: Buffer, second: Buffer, valueStart: number, end: number): boolean {
  const reader = new HeadReader(bytes, end);
  try {
    const valueEnd = reader.scalarEnd(valueStart);
    return valueEnd !== null && valueEnd + second.length <= end && bytes.subarray(valueEnd, valueEnd + second.length).equals(second);
  } catch (error) {
    if (error !== MORE) throw error;
    return false;
  }
}

/** Reads the start of a body token by token; throws MORE when it reaches `end`. */
class HeadReader {
  constructor(
    private readonly bytes: Buffer,
    private readonly end: number,
  ) {}

  plan(): SplitPlan | null {
    let at = this.skipSpace(0);
    let key: string | null = null;
    if (this.byte(at) === OPEN_BRACE) {
      at = this.skipSpace(at + 1);
      for (;;) {
        if (this.byte(at) !== QUOTE) return null;
        const keyEnd = this.stringEnd(at);
        key = parseKey(this.bytes.toString('utf8', at, keyEnd));
        at = this.skipSpace(keyEnd);
        if (key === null || this.byte(at) !== COLON) return null;
        at = this.skipSpace(at + 1);
        if (this.byte(at) === OPEN_BRACKET) break;
        const valueEnd = this.valueEnd(at);
        if (valueEnd === null) return null;
        at = this.skipSpace(valueEnd);
        if (this.byte(at) !== COMMA) return null;
        at = this.skipSpace(at + 1);
      }
      // An own "__proto__" key is best left to JSON.parse alone.
      if (key === '__proto__') return null;
    } else if (this.byte(at) !== OPEN_BRACKET) {
      return null;
    }
    const start = at + 1;
    return this.elementShape(start, key);
  }

  /** How the first element starts: `{"firstKey":scalar,"secondKey":` in compact JSON. */
  private elementShape(start: number, key: string | null): SplitPlan | null {
    const at = this.skipSpace(start);
    if (this.byte(at) !== OPEN_BRACE || this.byte(at + 1) !== QUOTE) return null;
    const firstKeyEnd = this.stringEnd(at + 1);
    if (this.byte(firstKeyEnd) !== COLON) return null;
    const boundary = Buffer.concat([Buffer.from('},'), this.bytes.subarray(at, firstKeyEnd + 1)]);
    const valueEnd = this.scalarEnd(firstKeyEnd + 1);
    if (valueEnd === null || this.byte(valueEnd) !== COMMA || this.byte(valueEnd + 1) !== QUOTE) return { start, key, boundary, second: null };
    const secondKeyEnd = this.stringEnd(valueEnd + 1);
    const second = this.byte(secondKeyEnd) === COLON ? Buffer.from(this.bytes.subarray(valueEnd, secondKeyEnd + 1)) : null;
    return { start, key, boundary, second };
  }

  byte(at: number): number {
    if (at >= this.end) throw MORE;
    return this.bytes[at]!;
  }

  skipSpace(at: number): number {
    for (let byte = this.byte(at); byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09; byte = this.byte(at)) at += 1;
    return at;
  }

  /** Just past the string starting at `at`. */
  stringEnd(at: number): number {
    for (let i = at + 1; ; i += 1) {
      const byte = this.byte(i);
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) return i + 1;
    }
  }

  /** Just past the string, number or literal at `at`; null when a container starts there. */
  scalarEnd(at: number): number | null {
    const first = this.byte(at);
    if (first === QUOTE) return this.stringEnd(at);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return null;
    let i = at;
    for (let byte = first; !isDelimiter(byte); byte = this.byte(i)) i += 1;
    return i === at ? null : i;
  }

  /** Just past the value at `at`, containers included (strings inside them skipped whole). */
  valueEnd(at: number): number | null {
    const first = this.byte(at);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return this.scalarEnd(at);
    let depth = 0;
    for (let i = at; ; i += 1) {
      const byte = this.byte(i);
      if (byte === QUOTE) i = this.stringEnd(i) - 1;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
      else if ((byte === 0x7d || byte === 0x5d) && --depth === 0) return i + 1;
    }
  }
}

function isDelimiter(byte: number): boolean {
  return byte === COMMA || byte === 0x7d || byte === 0x5d || byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function parseKey(literal: string): string | null {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return null;
  }
}
