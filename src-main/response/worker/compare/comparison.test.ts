import { describe, expect, it } from 'vitest';
import { batchedArray } from '../batched-array';
import { Comparison } from './comparison';

const shift = (id: number, extra: Record<string, unknown> = {}) => ({ id, title: `Shift ${id}`, start: { hour: 8, minute: 0 }, employees: [1, 2], ...extra });
const envelope = (data: unknown[]) => ({ status: 1, data, token: 'x' });
const all = (comparison: Comparison, filter: 'all' | 'added' | 'removed' | 'changed' = 'all', query = '') => comparison.page({ filter, query, offset: 0, limit: 500 }).rows;

describe('Comparison of arrays of records', () => {
  it('matches the envelope’s data by id and counts records added, removed and changed', () => {
    const before = envelope([shift(1), shift(2), shift(3), shift(4)]);
    const after = envelope([shift(2, { title: 'Renamed' }), shift(1), shift(4, { start: { hour: 9, minute: 0 } }), shift(5)]);
    const comparison = new Comparison(before, after, null);
    expect(comparison.facts).toMatchObject({ mode: 'records', recordsPath: '/data', key: 'id', beforeRecords: 4, afterRecords: 4 });
    expect(comparison.facts.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 1, rows: 4 });
    const rows = all(comparison);
    expect(rows.map((row) => [row.kind, row.key, row.path, row.before, row.after])).toEqual([
      ['changed', '2', '/title', '"Shift 2"', '"Renamed"'],
      ['changed', '4', '/start/hour', '8', '9'],
      ['added', '5', '', null, JSON.stringify(shift(5))],
      ['removed', '3', '', JSON.stringify(shift(3)), null],
    ]);
    // Where each side holds the value, for "show in the tree".
    expect(rows[0]).toMatchObject({ beforePath: '/data/1/title', afterPath: '/data/0/title' });
    expect(rows[2]).toMatchObject({ beforePath: null, afterPath: '/data/3' });
    expect(rows[3]).toMatchObject({ beforePath: '/data/2', afterPath: null });
  });

  it('offers the fields every record holds as a string or number, id first, and matches by the one chosen', () => {
    const before = [{ id: 1, code: 'a', name: 'x', tags: [] }, { id: 2, code: 'b', name: 'y', tags: [] }];
    const after = [{ id: 7, code: 'a', name: 'x', tags: [] }, { id: 8, code: 'b', name: 'z', tags: [] }];
    const byId = new Comparison(before, after, null);
    expect(byId.facts.keyOptions).toEqual(['id', 'code', 'name']);
    expect(byId.facts.counts).toMatchObject({ added: 2, removed: 2, changed: 0 });
    const byCode = new Comparison(before, after, 'code');
    expect(byCode.facts).toMatchObject({ recordsPath: '', key: 'code' });
    expect(byCode.facts.counts).toMatchObject({ added: 0, removed: 0, changed: 2, unchanged: 0 });
    expect(all(byCode).map((row) => [row.key, row.path, row.before, row.after])).toEqual([
      ['a', '/id', '1', '7'],
      ['b', '/id', '2', '8'],
      ['b', '/name', '"y"', '"z"'],
    ]);
  });

  it('reports nested fields, type changes, and null apart from missing', () => {
    const before = [{ id: 1, a: { b: { c: 1 } }, n: null, gone: null, kind: '5', list: [1, 2, 3] }];
    const after = [{ id: 1, a: { b: { c: 2 } }, kind: 5, list: [1, 9], fresh: null, n: null }];
    const rows = all(new Comparison(before, after, null));
    expect(rows.map((row) => [row.kind, row.path, row.before, row.after])).toEqual([
      ['changed', '/a/b/c', '1', '2'],
      ['field removed', '/gone', 'null', null],
      ['type changed', '/kind', '"5"', '5'],
      ['changed', '/list/1', '2', '9'],
      ['field removed', '/list/2', '3', null],
      ['field added', '/fresh', null, 'null'],
    ]);
    expect(rows.every((row) => row.group === 'changed')).toBe(true);
  });

  it('matches a key held twice in order, counts it, and gives records without a key (beyond the sample) their position', () => {
    // The key is offered because every sampled record holds it; a record further on may lack it.
    const sampled = Array.from({ length: 200 }, (_, index) => ({ id: index + 10, v: 'same' }));
    const before = [{ id: 1, v: 'a' }, { id: 1, v: 'b' }, ...sampled, { v: 'no key' }];
    const after = [{ id: 1, v: 'a' }, { id: 1, v: 'c' }, ...sampled, { v: 'no key either' }];
    const comparison = new Comparison(before, after, 'id');
    expect(comparison.facts.duplicateKeys).toBe(1);
    expect(all(comparison).map((row) => [row.key, row.path, row.after])).toEqual([
      ['1 (2)', '/v', '"c"'],
      ['#202', '/v', '"no key either"'],
    ]);
  });

  it('refuses a key the records do not all hold, naming the fields that can match them', () => {
    const before = [{ id: 1, code: 'a', tags: [] }, { id: 2, code: 'b', tags: [] }];
    const after = [{ id: 1, code: 'a', tags: [] }, { id: 3, tags: [] }];
    const refused = (key: string) => () => new Comparison(before, after, key);
    expect(refused('title')).toThrow(expect.objectContaining({ code: 'invalid_input', message: 'Records cannot be matched by "title": not every record on both sides holds it as a string or number. Match by one of: id.' }));
    // Held by some records only, or not as a string or number: refused too, never matched by position.
    expect(refused('code')).toThrow(/Match by one of: id\.$/);
    expect(refused('tags')).toThrow(/cannot be matched by "tags"/);
    expect(() => new Comparison([{ tags: [] }], [{ tags: [1] }], 'id')).toThrow(/No field is held by every record/);
  });

  it('reads batched arrays as it reads plain ones', () => {
    const text = (ids: number[]) => ({ text: JSON.stringify(ids.map((id) => shift(id))), count: ids.length });
    const before = envelope(batchedArray([text([1, 2]), text([3, 4])], [shift(5)]));
    const after = envelope(batchedArray([text([1, 2])], [shift(3, { title: 'x' }), shift(5)]));
    expect(new Comparison(before, after, null).facts.counts).toEqual({ added: 0, removed: 1, changed: 1, unchanged: 3, rows: 2 });
  });
});

describe('Comparison path by path', () => {
  it('compares objects that are not arrays of records, and arrays of plain values by index', () => {
    const comparison = new Comparison({ status: 1, data: { name: 'A', ids: [1, 2] } }, { status: 1, data: { name: 'B', ids: [1, 2, 3] }, extra: true }, null);
    expect(comparison.facts).toMatchObject({ mode: 'paths', recordsPath: null, key: null });
    expect(comparison.facts.counts).toMatchObject({ added: 2, removed: 0, changed: 1 });
    expect(all(comparison).map((row) => [row.group, row.kind, row.path])).toEqual([
      ['changed', 'changed', '/data/name'],
      ['added', 'added', '/data/ids/2'],
      ['added', 'added', '/extra'],
    ]);
    expect(new Comparison([1, 2, 3], [1, 2, 4], null).facts.mode).toBe('paths');
  });

  it('escapes keys in paths as JSON Pointers', () => {
    expect(all(new Comparison({ 'a/b': 1, 'c~d': 1 }, { 'a/b': 2, 'c~d': 2 }, null)).map((row) => row.path)).toEqual(['/a~1b', '/c~0d']);
  });

  it('compares a body nested deeper than it walks as a whole, without overflowing the stack', () => {
    const deep = (leaf: number) => JSON.parse(`${'['.repeat(20_000)}${leaf}${']'.repeat(20_000)}`) as unknown;
    const rows = all(new Comparison(deep(1), deep(2), null));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.path.split('/')).toHaveLength(257);
    expect(all(new Comparison(deep(1), deep(1), null))).toEqual([]);
  });
});

describe('Comparison pages', () => {
  const before = envelope(Array.from({ length: 50 }, (_, i) => shift(i)));
  const after = envelope([...Array.from({ length: 40 }, (_, i) => shift(i, i % 10 === 0 ? { title: `Moved ${i}` } : {})), shift(100), shift(101)]);
  const comparison = new Comparison(before, after, null);

  it('filters by group and searches keys, paths and values', () => {
    expect(comparison.facts.counts).toMatchObject({ added: 2, removed: 10, changed: 4 });
    expect(comparison.page({ filter: 'removed', query: '', offset: 0, limit: 3 })).toMatchObject({ matched: 10, rows: [{ key: '40' }, { key: '41' }, { key: '42' }] });
    expect(all(comparison, 'changed', 'moved 3').map((row) => row.key)).toEqual(['30']);
    expect(all(comparison, 'all', '"shift 101"').map((row) => row.kind)).toEqual(['added']);
    expect(comparison.page({ filter: 'added', query: '', offset: 1, limit: 5 }).rows.map((row) => row.key)).toEqual(['101']);
  });

  it('shortens values for the view and gives them whole to exports', () => {
    const long = 'x'.repeat(1000);
    const wide = new Comparison([{ id: 1, note: '' }], [{ id: 1, note: long }], null);
    expect(wide.page({ filter: 'all', query: '', offset: 0, limit: 1 }).rows[0]!.after!.length).toBeLessThan(500);
    expect(wide.page({ filter: 'all', query: '', offset: 0, limit: 1 }, true).rows[0]!.after).toBe(JSON.stringify(long));
  });
});

describe('Comparison of huge inputs', () => {
  it('keeps at most its row limit, counts everything and says it was capped', () => {
    const before = Array.from({ length: 30_000 }, (_, id) => ({ id, a: 1, b: 1 }));
    const after = Array.from({ length: 30_000 }, (_, id) => ({ id, a: 2, b: 2 }));
    const comparison = new Comparison(before, after, null, 1000);
    expect(comparison.facts.counts).toEqual({ added: 0, removed: 0, changed: 30_000, unchanged: 0, rows: 60_000 });
    expect(comparison.facts.capped).toBe(true);
    expect(comparison.page({ filter: 'all', query: '', offset: 0, limit: 500 }).matched).toBe(1000);
  });
});
