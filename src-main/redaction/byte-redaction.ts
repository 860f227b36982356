// Blanking known secrets in raw body bytes, without decoding them: the bytes are viewed as latin1
// (one character per byte), so a pattern of the secrets' UTF-8 bytes finds them at byte offsets.
// A secret becomes "[REDACTED]", or asterisks when it is shorter than that, so a body only ever
// shrinks, and is rewritten in place: whole, or stretch by stretch as it arrives. A match in
// quotes (how a short secret is searched for: as a whole JSON string) keeps them.
import { REDACTED, secretPattern } from './secret-pattern';

const MARK = Buffer.from(REDACTED);

/** One pattern for the secrets' UTF-8 bytes, for the functions below; null without secrets. */
export function bytePattern(spellings: readonly string[]): RegExp | null {
  return secretPattern(spellings.map((spelling) => Buffer.from(spelling).toString('latin1')));
}

const QUOTE = 0x22;

/** A secret shorter than the mark becomes three asterisks, whatever its length: no hint of it. */
const SHORT_MARK = Buffer.from('***');

function markFor(length: number): Buffer {
  return length >= MARK.length ? MARK : SHORT_MARK;
}

/** Writes the mark for bytes[start, end) at `at`; returns how many bytes it took. */
function writeMark(bytes: Buffer, start: number, end: number, at: number): number {
  const quoted = end - start > 2 && bytes[start] === QUOTE && bytes[end - 1] === QUOTE;
  if (!quoted) return markFor(end - start).copy(bytes, at);
  bytes[at] = QUOTE;
  const inner = markFor(end - start - 2).copy(bytes, at + 1);
  bytes[at + 1 + inner] = QUOTE;
  return inner + 2;
}

function spansIn(bytes: Buffer, pattern: RegExp): Array<[number, number]> {
  const text = bytes.toString('latin1');
  pattern.lastIndex = 0;
  const spans: Array<[number, number]> = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** Blanks every secret in place; returns the new length (the bytes after it are left over). */
export function redactInPlace(bytes: Buffer, pattern: RegExp): number {
  return redactStretch(bytes, 0, bytes.length, pattern, 0).done;
}

/** How many bytes a body arriving in pieces keeps back: a secret starting there may end in the next. */
export function holdBackFor(spellings: readonly string[]): number {
  let longest = 0;
  for (const spelling of spellings) longest = Math.max(longest, Buffer.byteLength(spelling));
  return Math.max(0, longest - 1);
}

/**
 * Blanks the secrets in bytes[from, to) in place, but for the last `holdBack` bytes, where a
 * secret may begin that continues past `to`: those are left as they are, moved up behind the
 * blanked part, to be looked at again with what follows. Returns where the blanked part ends
 * (`done`) and where the left bytes now end (`end`); the bytes after `end` are left over.
 */
export function redactStretch(bytes: Buffer, from: number, to: number, pattern: RegExp, holdBack: number): { done: number; end: number } {
  const stretch = bytes.subarray(from, to);
  const spans = spansIn(stretch, pattern);
  let safe = Math.max(0, stretch.length - holdBack);
  // Spans do not overlap, so at most one straddles the cut; it is blanked whole.
  for (const [start, end] of spans) if (start < safe && end > safe) safe = end;
  const blanked = blankSpans(stretch.subarray(0, safe), spans.filter(([, end]) => end <= safe));
  if (blanked < safe) stretch.copyWithin(blanked, safe);
  return { done: from + blanked, end: from + blanked + stretch.length - safe };
}

function blankSpans(bytes: Buffer, spans: ReadonlyArray<[number, number]>): number {
  if (spans.length === 0) return bytes.length;
  let write = 0;
  let read = 0;
  for (const [start, end] of spans) {
    bytes.copyWithin(write, read, start);
    write += start - read;
    write += writeMark(bytes, start, end, write);
    read = end;
  }
  bytes.copyWithin(write, read);
  return write + bytes.length - read;
}

/** For a body streamed to a file: what can be written of each chunk, and the rest at the end. */
export class StreamRedactor {
  private readonly pattern: RegExp | null;
  private readonly holdBack: number;
  private carry: Buffer = Buffer.alloc(0);

  constructor(spellings: readonly string[]) {
    this.pattern = bytePattern(spellings);
    this.holdBack = holdBackFor(spellings);
  }

  /** What can be written now. The chunk is the redactor's from here on: it may be rewritten. */
  push(chunk: Uint8Array): Buffer {
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.pattern) return bytes;
    const { done, end } = redactStretch(bytes, 0, bytes.length, this.pattern, this.holdBack);
    this.carry = Buffer.from(bytes.subarray(done, end));
    return bytes.subarray(0, done);
  }

  end(): Buffer {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return this.pattern ? rest.subarray(0, redactInPlace(rest, this.pattern)) : rest;
  }
}
