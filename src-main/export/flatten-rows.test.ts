import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { flattenRows, pickRows, tableAt } from './flatten-rows';

function expectInvalid(fn: () => unknown, pattern?: RegExp) {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe('invalid_input');
  expect((caught as AppError).message).toMatch(/^[A-Z"].*\.$/);
  if (pattern) expect((caught as AppError).message).toMatch(pattern);
}

/** A table as plain arrays, missing cells as undefined. */
const grid = (rows: unknown[]) => {
  const table = flattenRows(rows);
  return { columns: table.columns, cells: table.rows.map((row) => table.columns.map((c) => row.get(c))) };
};

describe('pickRows', () => {
  it('uses a root array', () => {
    expect(pickRows([{ id: 1 }], '')).toEqual([{ id: 1 }]);
  });

  it('uses the envelope data array', () => {
    expect(pickRows({ status: 1, data: [{ id: 1 }, { id: 2 }], error: null }, '')).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('treats a numeric-keyed report object as rows in numeric order, skipping non-row keys', () => {
    const report = { status: 1, data: { '10': { eid: 'c' }, '2': { eid: 'b' }, custom_report: { name: 'Hours' }, '0': { eid: 'a' } } };
    expect(pickRows(report, '')).toEqual([{ eid: 'a' }, { eid: 'b' }, { eid: 'c' }]);
  });

  it('treats a numeric-keyed root as rows', () => {
    expect(pickRows({ '1': { a: 2 }, '0': { a: 1 }, custom_report: 'x' }, '')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('refuses an envelope whose data is a single object', () => {
    expectInvalid(() => pickRows({ status: 1, data: { id: 5, name: 'Ada' } }, ''), /no list/);
  });

  it('follows a JSON Pointer, with ~1 and ~0 escapes and array indexes', () => {
    const root = { data: [{ 'shifts/day': [{ id: 7 }], 'a~b': { '0': { x: 1 } } }] };
    expect(pickRows(root, '/data/0/shifts~1day')).toEqual([{ id: 7 }]);
    expect(pickRows(root, '/data/0/a~0b')).toEqual([{ x: 1 }]);
  });

  it('says what is wrong with a pointer', () => {
    expectInvalid(() => pickRows({ data: [] }, '/nope'), /Nothing was found at \/nope/);
    expectInvalid(() => pickRows({ data: [1] }, '/data/3'), /Nothing was found/);
    expectInvalid(() => pickRows({ data: { id: 1 } }, '/data/id'), /not a list/);
    expectInvalid(() => pickRows({ data: [] }, 'data'), /JSON Pointer/);
  });
});

describe('flattenRows', () => {
  it('flattens nested objects to dotted columns (payroll rows)', () => {
    const rows = [{ eid: '7', hours: { total: 8, position: { id: 3, name: 'Cashier' } }, location: { name: 'Main St' } }];
    expect(grid(rows)).toEqual({
      columns: ['eid', 'hours.total', 'hours.position.id', 'hours.position.name', 'location.name'],
      cells: [['7', '8', '3', 'Cashier', 'Main St']],
    });
  });

  it('joins arrays of plain values and indexes arrays of objects', () => {
    const rows = [{ skills: ['cash', 'stock', null, 3], employees: [{ name: 'Ada' }, { name: 'Bo', id: 2 }], none: [] }];
    expect(grid(rows)).toEqual({
      columns: ['skills', 'employees.0.name', 'employees.1.name', 'employees.1.id', 'none'],
      cells: [['cash; stock; ; 3', 'Ada', 'Bo', '2', '']],
    });
  });

  it('orders columns by first appearance across rows and leaves missing keys empty', () => {
    expect(grid([{ a: 1, c: 3 }, { b: 2, a: 4 }, { d: true }])).toEqual({
      columns: ['a', 'c', 'b', 'd'],
      cells: [
        ['1', '3', undefined, undefined],
        ['4', undefined, '2', undefined],
        [undefined, undefined, undefined, 'true'],
      ],
    });
  });

  it('writes null as an empty cell and adds no column for an empty object', () => {
    expect(grid([{ note: null, lat: {}, ok: false, n: 0 }])).toEqual({ columns: ['note', 'ok', 'n'], cells: [['', 'false', '0']] });
  });

  it('puts rows that are not objects in a single value column', () => {
    expect(grid([1, 'two', null, ['a', 'b']])).toEqual({ columns: ['value'], cells: [['1'], ['two'], [''], ['a; b']] });
  });
});

describe('tableAt', () => {
  it('builds the table of a report object', () => {
    const table = tableAt({ data: { '0': { eid: '1' }, '1': { eid: '2' }, custom_report: {} } }, '');
    expect(table.columns).toEqual(['eid']);
    expect(table.rows.map((row) => row.get('eid'))).toEqual(['1', '2']);
  });

  it('refuses an empty list and rows without fields', () => {
    expectInvalid(() => tableAt({ data: [] }, ''), /empty/);
    expectInvalid(() => tableAt([{}, {}], ''), /no fields/);
  });
});
