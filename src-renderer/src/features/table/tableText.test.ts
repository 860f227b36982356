import { describe, expect, it } from 'vitest';
import { columnWidth, nextSort, shortText } from './tableText';

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
});
