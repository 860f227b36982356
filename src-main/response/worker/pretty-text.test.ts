import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../sandbox/shift-generator';
import { PrettyText } from './pretty-text';

const samples: Array<[string, unknown]> = [
  ['an envelope', { status: 1, data: [{ id: 1, name: 'Ada', tags: ['a', 'b'], lat: {}, empty: [] }], metadata: [], error: null }],
  ['escapes and unicode in keys and values', { 'a"b': 'line\n"q" é 😀', '': -0, '__proto__': { x: 1e21 }, t: true }],
  ['a primitive root', 'just a string'],
  ['null', null],
  ['an empty array', []],
  ['nested empties', [[], {}, [[]]]],
];

describe('PrettyText', () => {
  it.each(samples)('equals JSON.stringify(value, null, 2) for %s', (_label, value) => {
    const expected = JSON.stringify(value, null, 2);
    const pretty = new PrettyText(value);
    expect(pretty.totalChars).toBe(expected.length);
    expect(pretty.window(0, expected.length + 10)).toBe(expected);
    for (let offset = 0; offset < expected.length; offset += 7) expect(pretty.window(offset, 11)).toBe(expected.slice(offset, offset + 11));
  });

  it('serves windows anywhere in a text long enough for many checkpoints', () => {
    const random = mulberry32(7);
    const value = { data: Array.from({ length: 6000 }, (_, id) => ({ id, name: `Employee ${id}`, nested: { deep: [id, { k: 'v'.repeat(id % 50) }] } })) };
    const expected = JSON.stringify(value, null, 2);
    expect(expected.length).toBeGreaterThan(10 * 64 * 1024);
    const pretty = new PrettyText(value);
    expect(pretty.totalChars).toBe(expected.length);
    for (let i = 0; i < 60; i += 1) {
      const offset = Math.floor(random() * expected.length);
      const length = 1 + Math.floor(random() * 200_000);
      expect(pretty.window(offset, length) === expected.slice(offset, offset + length)).toBe(true);
    }
    expect(pretty.window(expected.length - 5, 100)).toBe(expected.slice(-5));
    expect(pretty.window(expected.length + 5, 100)).toBe('');
  });
});
