// Turning a kept body's bytes into what the app needs: the text, the parsed JSON (or the text
// when it is not JSON), the envelope fields for the summary, and an index from character offsets
// to byte offsets so main can serve raw-text windows straight from the bytes. Pure: the body
// worker runs it for big bodies, main for small ones.
import { isAscii, isUtf8 } from 'node:buffer';
import { envelopeHead } from '../../http/envelope';
import { redactInPlace } from '../../redaction/byte-redaction';
import { TextKernel } from './text-kernel';
import { copyBytes } from './byte-copy';

/** Bytes decoded per step; each step's start is a checkpoint of the character index. */
const STEP_BYTES = 64 * 1024;

/** Checkpoints: characters[i] starts at bytes[i]. Null when every character is one byte. */
export interface CharIndex {
  chars: number[];
  bytes: number[];
}

/** What main keeps about a body besides its bytes. */
export interface BodyFacts {
  isJson: boolean;
  /**
   * Told as JSON from its first rows before its whole parse (response/worker/arriving-body.ts);
   * with isJson false, that parse found it is not JSON after all.
   */
  toldJson?: boolean;
  /** The envelope's root fields (http/envelope.ts), never the whole body. */
  head: unknown;
  textChars: number;
  charIndex: CharIndex | null;
}

export interface DecodedBody extends BodyFacts {
  /** The parsed JSON, or the text itself when it is not JSON. */
  value: unknown;
}

/**
 * A body's text decoded in order, part by part as its bytes arrive (body worker), with each
 * 64 KB step's start kept as a checkpoint from characters to bytes for raw-text windows. Parts
 * end on character boundaries, so they decode exactly as the whole would.
 */
export class TextTally {
  private readonly index: CharIndex = { chars: [0], bytes: [0] };
  private chars = 0;
  /** Bytes decoded so far. */
  decoded = 0;

  /** The text of bytes[decoded, to); `to` must be a character boundary. */
  decode(bytes: Buffer, to: number): string {
    const [from, chars] = [this.decoded, this.chars];
    if (to <= from) return '';
    // Most API text is ASCII, which Node decodes about twice as fast as UTF-8 (the same string).
    const text = isAscii(bytes.subarray(from, to)) ? bytes.toString('ascii', from, to) : bytes.toString('utf8', from, to);
    const marks = text.length === to - from ? evenMarks(text.length) : utf8Marks(text, to - from);
    // Bytes that are not UTF-8 decode to more bytes than they were: then step by step, exactly.
    if (!marks) return this.decodeInSteps(bytes, to);
    for (const [charsIn, bytesIn] of marks) this.mark(chars + charsIn, from + bytesIn);
    return text;
  }

  private decodeInSteps(bytes: Buffer, to: number): string {
    const steps: string[] = [];
    while (this.decoded < to) {
      const stop = to - this.decoded <= STEP_BYTES ? to : characterStart(bytes, this.decoded + STEP_BYTES, this.decoded);
      const step = bytes.toString('utf8', this.decoded, stop);
      steps.push(step);
      this.mark(this.chars + step.length, stop);
    }
    return steps.join('');
  }

  private mark(chars: number, bytes: number): void {
    this.chars = chars;
    this.decoded = bytes;
    this.index.chars.push(chars);
    this.index.bytes.push(bytes);
  }

  /**
   * Counts bytes[decoded, to) as decode() would, without keeping the text: ASCII (most API text)
   * is counted without decoding it at all. `whole`: false when the last character may not be
   * whole yet (more bytes to come); it is then left for the next call.
   */
  count(bytes: Buffer, to: number, whole = true): void {
    if (!whole && to > this.decoded) to = characterStart(bytes, to - 1, this.decoded);
    const [from, chars] = [this.decoded, this.chars];
    if (to <= from) return;
    const stretch = bytes.subarray(from, to);
    if (isAscii(stretch)) {
      for (const [charsIn, bytesIn] of evenMarks(to - from)) this.mark(chars + charsIn, from + bytesIn);
    } else if (isUtf8(stretch)) {
      // API text is mostly ASCII with a few names in other scripts: counted, not decoded.
      for (let at = from; at < to; ) {
        const stop = to - at <= STEP_BYTES ? to : characterStart(bytes, at + STEP_BYTES, at);
        this.mark(this.chars + TextKernel.get().units(bytes, at, stop), stop);
        at = stop;
      }
    } else {
      this.decode(bytes, to);
    }
  }

  /** Once everything is decoded or counted. */
  counts(): Pick<BodyFacts, 'textChars' | 'charIndex'> {
    return { textChars: this.chars, charIndex: this.chars === this.decoded ? null : this.index };
  }
}

export type ParsedBody = Pick<DecodedBody, 'value' | 'isJson' | 'head'>;

/** The value and envelope of a whole text: its JSON, or the text itself. */
export function parsedText(text: string): ParsedBody {
  const json = parseJson(text);
  return { value: json ? json.value : text, isJson: json !== null, head: json ? envelopeHead(json.value) : null };
}

/**
 * Where the UTF-8 character holding byte `at` starts (never before `floor`). Four continuation
 * bytes in a row are not UTF-8: each decodes alone, so any cut there decodes the same.
 */
export function characterStart(bytes: Buffer, at: number, floor: number): number {
  for (let start = at; start >= Math.max(floor, at - 3); start -= 1) if ((bytes[start]! & 0xc0) !== 0x80) return start;
  return at;
}

/** Checkpoints [characters, bytes] of text where each character is one byte. */
function evenMarks(length: number): Array<[number, number]> {
  const marks: Array<[number, number]> = [];
  for (let at = STEP_BYTES; at < length; at += STEP_BYTES) marks.push([at, at]);
  marks.push([length, length]);
  return marks;
}

/** Checkpoints of decoded UTF-8 every STEP_BYTES characters; null unless they add up to `byteLength`. */
function utf8Marks(text: string, byteLength: number): Array<[number, number]> | null {
  const marks: Array<[number, number]> = [];
  let [chars, bytes] = [0, 0];
  while (chars < text.length) {
    let next = Math.min(text.length, chars + STEP_BYTES);
    // Never between the halves of a surrogate pair: they are one 4-byte character.
    if (next < text.length && isHighSurrogate(text.charCodeAt(next - 1))) next += 1;
    bytes += Buffer.byteLength(text.slice(chars, next));
    chars = next;
    marks.push([chars, bytes]);
  }
  return bytes === byteLength ? marks : null;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * A body main decodes itself (small ones, and those it reads for its own use). `secrets`:
 * redaction/byte-redaction.ts's bytePattern, or null; they are blanked in the bytes, in place.
 */
export function decodeBody(bytes: Buffer, secrets: RegExp | null): DecodedBody & { length: number } {
  const length = secrets ? redactInPlace(bytes, secrets) : bytes.length;
  const tally = new TextTally();
  return { ...parsedText(tally.decode(bytes, length)), ...tally.counts(), length };
}

export function parseJson(text: string): { value: unknown } | null {
  if (!text.trim()) return null;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

/**
 * The bytes to read for the characters [offset, offset + length), and how many characters of the
 * decoded bytes to skip. A UTF-8 character takes at most 3 bytes per UTF-16 unit.
 */
export function byteWindow(index: CharIndex | null, totalBytes: number, offset: number, length: number): { start: number; end: number; skip: number } {
  if (!index) return { start: Math.min(offset, totalBytes), end: Math.min(offset + length, totalBytes), skip: 0 };
  let [low, high] = [0, index.chars.length - 1];
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (index.chars[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  const start = index.bytes[low]!;
  const skip = offset - index.chars[low]!;
  return { start, end: Math.min(totalBytes, start + (skip + length) * 3), skip };
}

/** A copy of the bytes in memory the body worker can read too (posting it shares, not copies). */
export function sharedCopy(bytes: Uint8Array): Buffer {
  const copy = Buffer.from(new SharedArrayBuffer(bytes.byteLength));
  copyBytes(copy, 0, bytes);
  return copy;
}
