// Blanking known secrets in raw body bytes, without decoding them: the bytes are viewed as latin1
// (one character per byte), so a pattern of the secrets' UTF-8 bytes finds them at byte offsets.
// A secret becomes "[REDACTED]", or asterisks when it is shorter than that, so a body only ever
// shrinks: a body main decodes itself is rewritten in place; a body streaming in (to be kept, or
// saved to a file) is rewritten chunk by chunk as it arrives.
import { REDACTED, secretPattern } from './secret-pattern';

const MARK = Buffer.from(REDACTED);

/** One pattern for the secrets' UTF-8 bytes, for the functions below; null without secrets. */
export function bytePattern(spellings: readonly string[]): RegExp | null {
  return secretPattern(spellings.map((spelling) => Buffer.from(spelling).toString('latin1')));
}

function markFor(length: number): Buffer {
  return length >= MARK.length ? MARK : Buffer.alloc(length, '*');
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
  return blankSpans(bytes, spansIn(bytes, pattern));
}

function blankSpans(bytes: Buffer, spans: ReadonlyArray<[number, number]>): number {
  if (spans.length === 0) return bytes.length;
  let write = 0;
  let read = 0;
  for (const [start, end] of spans) {
    bytes.copyWithin(write, read, start);
    write += start - read;
    write += markFor(end - start).copy(bytes, write);
    read = end;
  }
  bytes.copyWithin(write, read);
  return write + bytes.length - read;
}

/** For a body streamed to a file: what can be written of each chunk, and the rest at the end. */
export class StreamRedactor {
  private readonly pattern: RegExp | null;
  /** Bytes kept back from each chunk: a secret that starts there may end in the next one. */
  private readonly holdBack: number;
  private carry: Buffer = Buffer.alloc(0);

  /** `pattern`: bytePattern(spellings), when the caller keeps one already. */
  constructor(spellings: readonly string[], pattern = bytePattern(spellings)) {
    this.pattern = pattern;
    this.holdBack = Math.max(0, ...spellings.map((spelling) => Buffer.byteLength(spelling) - 1));
  }

  /** What can be written now. The chunk is the redactor's from here on: it may be rewritten. */
  push(chunk: Uint8Array): Buffer {
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.pattern) return bytes;
    const spans = spansIn(bytes, this.pattern);
    let safe = Math.max(0, bytes.length - this.holdBack);
    // Spans do not overlap, so at most one straddles the cut; it goes out whole, blanked.
    for (const [start, end] of spans) if (start < safe && end > safe) safe = end;
    this.carry = Buffer.from(bytes.subarray(safe));
    const out = bytes.subarray(0, safe);
    return out.subarray(0, blankSpans(out, spans.filter(([, end]) => end <= safe)));
  }

  end(): Buffer {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return this.pattern ? rest.subarray(0, redactInPlace(rest, this.pattern)) : rest;
  }
}
