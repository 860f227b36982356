import { describe, expect, it } from 'vitest';
import type { TreeRow } from '../../shared/contract';
import { mulberry32 } from '../../sandbox/shift-generator';
import { pointerChild } from './json-tree';
import { OpenCounts, TreeIndex, type Expansion } from './tree-index';

/** The obvious walk over every row: what TreeIndex must agree with. */
function referenceRows(root: unknown, expansion: Expansion): Array<Pick<TreeRow, 'path' | 'depth' | 'expanded'>> {
  const rows: Array<Pick<TreeRow, 'path' | 'depth' | 'expanded'>> = [];
  const isOpen = (path: string) => (expansion.expandAll ? !expansion.collapsed.has(path) : expansion.expanded.has(path));
  const visit = (value: unknown, path: string, depth: number) => {
    const container = typeof value === 'object' && value !== null;
    const open = container && isOpen(path);
    rows.push({ path, depth, expanded: open });
    if (!open) return;
    for (const [key, child] of Object.entries(value as object)) visit(child, pointerChild(path, key), depth + 1);
  };
  visit(root, '', 0);
  return rows;
}

function randomValue(random: () => number, depth: number): unknown {
  const pick = random();
  if (depth > 4 || pick < 0.35) return pick < 0.1 ? null : pick < 0.2 ? Math.round(random() * 100) : `s${Math.round(random() * 1000)}`;
  // Wide containers (prefix sums) only near the top, or the tree explodes.
  const size = depth < 2 && random() < 0.3 ? 64 + Math.floor(random() * 60) : Math.floor(random() * 5);
  if (pick < 0.65) return Array.from({ length: size }, () => randomValue(random, depth + 1));
  return Object.fromEntries(Array.from({ length: size }, (_, i) => [`k${i}/${i % 3 ? 'x' : '~'}`, randomValue(random, depth + 1)]));
}

function allPaths(root: unknown): string[] {
  return referenceRows(root, { expandAll: true, expanded: new Set(), collapsed: new Set() }).map((row) => row.path);
}

const expansion = (expanded: string[], expandAll = false, collapsed: string[] = []): Expansion => ({ expanded: new Set(expanded), expandAll, collapsed: new Set(collapsed) });
const shape = (rows: TreeRow[]) => rows.map(({ path, depth, expanded }) => ({ path, depth, expanded }));

describe('TreeIndex against a full walk', () => {
  it.each(Array.from({ length: 12 }, (_, seed) => seed + 1))('agrees on every page and every rowOf for random tree %i', (seed) => {
    const random = mulberry32(seed);
    const root = { data: randomValue(random, 0), list: Array.from({ length: 300 }, (_, i) => ({ id: i, tags: [i, i + 1] })) };
    const paths = allPaths(root);
    const sample = (share: number) => paths.filter(() => random() < share);
    const states = [expansion([]), expansion(['', ...sample(0.5)]), expansion([], true), expansion([], true, sample(0.1)), expansion(sample(0.3), true, ['/list'])];
    const counts = new OpenCounts();
    for (const state of states) {
      const expected = referenceRows(root, state);
      const index = new TreeIndex(root, state, counts);
      expect(index.totalRows).toBe(expected.length);
      for (const offset of [0, 1, 7, 63, 64, 65, Math.floor(expected.length / 2), expected.length - 3, expected.length - 1]) {
        if (offset < 0 || offset >= expected.length) continue;
        expect(shape(index.page(offset, 40))).toEqual(expected.slice(offset, offset + 40));
      }
      expected.forEach((row, i) => expect(index.rowOf(row.path)).toBe(i));
    }
  });
});

describe('TreeIndex', () => {
  const doc = { status: 1, data: [{ id: 1, tags: ['a'] }, { id: 2, tags: [] }], metadata: {} };

  it('opens everything with expandAll, except collapsed paths and what is under them', () => {
    const all = new TreeIndex(doc, expansion([], true), new OpenCounts());
    expect(all.totalRows).toBe(11);
    const fewer = new TreeIndex(doc, expansion([], true, ['/data/0']), new OpenCounts());
    expect(fewer.totalRows).toBe(8);
    expect(shape(fewer.page(3, 2))).toEqual([
      { path: '/data/0', depth: 2, expanded: false },
      { path: '/data/1', depth: 2, expanded: true },
    ]);
  });

  it('marks empty containers open under expandAll, as the renderer shows their brackets', () => {
    const rows = new TreeIndex(doc, expansion([], true), new OpenCounts()).page(0, 100);
    expect(rows.find((row) => row.path === '/metadata')).toMatchObject({ expanded: true, childCount: 0 });
  });

  it('answers rowOf with null for hidden, absent and malformed paths', () => {
    const index = new TreeIndex(doc, expansion(['', '/data']), new OpenCounts());
    expect(index.rowOf('/data/1')).toBe(4);
    expect(index.rowOf('/data/1/id')).toBeNull(); // /data/1 is closed
    expect(index.rowOf('/data/7')).toBeNull();
    expect(index.rowOf('/data/01')).toBeNull(); // not the canonical index form
    expect(index.rowOf('data')).toBeNull();
    expect(index.rowOf('')).toBe(0);
  });

  it('pages the end of a wide, fully open array without walking what comes before', () => {
    let reads = 0;
    const rows = Array.from({ length: 200_000 }, (_, id) => ({ id, name: `n${id}`, tags: ['x', 'y'] }));
    const data = new Proxy(rows, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    const index = new TreeIndex({ data }, expansion([], true), new OpenCounts());
    expect(index.totalRows).toBe(2 + 200_000 * 6);
    reads = 0;
    expect(shape(index.page(index.totalRows - 2, 5))).toEqual([
      { path: '/data/199999/tags/0', depth: 4, expanded: false },
      { path: '/data/199999/tags/1', depth: 4, expanded: false },
    ]);
    expect(index.rowOf('/data/150000/name')).toBe(2 + 150_000 * 6 + 2);
    // Binary search over prefix sums: a handful of elements, not 200,000.
    expect(reads).toBeLessThan(20);
  });

  it('opens a wide array with nothing open under it without reading its elements, and pages through it', () => {
    let reads = 0;
    const data = new Proxy(Array.from({ length: 1_000_000 }, (_, id) => ({ id })), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    const index = new TreeIndex({ status: 1, data, error: null }, expansion(['', '/data']), new OpenCounts());
    expect(index.totalRows).toBe(1 + 1 + (1 + 1_000_000) + 1);
    expect(reads).toBe(0);
    expect(shape(index.page(500_003, 3))).toEqual([
      { path: '/data/500000', depth: 2, expanded: false },
      { path: '/data/500001', depth: 2, expanded: false },
      { path: '/data/500002', depth: 2, expanded: false },
    ]);
    expect(shape(index.page(1_000_002, 2))).toEqual([
      { path: '/data/999999', depth: 2, expanded: false },
      { path: '/error', depth: 1, expanded: false },
    ]);
    expect(index.rowOf('/data/750000')).toBe(750_003);
    expect(reads).toBeLessThan(10);
  });
});
