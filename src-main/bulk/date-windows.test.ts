import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { countDays, splitRange, type DateWindow } from './date-windows';

/** The windows are back to back, none longer than maxDays, and together exactly [start, end]. */
function expectTiling(windows: DateWindow[], start: string, end: string, maxDays: number): void {
  expect(windows[0].start).toBe(start);
  expect(windows.at(-1)!.end).toBe(end);
  for (const [index, window] of windows.entries()) {
    const days = countDays(window.start, window.end);
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(maxDays);
    if (index > 0) expect(countDays(windows[index - 1].end, window.start)).toBe(2);
  }
  expect(windows.reduce((sum, w) => sum + countDays(w.start, w.end), 0)).toBe(countDays(start, end));
}

function invalidInput(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('countDays', () => {
  it('counts both ends, across month ends, leap days and years', () => {
    expect(countDays('2026-03-01', '2026-03-01')).toBe(1);
    expect(countDays('2026-01-31', '2026-02-01')).toBe(2);
    expect(countDays('2024-02-01', '2024-03-01')).toBe(30);
    expect(countDays('2025-02-01', '2025-03-01')).toBe(29);
    expect(countDays('2024-01-01', '2024-12-31')).toBe(366);
    expect(countDays('2025-12-31', '2026-01-01')).toBe(2);
  });

  it('ignores DST: ranges over clock changes are whole days in any machine zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'UTC']) {
        // Node re-reads TZ on assignment; local-time arithmetic would gain or lose an hour here.
        process.env.TZ = zone;
        expect(countDays('2026-03-07', '2026-03-30')).toBe(24);
        expect(countDays('2026-10-24', '2026-11-02')).toBe(10);
        expect(splitRange('2026-03-01', '2026-04-30')).toEqual([
          { start: '2026-03-01', end: '2026-03-28' },
          { start: '2026-03-29', end: '2026-04-25' },
          { start: '2026-04-26', end: '2026-04-30' },
        ]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('splitRange', () => {
  it('returns one window for a single day and for a range shorter than a window', () => {
    expect(splitRange('2026-03-15', '2026-03-15')).toEqual([{ start: '2026-03-15', end: '2026-03-15' }]);
    expect(splitRange('2026-03-01', '2026-03-10')).toEqual([{ start: '2026-03-01', end: '2026-03-10' }]);
  });

  it('returns one window for exactly maxDays and two for maxDays + 1', () => {
    expect(splitRange('2026-03-01', '2026-03-28')).toEqual([{ start: '2026-03-01', end: '2026-03-28' }]);
    expect(splitRange('2026-03-01', '2026-03-29')).toEqual([
      { start: '2026-03-01', end: '2026-03-28' },
      { start: '2026-03-29', end: '2026-03-29' },
    ]);
  });

  it('steps over month ends', () => {
    expect(splitRange('2026-01-20', '2026-03-31')).toEqual([
      { start: '2026-01-20', end: '2026-02-16' },
      { start: '2026-02-17', end: '2026-03-16' },
      { start: '2026-03-17', end: '2026-03-31' },
    ]);
  });

  it('counts the leap day 2024-02-29', () => {
    expect(splitRange('2024-02-01', '2024-03-31')).toEqual([
      { start: '2024-02-01', end: '2024-02-28' },
      { start: '2024-02-29', end: '2024-03-27' },
      { start: '2024-03-28', end: '2024-03-31' },
    ]);
    expect(splitRange('2024-02-29', '2024-02-29')).toEqual([{ start: '2024-02-29', end: '2024-02-29' }]);
  });

  it('crosses a year boundary', () => {
    expect(splitRange('2025-12-20', '2026-01-20')).toEqual([
      { start: '2025-12-20', end: '2026-01-16' },
      { start: '2026-01-17', end: '2026-01-20' },
    ]);
  });

  it('splits 2025 into 14 windows, 13 full ones and a shorter last one', () => {
    const windows = splitRange('2025-01-01', '2025-12-31');
    expect(windows).toHaveLength(14);
    expect(windows.slice(0, 13).every((w) => countDays(w.start, w.end) === 28)).toBe(true);
    expect(windows[12]).toEqual({ start: '2025-12-03', end: '2025-12-30' });
    // 13 × 28 = 364 days, so the 365th day is a window of its own.
    expect(windows[13]).toEqual({ start: '2025-12-31', end: '2025-12-31' });
    expectTiling(windows, '2025-01-01', '2025-12-31', 28);
  });

  it('tiles a 12-month range over a leap year exactly, for several window sizes', () => {
    for (const maxDays of [1, 7, 28, 31, 400]) {
      const windows = splitRange('2023-07-15', '2024-07-14', maxDays);
      expect(windows).toHaveLength(Math.ceil(366 / maxDays));
      expectTiling(windows, '2023-07-15', '2024-07-14', maxDays);
    }
  });

  it('refuses badly written dates, naming which one', () => {
    expect(invalidInput(() => splitRange('2026-3-1', '2026-03-31')).message).toBe(
      'Start date "2026-3-1" must be written YYYY-MM-DD, like 2026-03-01.',
    );
    expect(invalidInput(() => splitRange('2026-03-01', '31/03/2026')).message).toMatch(/^End date "31\/03\/2026"/);
    invalidInput(() => splitRange('', '2026-03-31'));
  });

  it('refuses dates that do not exist', () => {
    expect(invalidInput(() => splitRange('2026-02-30', '2026-03-31')).message).toBe(
      'Start date 2026-02-30 is not a real calendar date.',
    );
    expect(invalidInput(() => splitRange('2026-01-01', '2025-02-29')).message).toMatch(/^End date 2025-02-29/);
    invalidInput(() => splitRange('2026-13-01', '2026-13-02'));
    invalidInput(() => splitRange('2026-04-31', '2026-05-01'));
    invalidInput(() => splitRange('2026-00-10', '2026-01-01'));
  });

  it('refuses an end before the start', () => {
    expect(invalidInput(() => splitRange('2026-03-02', '2026-03-01')).message).toBe(
      'The end date 2026-03-01 is before the start date 2026-03-02.',
    );
    invalidInput(() => countDays('2026-03-02', '2026-03-01'));
  });

  it('refuses a window size that is not a positive whole number', () => {
    invalidInput(() => splitRange('2026-03-01', '2026-03-31', 0));
    invalidInput(() => splitRange('2026-03-01', '2026-03-31', 2.5));
  });
});
