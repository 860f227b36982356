import { describe, expect, it } from 'vitest';
import { TREE_FIRST_ROWS } from '../../shared/contract';
import { firstOpenPaths, firstRowsOf } from './first-rows';

/** An array that counts which of its elements were read. */
function watchedArray(length: number): { array: unknown[]; read: Set<number> } {
  const read = new Set<number>();
  const items = Array.from({ length }, (_, id) => ({ id, name: `shift ${id}` }));
  const array = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) read.add(Number(key));
      return Reflect.get(target, key, receiver);
    },
  });
  return { array, read };
}

describe('the first rows sent with an answer', () => {
  it('opens the envelope and its data, and gives the first page of rows', () => {
    const body = { status: 1, data: Array.from({ length: 500 }, (_, id) => ({ id })), error: null };
    const first = firstRowsOf(body);
    expect(first.expanded).toEqual(['', '/data']);
    // root, status, data, 500 elements, error
    expect(first.totalRows).toBe(504);
    expect(first.rows).toHaveLength(TREE_FIRST_ROWS);
    expect(first.rows.slice(0, 4).map(({ path, preview, expanded }) => ({ path, preview, expanded }))).toEqual([
      { path: '', preview: '{3 keys}', expanded: true },
      { path: '/status', preview: '1', expanded: false },
      { path: '/data', preview: '[500 items]', expanded: true },
      { path: '/data/0', preview: '{1 key}', expanded: false },
    ]);
  });

  it('opens only the root when there is no data container', () => {
    expect(firstOpenPaths({ status: 1, data: 'done', error: null })).toEqual(['']);
    expect(firstOpenPaths({ status: 1, error: 'no' })).toEqual(['']);
    expect(firstOpenPaths([{ data: [1] }])).toEqual(['']);
    expect(firstOpenPaths('text')).toEqual(['']);
    expect(firstRowsOf({ data: { id: 7 } }).rows.map((row) => row.path)).toEqual(['', '/data', '/data/id']);
    expect(firstRowsOf(42)).toMatchObject({ expanded: [''], totalRows: 1, rows: [{ path: '', preview: '42' }] });
  });

  it('reads only the elements on the first page, however long the array', () => {
    // A batched array parses its elements again when read (worker/batched-array.ts): counting the
    // rows under an open `data` must not read them all.
    const { array, read } = watchedArray(100_000);
    const first = firstRowsOf({ status: 1, data: array });
    expect(first.totalRows).toBe(100_003);
    expect(read.size).toBeLessThanOrEqual(TREE_FIRST_ROWS);
  });
});
