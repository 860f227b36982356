// Splits a long date range into windows Humanity will answer: /shifts fails with HTTP 500 past
// about a month (humanity-api.md §7.1), so bulk pulls ask for at most 28 days at a time.
// Dates are calendar days (YYYY-MM-DD, both ends inclusive) counted on UTC day numbers, so the
// machine's time zone and DST can never shift a boundary.
import { AppError } from '../shared/app-error';

export const MAX_WINDOW_DAYS = 28;

export interface DateWindow {
  readonly start: string;
  readonly end: string;
}

const DAY_MS = 86_400_000;

/** Consecutive, non-overlapping windows of at most `maxDays` days covering exactly [start, end]. */
export function splitRange(start: string, end: string, maxDays = MAX_WINDOW_DAYS): DateWindow[] {
  if (!Number.isInteger(maxDays) || maxDays < 1) {
    throw new AppError('invalid_input', 'The window size must be a whole number of days, at least 1.');
  }
  const [first, last] = orderedDays(start, end);
  const windows: DateWindow[] = [];
  for (let day = first; day <= last; day += maxDays) {
    windows.push({ start: isoDate(day), end: isoDate(Math.min(day + maxDays - 1, last)) });
  }
  return windows;
}

/** How many calendar days [start, end] spans, both ends included. */
export function countDays(start: string, end: string): number {
  const [first, last] = orderedDays(start, end);
  return last - first + 1;
}

function orderedDays(start: string, end: string): [number, number] {
  const first = dayNumber(start, 'Start date');
  const last = dayNumber(end, 'End date');
  if (last < first) throw new AppError('invalid_input', `The end date ${end} is before the start date ${start}.`);
  return [first, last];
}

/** Days since 1970-01-01 for a real calendar date written YYYY-MM-DD. */
function dayNumber(text: string, label: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new AppError('invalid_input', `${label} "${text}" must be written YYYY-MM-DD, like 2026-03-01.`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear rather than Date.UTC, which reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // Out-of-range parts roll over (Feb 30 → Mar 2), so a changed part means the date does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new AppError('invalid_input', `${label} ${text} is not a real calendar date.`);
  }
  return date.getTime() / DAY_MS;
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
