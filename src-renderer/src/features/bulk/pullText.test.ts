import { describe, expect, it } from 'vitest';
import { dayNumber, planRange, planSentence, progressLine, timeLeft } from './pullText';

describe('planRange', () => {
  it('counts days and 28-day windows, both ends included', () => {
    expect(planRange('2025-07-01', '2025-12-31')).toEqual({ ok: true, days: 184, windows: 7 });
    expect(planRange('2025-01-01', '2025-12-31')).toEqual({ ok: true, days: 365, windows: 14 });
    expect(planRange('2024-02-28', '2024-03-01')).toEqual({ ok: true, days: 3, windows: 1 });
    expect(planRange('2026-03-05', '2026-03-05')).toEqual({ ok: true, days: 1, windows: 1 });
    expect(planSentence(planRange('2026-01-01', '2026-01-28'))).toBe('28 days: 1 window of at most 28 days.');
  });

  it('says what to fix', () => {
    expect(planRange('', '2025-01-01')).toEqual({ ok: false, message: 'Pick a From date.' });
    expect(planRange('2025-02-30', '2025-03-01')).toEqual({ ok: false, message: 'Pick a From date.' });
    expect(planRange('2025-03-01', '2025-02-01')).toEqual({ ok: false, message: 'The To date is before the From date.' });
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});

describe('progress words', () => {
  const base = { pullId: 'p', windowsTotal: 14, etaMs: 20_000, message: '' };
  it('names the current window while running', () => {
    expect(progressLine({ ...base, state: 'running', windowsDone: 2, rows: 1234 })).toBe('Window 3 of 14 · 1,234 rows · about 20 s left');
    expect(progressLine({ ...base, state: 'running', windowsDone: 0, rows: 0, etaMs: null })).toBe('Window 1 of 14 · 0 rows · estimating time left');
    expect(progressLine({ ...base, state: 'done', windowsDone: 14, rows: 1 })).toBe('14 of 14 windows · 1 row');
  });

  it('rounds time left to what people read', () => {
    expect(timeLeft(400)).toBe('about 1 s left');
    expect(timeLeft(150_000)).toBe('about 3 min left');
    expect(timeLeft(3 * 3_600_000)).toBe('about 3 h left');
  });
});
