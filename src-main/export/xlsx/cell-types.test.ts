import { describe, expect, it } from 'vitest';
import { CELL_MAX_CHARS, sheetCell } from './cell-types';

const utc = (year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0, ms = 0) => new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds, ms));

describe('sheetCell', () => {
  it('reads numbers written as JSON or as plain decimals', () => {
    expect(sheetCell('12')).toEqual({ kind: 'number', value: 12 });
    expect(sheetCell('-0.5')).toEqual({ kind: 'number', value: -0.5 });
    expect(sheetCell('8.50')).toEqual({ kind: 'number', value: 8.5 });
    expect(sheetCell('1e+21')).toEqual({ kind: 'number', value: 1e21 });
    expect(sheetCell('5e-7')).toEqual({ kind: 'number', value: 5e-7 });
  });

  it('keeps as text what is not plainly a number: leading zeros, signs, separators, IDs past 15 digits', () => {
    for (const text of ['007', '+3', '1.', '.5', '1,5', '1 000', '0x1F', 'Infinity', 'NaN', '1e5', '9007199254740993', '1234567890123456'])
      expect(sheetCell(text), text).toEqual({ kind: 'text', value: text });
    expect(sheetCell('123456789012345')).toEqual({ kind: 'number', value: 123456789012345 });
  });

  it('reads booleans and empty cells', () => {
    expect(sheetCell('true')).toEqual({ kind: 'boolean', value: true });
    expect(sheetCell('false')).toEqual({ kind: 'boolean', value: false });
    expect(sheetCell('')).toEqual({ kind: 'empty', value: null });
    expect(sheetCell('TRUE')).toEqual({ kind: 'text', value: 'TRUE' });
  });

  it('reads YYYY-MM-DD and Humanity\'s formatted days as dates, only real calendar days', () => {
    expect(sheetCell('2026-01-05')).toEqual({ kind: 'date', value: utc(2026, 1, 5) });
    expect(sheetCell('Jan 5, 2026')).toEqual({ kind: 'date', value: utc(2026, 1, 5) });
    expect(sheetCell('Feb 29, 2024')).toEqual({ kind: 'date', value: utc(2024, 2, 29) });
    for (const text of ['2026-02-30', '2026-13-01', 'Feb 29, 2026', '1899-12-31', '05/01/2026', '2026-1-5'])
      expect(sheetCell(text).kind, text).toBe('text');
  });

  it('reads ISO and Humanity date-times at the clock time written (Excel has no zones)', () => {
    expect(sheetCell('2026-01-05 09:30:00')).toEqual({ kind: 'datetime', value: utc(2026, 1, 5, 9, 30, 0) });
    expect(sheetCell('2025-10-02T09:29:03+00:00')).toEqual({ kind: 'datetime', value: utc(2025, 10, 2, 9, 29, 3) });
    expect(sheetCell('2025-10-02T23:15:00-05:00')).toEqual({ kind: 'datetime', value: utc(2025, 10, 2, 23, 15, 0) });
    expect(sheetCell('2025-10-02T09:29:03.250Z')).toEqual({ kind: 'datetime', value: utc(2025, 10, 2, 9, 29, 3, 250) });
    expect(sheetCell('2025-10-02T09:29')).toEqual({ kind: 'datetime', value: utc(2025, 10, 2, 9, 29) });
    for (const text of ['2025-10-02T24:00:00', '2025-10-02 09:61', '2025-10-02T09', '09:30']) expect(sheetCell(text).kind, text).toBe('text');
  });

  it('keeps formula-like text as text, never a formula', () => {
    for (const text of ['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '=1+1']) expect(sheetCell(text)).toEqual({ kind: 'text', value: text });
  });

  it('replaces characters XML cannot hold and cuts text at Excel\'s cell limit', () => {
    expect(sheetCell('a\u0001b\u001Fc\td')).toEqual({ kind: 'text', value: 'a\uFFFDb\uFFFDc\td' });
    const long = sheetCell('x'.repeat(CELL_MAX_CHARS + 10));
    expect(long.kind).toBe('text');
    expect((long.value as string).length).toBe(CELL_MAX_CHARS);
  });
});
