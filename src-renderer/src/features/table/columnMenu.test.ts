import { describe, expect, it, vi } from 'vitest';
import { columnMenu } from './columnMenu';

describe('columnMenu', () => {
  it('checks the shown columns and hides or shows one on select', () => {
    const setHidden = vi.fn();
    const items = columnMenu(['id', 'name'], new Set(['name']), setHidden);
    expect(items.map((item) => [item.label, item.checked, item.disabled])).toEqual([
      ['id', true, true],
      ['name', false, false],
      ['Show all columns', undefined, undefined],
    ]);
    items[1]!.onSelect();
    expect(setHidden).toHaveBeenLastCalledWith(new Set());
    columnMenu(['id', 'name'], new Set(), setHidden)[0]!.onSelect();
    expect(setHidden).toHaveBeenLastCalledWith(new Set(['id']));
  });
});
