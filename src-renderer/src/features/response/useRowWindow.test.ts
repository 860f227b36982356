import { describe, expect, it } from 'vitest';
import { placeRows } from './useRowWindow';

const ROW = 20;
/** An unscaled list: content offset and scroll position are the same. */
const unscaled = (count: number, scrollTop: number, viewport: number, pad = 2, pinned: number | null = null) =>
  placeRows({ count, rowHeight: ROW, viewport, scrollTop, content: scrollTop, pad, pinned, scaled: false, totalSize: count * ROW });
const indexes = (placed: { rows: Array<{ index: number }> }) => placed.rows.map((row) => row.index);

describe('placeRows', () => {
  it('renders the rows in view and `pad` more on each side, each at its own place', () => {
    const placed = unscaled(1000, 200, 100);
    expect([placed.first, placed.last]).toEqual([10, 14]);
    expect(indexes(placed)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(placed.rows.every(({ index, top }) => top === index * ROW)).toBe(true);
  });

  it('counts a row cut by the bottom edge as in view, and not the row just below it', () => {
    expect(unscaled(1000, 210, 100).last).toBe(15);
    expect(unscaled(1000, 200, 100).last).toBe(14);
  });

  it('stops at both ends of the list', () => {
    expect(indexes(unscaled(3, 0, 500))).toEqual([0, 1, 2]);
    expect(indexes(unscaled(100, 1900, 100, 5))).toEqual([90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
  });

  it('renders the first row alone while the viewport is not known yet, and nothing for an empty list', () => {
    expect(indexes(unscaled(100, 0, 0, 0))).toEqual([0]);
    expect(unscaled(0, 0, 300).rows).toEqual([]);
  });

  it('keeps the pinned (focused) row rendered when it is scrolled away, at its own place', () => {
    const placed = unscaled(1000, 2000, 100, 2, 5);
    expect(indexes(placed)).toEqual([5, 98, 99, 100, 101, 102, 103, 104, 105, 106]);
    expect(placed.rows[0]).toEqual({ index: 5, top: 100 });
    expect(indexes(unscaled(1000, 2000, 100, 2, 101))).toEqual([98, 99, 100, 101, 102, 103, 104, 105, 106]);
  });

  it('scaled, places the rows of the content offset around the scroll position, and a pinned row just out of view', () => {
    // Six million rows in 400,000 slots: the element is at 1,000,000 px, standing for row 3,000,000.
    const count = 6_000_000;
    const placed = placeRows({ count, rowHeight: ROW, viewport: 100, scrollTop: 1_000_000, content: 3_000_000 * ROW, pad: 2, pinned: 12, scaled: true, totalSize: 400_000 * ROW });
    expect([placed.first, placed.last]).toEqual([3_000_000, 3_000_004]);
    expect(placed.rows.find((row) => row.index === 3_000_000)!.top).toBe(1_000_000);
    expect(placed.rows.find((row) => row.index === 3_000_001)!.top).toBe(1_000_000 + ROW);
    expect(placed.rows[0]).toEqual({ index: 12, top: 1_000_000 - 3 * ROW });
  });
});
