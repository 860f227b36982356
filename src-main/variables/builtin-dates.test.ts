import { describe, expect, it } from 'vitest';
import { builtinDate, isBuiltinDateName } from './builtin-dates';

// Local wall-clock instants: the built-ins follow the user's calendar day, whatever the time zone.
const at = (year: number, month: number, day: number, hour = 12, minute = 0) => new Date(year, month - 1, day, hour, minute).getTime();

describe('built-in dates', () => {
  it('names today, yesterday and tomorrow as YYYY-MM-DD', () => {
    const now = at(2025, 3, 5);
    expect(builtinDate('today', now)).toBe('2025-03-05');
    expect(builtinDate('yesterday', now)).toBe('2025-03-04');
    expect(builtinDate('tomorrow', now)).toBe('2025-03-06');
  });

  it('uses the local calendar day just after midnight and just before it', () => {
    expect(builtinDate('today', at(2025, 3, 5, 0, 1))).toBe('2025-03-05');
    expect(builtinDate('today', at(2025, 3, 5, 23, 59))).toBe('2025-03-05');
  });

  it('crosses month and year boundaries', () => {
    expect(builtinDate('yesterday', at(2025, 1, 1))).toBe('2024-12-31');
    expect(builtinDate('tomorrow', at(2024, 12, 31))).toBe('2025-01-01');
    expect(builtinDate('tomorrow', at(2024, 2, 28))).toBe('2024-02-29');
    expect(builtinDate('tomorrow', at(2023, 2, 28))).toBe('2023-03-01');
  });

  it('runs weeks Monday to Sunday, also when today is Sunday or Monday', () => {
    // 2025-03-05 is a Wednesday.
    expect(builtinDate('startOfWeek', at(2025, 3, 5))).toBe('2025-03-03');
    expect(builtinDate('endOfWeek', at(2025, 3, 5))).toBe('2025-03-09');
    // Sunday belongs to the week that started the Monday before.
    expect(builtinDate('startOfWeek', at(2025, 3, 9))).toBe('2025-03-03');
    expect(builtinDate('endOfWeek', at(2025, 3, 9))).toBe('2025-03-09');
    expect(builtinDate('startOfWeek', at(2025, 3, 10))).toBe('2025-03-10');
    // A week spanning the new year.
    expect(builtinDate('startOfWeek', at(2025, 1, 1))).toBe('2024-12-30');
    expect(builtinDate('endOfWeek', at(2024, 12, 30))).toBe('2025-01-05');
  });

  it('knows month ends, including leap Februaries', () => {
    expect(builtinDate('startOfMonth', at(2025, 4, 17))).toBe('2025-04-01');
    expect(builtinDate('endOfMonth', at(2025, 4, 17))).toBe('2025-04-30');
    expect(builtinDate('endOfMonth', at(2024, 2, 10))).toBe('2024-02-29');
    expect(builtinDate('endOfMonth', at(2023, 2, 10))).toBe('2023-02-28');
    expect(builtinDate('endOfMonth', at(2100, 2, 10))).toBe('2100-02-28');
    expect(builtinDate('endOfMonth', at(2000, 2, 10))).toBe('2000-02-29');
  });

  it('adds and subtracts days and weeks', () => {
    const now = at(2025, 3, 5);
    expect(builtinDate('today+7d', now)).toBe('2025-03-12');
    expect(builtinDate('today-3d', now)).toBe('2025-03-02');
    expect(builtinDate('today+2w', now)).toBe('2025-03-19');
    expect(builtinDate('today-10d', now)).toBe('2025-02-23');
    expect(builtinDate('today+0d', now)).toBe('2025-03-05');
    expect(builtinDate('startOfWeek+7d', now)).toBe('2025-03-10');
    expect(builtinDate('endOfMonth+1d', now)).toBe('2025-04-01');
    expect(builtinDate('today+366d', now)).toBe('2026-03-06');
  });

  it('clamps month arithmetic to the end of the target month', () => {
    expect(builtinDate('today+1m', at(2024, 1, 31))).toBe('2024-02-29');
    expect(builtinDate('today+1m', at(2023, 1, 31))).toBe('2023-02-28');
    expect(builtinDate('today-1m', at(2025, 3, 31))).toBe('2025-02-28');
    expect(builtinDate('today+1m', at(2025, 8, 31))).toBe('2025-09-30');
    expect(builtinDate('today+12m', at(2024, 2, 29))).toBe('2025-02-28');
    expect(builtinDate('today+48m', at(2024, 2, 29))).toBe('2028-02-29');
    expect(builtinDate('today-1m', at(2025, 1, 15))).toBe('2024-12-15');
    expect(builtinDate('today+13m', at(2025, 12, 15))).toBe('2027-01-15');
  });

  it('applies month offsets to other built-ins: last month and the end of next month', () => {
    expect(builtinDate('startOfMonth-1m', at(2025, 3, 31))).toBe('2025-02-01');
    expect(builtinDate('endOfMonth-1m', at(2025, 3, 31))).toBe('2025-02-28');
    expect(builtinDate('endOfMonth-1m', at(2024, 3, 31))).toBe('2024-02-29');
    // From a short month the end of next month is still the real last day, not the 28th.
    expect(builtinDate('endOfMonth+1m', at(2025, 2, 10))).toBe('2025-03-31');
    expect(builtinDate('startOfMonth+1m', at(2025, 12, 31))).toBe('2026-01-01');
  });

  it('tolerates spaces around the offset and rejects anything else', () => {
    const now = at(2025, 3, 5);
    expect(builtinDate(' today + 7d ', now)).toBe('2025-03-12');
    for (const name of ['Today', 'today+7', 'today+7y', 'today*2d', 'now', 'today+12345d', 'todayx', '']) {
      expect(builtinDate(name, now)).toBeNull();
      expect(isBuiltinDateName(name)).toBe(false);
    }
    expect(isBuiltinDateName('startOfMonth-1m')).toBe(true);
  });
});
