import { describe, expect, it } from 'vitest';
import { extractRows, mergeRows } from './rows';

describe('extractRows', () => {
  it('reads the envelope data array', () => {
    const body = { status: 1, data: [{ id: 1 }, { id: 2 }], metadata: [], token: 't', error: null };
    expect(extractRows(body)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('reads numeric-keyed report data in numeric order and skips non-row keys', () => {
    const data = { '10': { shift_id: 'c' }, '2': { shift_id: 'b' }, custom_report: { name: 'Hours' }, '0': { shift_id: 'a' } };
    expect(extractRows({ status: 1, data })).toEqual([{ shift_id: 'a' }, { shift_id: 'b' }, { shift_id: 'c' }]);
  });

  it('reads a numeric-keyed object and a top-level array without an envelope', () => {
    expect(extractRows({ '1': 'second', '0': 'first', total: 2 })).toEqual(['first', 'second']);
    expect(extractRows([{ id: 'x' }])).toEqual([{ id: 'x' }]);
  });

  it('finds no rows in empty or rowless answers', () => {
    expect(extractRows({ status: 1, data: [] })).toEqual([]);
    expect(extractRows({ status: 1, data: { custom_report: {} } })).toEqual([]);
    expect(extractRows({ status: 1, data: null })).toEqual([]);
    expect(extractRows(undefined)).toEqual([]);
    expect(extractRows('<html>')).toEqual([]);
  });
});

describe('mergeRows', () => {
  it('keeps the first row per id, in first-seen order, comparing ids as text', () => {
    const merged = mergeRows(new Map(), [{ id: 2, v: 'a' }, { id: 1, v: 'b' }]);
    mergeRows(merged, [{ id: '1', v: 'later' }, { id: 3, v: 'c' }, { id: 2, v: 'later' }]);
    expect([...merged.values()]).toEqual([{ id: 2, v: 'a' }, { id: 1, v: 'b' }, { id: 3, v: 'c' }]);
  });

  it('keeps rows without an id, dropping only exact repeats', () => {
    const merged = mergeRows(new Map(), [{ employee: 'Ann', hours: 8 }, { employee: 'Bob', hours: 8 }]);
    mergeRows(merged, [{ employee: 'Ann', hours: 8 }, { employee: 'Ann', hours: 7 }, { id: '', employee: 'Cy' }, { id: '', employee: 'Dee' }]);
    expect([...merged.values()]).toEqual([
      { employee: 'Ann', hours: 8 },
      { employee: 'Bob', hours: 8 },
      { employee: 'Ann', hours: 7 },
      { id: '', employee: 'Cy' },
      { id: '', employee: 'Dee' },
    ]);
  });

  it('does not confuse an id with a row whose JSON text looks like it', () => {
    const merged = mergeRows(new Map(), [{ id: '[1]' }, [1], { id: 1 }, 1]);
    expect(merged.size).toBe(4);
  });
});
