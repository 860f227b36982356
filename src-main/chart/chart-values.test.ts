import { describe, expect, it } from 'vitest';
import { dayOf, isoOfDay, numberOf } from './chart-values';

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

describe('dates in the shapes Humanity writes them', () => {
  it('reads date objects by their day, month and year (the wall-clock day), or their timestamp', () => {
    expect(dayOf({ day: 2, month: 3, year: 2026, weekday: 'Mon', formatted: 'Mar 2, 2026', timestamp: 1772409600 }, 'start_date')).toBe(day('2026-03-02'));
    expect(dayOf({ time: '09:00', day: 31, month: 12, year: 2025 }, 'in_time')).toBe(day('2025-12-31'));
    expect(dayOf({ formatted: 'Mar 2, 2026', timestamp: 1772409600 }, 'date')).toBe(day('2026-03-02'));
    expect(dayOf({ day: 31, month: 2, year: 2026 }, 'date')).toBeNull();
  });

  it('reads YYYY-MM-DD, YYYY-MM-DD HH:MM:SS and ISO-8601 text by the date written', () => {
    expect(dayOf('2026-03-02', 'start_day')).toBe(day('2026-03-02'));
    expect(dayOf('2026-03-02 23:30:00', 'start_timestamp')).toBe(day('2026-03-02'));
    expect(dayOf('2025-10-02T23:29:03-05:00', 'createdAt')).toBe(day('2025-10-02'));
    expect(dayOf('2026-13-02', 'start_day')).toBeNull();
    expect(dayOf('March 2', 'start_day')).toBeNull();
  });

  it('reads epoch seconds (text or number, and milliseconds) only in fields named like a time', () => {
    expect(dayOf('1772409600', 'in_timestamp')).toBe(day('2026-03-02'));
    expect(dayOf(1772409600000, 'timestamp')).toBe(day('2026-03-02'));
    expect(dayOf('1772409600', 'id')).toBeNull();
    expect(dayOf(42, 'timestamp')).toBeNull();
    expect(isoOfDay(day('2026-03-02'))).toBe('2026-03-02');
  });
});

describe('numbers', () => {
  it('reads numbers, numeric text and {hours, mins} durations as hours', () => {
    expect(numberOf(7.5)).toBe(7.5);
    expect(numberOf('8.00')).toBe(8);
    expect(numberOf('-0.5')).toBe(-0.5);
    expect(numberOf({ hours: 7, mins: 45 })).toBe(7.75);
    expect(numberOf('8 h')).toBeNull();
    expect(numberOf('')).toBeNull();
    expect(numberOf(null)).toBeNull();
    expect(numberOf(Number.NaN)).toBeNull();
  });
});
