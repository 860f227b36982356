import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, restoreBounds } from './window-bounds';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('restoreBounds', () => {
  it('reopens where the window was when that is on a display', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 1400, height: 900 }, [screen])).toEqual({ x: 100, y: 80, width: 1400, height: 900 });
  });

  it('keeps the size but lets the system place it when its display is gone', () => {
    expect(restoreBounds({ x: 2500, y: 100, width: 1400, height: 900 }, [screen])).toEqual({ width: 1400, height: 900 });
  });

  it('uses the default size when nothing sane was saved', () => {
    expect(restoreBounds(null, [screen])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds({ x: 0, y: 0, width: 10, height: 10 }, [screen])).toEqual(DEFAULT_SIZE);
  });

  it('accepts a window on a second display', () => {
    expect(restoreBounds({ x: 2000, y: 50, width: 1000, height: 700 }, [screen, { x: 1920, y: 0, width: 1920, height: 1080 }])).toEqual({ x: 2000, y: 50, width: 1000, height: 700 });
  });
});
