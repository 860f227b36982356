import { describe, expect, it } from 'vitest';
import { fromWire, toWire } from './ipc-wire';

/** What the other side gets: the same source text runs in the page. */
const received = (value: unknown): unknown => {
  const { text, tagged } = toWire(value);
  return fromWire(text, tagged);
};

describe('the harness IPC wire', () => {
  it('sends plain data as JSON text, untagged, that parses back to what structured cloning gives', () => {
    const answer = { ok: true, data: { responseId: 'r1', status: 200, rows: [{ path: '$.data[0]', depth: 2, kind: 'object', size: 12.5 }], note: null, empty: {} } };
    expect(toWire(answer).tagged).toBe(false);
    expect(received(answer)).toStrictEqual(structuredClone(answer));
    for (const value of ['text', 42, null, [1, 'two'], true]) expect(received(value)).toStrictEqual(value);
  });

  it('puts back what JSON would change and a clone keeps: undefined (kept as a key), holes, -0, NaN, ±Infinity', () => {
    const unlike = [
      { ok: true, data: undefined },
      { ok: true, data: { note: undefined, list: [undefined, 1] } },
      [1, , 3],
      { at: -0, ratio: Number.NaN, up: Number.POSITIVE_INFINITY, down: Number.NEGATIVE_INFINITY },
      undefined,
      -0,
    ];
    for (const value of unlike) {
      expect(toWire(value).tagged).toBe(true);
      expect(received(value)).toStrictEqual(structuredClone(value));
    }
    // toStrictEqual tells a hole from undefined, and a missing key from an undefined one:
    expect(received({ note: undefined })).not.toStrictEqual({});
    expect(Object.hasOwn(received({ note: undefined }) as object, 'note')).toBe(true);
    expect(1 in (received([1, , 3]) as unknown[])).toBe(false);
  });

  it('leaves a string that looks like a tag alone', () => {
    const value = { text: '\u0000wire', nested: [{ '\u0000wir': 'undefined' }], gap: undefined };
    expect(received(value)).toStrictEqual(structuredClone(value));
  });

  it('refuses, with a sentence, what it would carry differently from Electron: dates, bytes, maps, class instances, functions, bigints', () => {
    class Point {
      x = 1;
    }
    const refused: Array<[unknown, RegExp]> = [
      [{ when: new Date(0) }, /not a Date/],
      [{ bytes: new Uint8Array([1, 2]) }, /not a Uint8Array/],
      [{ items: new Map([['a', 1]]) }, /not a Map/],
      [[new Point()], /not a Point/],
      [{ run: () => 1 }, /not a function/],
      [{ big: 1n }, /not a bigint/],
      [{ '\u0000wire': 'undefined' }, /its own tag/],
    ];
    for (const [value, sentence] of refused) expect(() => toWire(value), String(sentence)).toThrow(sentence);
  });
});
