import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../sandbox/shift-generator';
import { bytePattern } from '../../redaction/byte-redaction';
import { secretSpellings } from '../../redaction/secret-pattern';
import { byteWindow, decodeBody, TextTally } from './body-text';

describe('decodeBody', () => {
  it('parses JSON and hands out only the envelope fields as the head', () => {
    const decoded = decodeBody(Buffer.from(JSON.stringify({ status: 3, data: [1, 2, 3], error: { code: 'x' }, token: 't' })), null);
    expect(decoded).toMatchObject({ isJson: true, head: { status: 3, data: null, error: { code: 'x' } }, charIndex: null });
    expect(decoded.head).not.toHaveProperty('token');
  });

  it('keeps text that is not JSON as the value', () => {
    expect(decodeBody(Buffer.from('<html>oops</html>'), null)).toMatchObject({ isJson: false, value: '<html>oops</html>', head: null, textChars: 17 });
    expect(decodeBody(Buffer.alloc(0), null)).toMatchObject({ isJson: false, value: '', textChars: 0 });
  });

  it('blanks secrets in any of their spellings in place, so the body only shrinks', () => {
    const pattern = bytePattern(secretSpellings('se/cret-token'));
    const clean = Buffer.from('{"a":1}');
    expect(decodeBody(clean, pattern).length).toBe(clean.length);
    const bytes = Buffer.from('{"token":"se\\/cret-token","b":"se/cret-token"}');
    const dirty = decodeBody(bytes, pattern);
    expect(bytes.subarray(0, dirty.length).toString()).toBe('{"token":"[REDACTED]","b":"[REDACTED]"}');
    expect(dirty.value).toEqual({ token: '[REDACTED]', b: '[REDACTED]' });
    expect(dirty.textChars).toBe(dirty.length);
  });
});

describe('byteWindow', () => {
  it('finds the bytes of any character window in text with 1- to 4-byte characters', () => {
    const random = mulberry32(3);
    const alphabet = ['a', '{', 'é', '€', '😀', '"', 'ß'];
    const text = Array.from({ length: 300_000 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const bytes = Buffer.from(text);
    const { charIndex, textChars } = decodeBody(bytes, null);
    expect(textChars).toBe(text.length);
    expect(charIndex!.chars.length).toBeGreaterThan(3);
    for (let i = 0; i < 200; i += 1) {
      const offset = Math.floor(random() * text.length);
      const length = 1 + Math.floor(random() * 100_000);
      const { start, end, skip } = byteWindow(charIndex, bytes.length, offset, length);
      expect(bytes.subarray(start, end).toString('utf8').slice(skip, skip + length) === text.slice(offset, offset + length)).toBe(true);
    }
  });
});

/**
 * Counts `bytes` in pieces of random sizes as they would arrive; the count must be the length of
 * their decoded text, and the checkpoints must find any window of it.
 */
function expectCountedInPieces(bytes: Buffer, random: () => number, maxPiece: number): void {
  const whole = bytes.toString('utf8');
  const tally = new TextTally();
  for (let end = 0; end < bytes.length; ) {
    end = Math.min(bytes.length, end + 1 + Math.floor(random() * maxPiece));
    tally.count(bytes, end, end === bytes.length);
  }
  const { textChars, charIndex } = tally.counts();
  expect(textChars).toBe(whole.length);
  for (let i = 0; i < 100; i += 1) {
    const offset = Math.floor(random() * whole.length);
    const { start, end, skip } = byteWindow(charIndex, bytes.length, offset, 5000);
    expect(bytes.subarray(start, end).toString('utf8').slice(skip, skip + 5000) === whole.slice(offset, offset + 5000)).toBe(true);
  }
}

describe('TextTally', () => {
  it('counts bytes that arrive in pieces exactly as the whole decodes, broken UTF-8 included, with checkpoints that hold', () => {
    const random = mulberry32(9);
    const alphabet = ['a', 'é', '€', '😀', '"'].map((char) => Buffer.from(char));
    // Stray continuation bytes, a lone lead byte, a cut-off 4-byte character.
    const broken = [Buffer.from([0x80]), Buffer.from([0xc3]), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from([0xbf, 0xbf, 0xbf, 0xbf, 0xbf])];
    // Long ASCII stretches between the others, so pieces of each kind are counted both ways.
    const ascii = Buffer.from('a'.repeat(50_000));
    const parts = Array.from({ length: 200_000 }, () =>
      random() < 0.001 ? broken[Math.floor(random() * broken.length)]! : random() < 0.0002 ? ascii : alphabet[Math.floor(random() * alphabet.length)]!,
    );
    expectCountedInPieces(Buffer.concat(parts), random, 100_000);
  });

  it('counts valid text that is mostly ASCII, with a few characters of two to four bytes, without decoding it', () => {
    const random = mulberry32(4);
    const rare = ['é', '€', '😀', 'García'];
    const whole = Array.from({ length: 60_000 }, (_, i) => (random() < 0.01 ? rare[i % rare.length]! : `{"id":${i}}`)).join(',');
    expectCountedInPieces(Buffer.from(whole), random, 200_000);
  });
});
