// Turning a kept body's bytes into what the app needs: the text with secrets blanked, the parsed
// JSON (or the text when it is not JSON), the envelope fields for the summary, and an index from
// character offsets to byte offsets so main can serve raw-text windows straight from the bytes.
// Pure: the body worker runs it for big bodies, main for small ones.
import { envelopeHead } from '../http/envelope';
import { redactInPlace } from '../redaction/byte-redaction';

/** Every CHAR_STEP characters, the byte offset where that character starts. */
const CHAR_STEP = 64 * 1024;

/** Checkpoints: characters[i] starts at bytes[i]. Null when every character is one byte. */
export interface CharIndex {
  chars: number[];
  bytes: number[];
}

/** What main keeps about a body besides its bytes. */
export interface BodyFacts {
  isJson: boolean;
  /** The envelope's root fields (http/envelope.ts), never the whole body. */
  head: unknown;
  textChars: number;
  charIndex: CharIndex | null;
}

export interface DecodedBody extends BodyFacts {
  /** The parsed JSON, or the text itself when it is not JSON. */
  value: unknown;
  /** How many of the bytes are the body once secrets were blanked in place (never more). */
  length: number;
}

/**
 * `secrets`: redaction/byte-redaction.ts's bytePattern, or null when none is known. One search
 * over the bytes finds whether any secret occurs; they are rewritten (in place) only when one does.
 */
export function decodeBody(bytes: Buffer, secrets: RegExp | null): DecodedBody {
  const length = secrets ? redactInPlace(bytes, secrets) : bytes.length;
  const text = bytes.toString('utf8', 0, length);
  const json = parseJson(text);
  return {
    value: json ? json.value : text,
    isJson: json !== null,
    head: json ? envelopeHead(json.value) : null,
    textChars: text.length,
    charIndex: charIndexOf(text, length),
    length,
  };
}

export function parseJson(text: string): { value: unknown } | null {
  if (!text.trim()) return null;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

function charIndexOf(text: string, byteLength: number): CharIndex | null {
  if (text.length === byteLength) return null;
  const index: CharIndex = { chars: [0], bytes: [0] };
  let [char, byte] = [0, 0];
  while (char < text.length) {
    let next = Math.min(text.length, char + CHAR_STEP);
    // Never between the halves of a surrogate pair: they are one 4-byte character.
    if (next < text.length && isHighSurrogate(text.charCodeAt(next - 1))) next += 1;
    byte += Buffer.byteLength(text.slice(char, next));
    char = next;
    index.chars.push(char);
    index.bytes.push(byte);
  }
  return index;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

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
  copy.set(bytes);
  return copy;
}
