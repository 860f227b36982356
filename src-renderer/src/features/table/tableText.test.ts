import { describe, expect, it } from 'vitest';
import { columnWidth, gridMove, HEADER, nextSort, shortText } from './tableText';

describe('table rules', () => {
  it('sorts ascending, then descending, then not at all', () => {
    expect(nextSort(null, 'id')).toEqual({ column: 'id', descending: false });
    expect(nextSort({ column: 'id', descending: false }, 'id')).toEqual({ column: 'id', descending: true });
    expect(nextSort({ column: 'id', descending: true }, 'id')).toBeNull();
    expect(nextSort({ column: 'id', descending: true }, 'title')).toEqual({ column: 'title', descending: false });
  });

  it('sizes columns within bounds', () => {
    expect(columnWidth('id', ['1'])).toBe(72);
    expect(columnWidth('notes', ['x'.repeat(500)])).toBe(320);
    expect(columnWidth('title', ['Night bake'])).toBeGreaterThan(72);
  });

  it('shortens long cell text to one line', () => {
    expect(shortText('a\nb')).toBe('a b');
    expect(shortText('x'.repeat(50))).toHaveLength(40);
  });

  it('moves by key in the grid: arrows, pages, and Home/End along the row or (Ctrl) to its corners', () => {
    const size = { rows: 100, cols: 5, page: 10 };
    const at = { row: 20, col: 2 };
    expect(gridMove('ArrowDown', false, at, size)).toEqual({ row: 21, col: 2 });
    expect(gridMove('ArrowLeft', false, at, size)).toEqual({ row: 20, col: 1 });
    expect(gridMove('PageDown', false, { row: HEADER, col: 0 }, size)).toEqual({ row: 10, col: 0 });
    expect(gridMove('PageUp', false, { row: 5, col: 0 }, size)).toEqual({ row: 0, col: 0 });
    expect(gridMove('Home', false, at, size)).toEqual({ row: 20, col: 0 });
    expect(gridMove('Home', true, at, size)).toEqual({ row: HEADER, col: 0 });
    expect(gridMove('End', true, at, size)).toEqual({ row: 99, col: 4 });
    expect(gridMove('Enter', false, at, size)).toBeNull();
  });
});
