import { describe, expect, it } from 'vitest';
import { bytePattern, redactInPlace, StreamRedactor } from './byte-redaction';
import { REDACTED } from './redactor';
import { secretPattern, secretSpellings } from './secret-pattern';

function throughChunks(input: Buffer, spellings: string[], cuts: number[]): string {
  const redactor = new StreamRedactor(spellings);
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, input.length]) {
    out.push(redactor.push(Buffer.from(input.subarray(from, cut)))); // push may rewrite its chunk
    from = cut;
  }
  out.push(redactor.end());
  return Buffer.concat(out).toString('utf8');
}

describe('secretSpellings', () => {
  it('adds the JSON-escaped, slash-escaped and \\u-escaped forms a body may carry', () => {
    expect(secretSpellings('plain-token')).toEqual(['plain-token']);
    expect(secretSpellings('a/b"c')).toEqual(['a/b"c', 'a/b\\"c', 'a\\/b\\"c']);
    expect(secretSpellings('pässwörd')).toEqual(['pässwörd', 'p\\u00e4ssw\\u00f6rd']);
  });

  it('builds no pattern without secrets, and matches the longest first', () => {
    expect(secretPattern([])).toBeNull();
    expect('xabcdefy'.replace(secretPattern(['abc', 'abcdef'])!, REDACTED)).toBe(`x${REDACTED}y`);
  });
});

describe('StreamRedactor', () => {
  const secret = 'tok/SENTINEL"é-1234';
  const spellings = secretSpellings(secret);
  const body = Buffer.from(`{"a":"${'x'.repeat(50)}","token":${JSON.stringify(secret)},"php":"${JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/')}","raw":"${secret}"}`);

  it('blanks every spelling wherever the chunks are cut, even inside a secret or a character', () => {
    const expected = throughChunks(body, spellings, []);
    expect(expected).not.toContain('SENTINEL');
    expect(expected.split(REDACTED)).toHaveLength(4);
    for (let cut = 1; cut < body.length; cut += 1) expect(throughChunks(body, spellings, [cut])).toBe(expected);
    for (let step = 1; step <= 5; step += 1) {
      const cuts = Array.from({ length: Math.floor(body.length / step) }, (_, i) => (i + 1) * step).filter((c) => c < body.length);
      expect(throughChunks(body, spellings, cuts)).toBe(expected);
    }
  });

  it('blanks a secret shorter than the mark with three asterisks whatever its length, so nothing grows and no length shows', () => {
    expect(throughChunks(Buffer.from('{"p":"pw12","q":"pw123456"}'), ['pw12', 'pw123456'], [8])).toBe('{"p":"***","q":"***"}');
  });

  it('keeps the quotes of a quoted match (a short secret as a whole JSON string): the body stays JSON', () => {
    const body = Buffer.from('{"p":"pw12","d":"pw12-01","q":"hunter2!abc","n":"pw12"}');
    const out = throughChunks(body, ['"pw12"', '"hunter2!abc"'], [9, 30]);
    expect(out).toBe('{"p":"***","d":"pw12-01","q":"[REDACTED]","n":"***"}');
    expect(JSON.parse(out)).toMatchObject({ d: 'pw12-01' });
  });

  it('passes bytes through unchanged without secrets', () => {
    const text = Buffer.from('{"é":"😀 nothing secret"}');
    expect(throughChunks(text, [], [3, 4, 9])).toBe(text.toString('utf8'));
    expect(throughChunks(text, ['absent-secret'], [3, 4, 9])).toBe(text.toString('utf8'));
  });
});

describe('redactInPlace', () => {
  it('rewrites the bytes where they are and returns the shorter length', () => {
    const bytes = Buffer.from('{"token":"tok/SENTINEL-1234","é":"tok\\/SENTINEL-1234","pw":"abcd"}');
    const length = redactInPlace(bytes, bytePattern([...secretSpellings('tok/SENTINEL-1234'), 'abcd'])!);
    expect(bytes.subarray(0, length).toString()).toBe('{"token":"[REDACTED]","é":"[REDACTED]","pw":"***"}');
  });

  it('leaves bytes without secrets as they are', () => {
    const bytes = Buffer.from('{"a":"b"}');
    expect(redactInPlace(bytes, bytePattern(['absent-secret'])!)).toBe(bytes.length);
    expect(bytes.toString()).toBe('{"a":"b"}');
  });
});
