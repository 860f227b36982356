import { describe, expect, it } from 'vitest';
import type { TreeRow } from '../../shared/contract';
import { pointerChild } from './json-tree';
import { OpenCounts, TreeIndex } from './tree-index';

/** The rows of `root` with `expanded` open, [offset, offset + limit). */
function visibleRows(root: unknown, expanded: ReadonlySet<string>, offset: number, limit: number): { rows: TreeRow[]; totalRows: number } {
  const index = new TreeIndex(root, { expandAll: false, expanded, collapsed: new Set() }, new OpenCounts());
  return { rows: index.page(offset, limit), totalRows: index.totalRows };
}

const doc = {
  status: 1,
  data: [
    { id: 10, name: 'Ada', tags: ['a', 'b'] },
    { id: 11, name: 'Grace', tags: [] },
  ],
  metadata: {},
  token: null,
  ok: true,
};

const all = (root: unknown, expanded: string[]) => visibleRows(root, new Set(expanded), 0, 10_000);
const paths = (rows: TreeRow[]) => rows.map((r) => r.path);

describe('visibleRows', () => {
  it('shows only the root row when nothing is expanded', () => {
    const { rows, totalRows } = all(doc, []);
    expect(totalRows).toBe(1);
    expect(rows).toEqual([{ path: '', depth: 0, key: null, kind: 'object', preview: '{5 keys}', childCount: 5, expanded: false }]);
  });

  it('lists the children of the expanded root with depth, key, kind, preview and childCount', () => {
    const { rows, totalRows } = all(doc, ['']);
    expect(totalRows).toBe(6);
    expect(rows[0]).toMatchObject({ path: '', expanded: true, childCount: 5 });
    expect(rows.slice(1)).toEqual([
      { path: '/status', depth: 1, key: 'status', kind: 'number', preview: '1', childCount: 0, expanded: false },
      { path: '/data', depth: 1, key: 'data', kind: 'array', preview: '[2 items]', childCount: 2, expanded: false },
      { path: '/metadata', depth: 1, key: 'metadata', kind: 'object', preview: '{0 keys}', childCount: 0, expanded: false },
      { path: '/token', depth: 1, key: 'token', kind: 'null', preview: 'null', childCount: 0, expanded: false },
      { path: '/ok', depth: 1, key: 'ok', kind: 'boolean', preview: 'true', childCount: 0, expanded: false },
    ]);
  });

  it('expands nested nodes in document order', () => {
    const { rows, totalRows } = all(doc, ['', '/data', '/data/0', '/data/0/tags']);
    expect(paths(rows)).toEqual([
      '',
      '/status',
      '/data',
      '/data/0',
      '/data/0/id',
      '/data/0/name',
      '/data/0/tags',
      '/data/0/tags/0',
      '/data/0/tags/1',
      '/data/1',
      '/metadata',
      '/token',
      '/ok',
    ]);
    expect(totalRows).toBe(13);
    const byPath = new Map(rows.map((r) => [r.path, r]));
    expect(byPath.get('/data/0')).toMatchObject({ depth: 2, key: '0', kind: 'object', preview: '{3 keys}', expanded: true });
    expect(byPath.get('/data/0/name')).toMatchObject({ depth: 3, key: 'name', kind: 'string', preview: '"Ada"' });
    expect(byPath.get('/data/0/tags/1')).toMatchObject({ depth: 4, key: '1', preview: '"b"' });
    expect(byPath.get('/data/1')).toMatchObject({ expanded: false, preview: '{3 keys}' });
  });

  it('hides the children of an expanded node whose parent is collapsed', () => {
    const { rows } = all(doc, ['/data', '/data/0']);
    expect(paths(rows)).toEqual(['']);
  });

  it('ignores expansion of a leaf', () => {
    const { rows } = all(doc, ['', '/status']);
    expect(rows.find((r) => r.path === '/status')?.expanded).toBe(false);
    expect(rows).toHaveLength(6);
  });

  it('pages with offset and limit while totalRows counts every visible row', () => {
    const expanded = ['', '/data', '/data/0', '/data/0/tags'];
    const full = all(doc, expanded).rows;
    const page = visibleRows(doc, new Set(expanded), 3, 4);
    expect(page.totalRows).toBe(13);
    expect(page.rows).toEqual(full.slice(3, 7));
    expect(paths(page.rows)).toEqual(['/data/0', '/data/0/id', '/data/0/name', '/data/0/tags']);
  });

  it('returns no rows past the end but still the total', () => {
    const page = visibleRows(doc, new Set(['']), 50, 10);
    expect(page.rows).toEqual([]);
    expect(page.totalRows).toBe(6);
  });

  it('pages through a large array', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => i);
    const page = visibleRows(big, new Set(['']), 5001, 3);
    expect(page.totalRows).toBe(10_001);
    expect(page.rows.map((r) => [r.path, r.preview])).toEqual([
      ['/5000', '5000'],
      ['/5001', '5001'],
      ['/5002', '5002'],
    ]);
  });

  it('escapes "/" and "~" in keys as JSON pointers (RFC 6901)', () => {
    const root = { 'a/b': { 'm~n': 1 }, '~1': 2, '': 3 };
    const { rows } = all(root, ['', '/a~1b']);
    expect(rows.map((r) => [r.path, r.key])).toEqual([
      ['', null],
      ['/a~1b', 'a/b'],
      ['/a~1b/m~0n', 'm~n'],
      ['/~01', '~1'],
      ['/', ''],
    ]);
  });

  it('does not expand a sibling whose escaped pointer is only similar', () => {
    const root = { 'a/b': { x: 1 }, a: { b: { y: 2 } } };
    const { rows } = all(root, ['', '/a/b']);
    // "/a/b" is the pointer of root.a.b, which is hidden because "/a" is collapsed; "a/b" is "/a~1b".
    expect(paths(rows)).toEqual(['', '/a~1b', '/a']);
  });

  it('builds child pointers with pointerChild', () => {
    expect(pointerChild('', 'x')).toBe('/x');
    expect(pointerChild('/x', 3)).toBe('/x/3');
    expect(pointerChild('/x', '~/')).toBe('/x/~0~1');
  });

  it('truncates long strings in the preview', () => {
    const long = 'x'.repeat(5000);
    const { rows } = all({ long, short: 'y'.repeat(200) }, ['']);
    const longRow = rows.find((r) => r.key === 'long')!;
    expect(longRow.preview.length).toBeLessThan(210);
    expect(longRow.preview).toBe(`"${'x'.repeat(200)}…"`);
    expect(rows.find((r) => r.key === 'short')!.preview).toBe(`"${'y'.repeat(200)}"`);
  });

  it('quotes and escapes string previews', () => {
    const { rows } = all({ s: 'line1\n"q"' }, ['']);
    expect(rows[1].preview).toBe('"line1\\n\\"q\\""');
  });

  it('uses singular and plural forms in previews', () => {
    const { rows } = all({ one: [1], many: [1, 2, 3], none: [], k1: { a: 1 }, k2: { a: 1, b: 2 } }, ['']);
    expect(rows.slice(1).map((r) => r.preview)).toEqual(['[1 item]', '[3 items]', '[0 items]', '{1 key}', '{2 keys}']);
  });

  it('handles a primitive root', () => {
    expect(all('plain text', ['']).rows).toEqual([
      { path: '', depth: 0, key: null, kind: 'string', preview: '"plain text"', childCount: 0, expanded: false },
    ]);
    expect(all(42, []).rows[0]).toMatchObject({ kind: 'number', preview: '42' });
    expect(all(null, []).rows[0]).toMatchObject({ kind: 'null', preview: 'null' });
  });

  it('shows a parsed "__proto__" key as ordinary data', () => {
    const root = JSON.parse('{"__proto__": {"polluted": true}, "b": 1}') as unknown;
    const { rows } = all(root, ['', '/__proto__']);
    expect(rows.map((r) => [r.path, r.kind])).toEqual([
      ['', 'object'],
      ['/__proto__', 'object'],
      ['/__proto__/polluted', 'boolean'],
      ['/b', 'number'],
    ]);
  });
});
