// Calendar helpers. The sandbox company runs on UTC, so wall-clock times, day boundaries and
// timestamps agree, and generated data depends on the date alone, never on the machine's zone.
// A "day" is the number of whole days since 1970-01-01.

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

// Dates outside this range are rejected as invalid parameters; it keeps day numbers (and the
// shift ids derived from them) positive and bounded.
export const FIRST_DAY = 0;
export const LAST_DAY = Date.UTC(2999, 11, 31) / DAY_MS;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface DayWindow {
  readonly first: number;
  readonly last: number;
}

/** The shape Humanity uses for `start_date`/`end_date` on shifts and `date` on payroll rows. */
export interface DateObject {
  day: number;
  month: number;
  year: number;
  weekday: string;
  formatted: string;
  timestamp: number;
}

export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** The Monday of the day's Monday–Sunday week (day 0, 1970-01-01, was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((day + 3) % 7);
}

export function windowDays(window: DayWindow): number {
  return window.last - window.first + 1;
}

/** `YYYY-MM-DD` → day, or undefined when the text is not a real calendar date in range. */
export function parseIsoDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    return undefined;
  }
  const day = ms / DAY_MS;
  return day >= FIRST_DAY && day <= LAST_DAY ? day : undefined;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS`, the form of Humanity's `*_timestamp` fields. */
export function timestampText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Seconds since the Unix epoch as a string, the form of timeclock `in_timestamp`/`out_timestamp`. */
export function epochText(ms: number): string {
  return String(Math.floor(ms / 1000));
}

/** A duration as whole hours and minutes, the form of timeclock `length`/`current_length`. */
export function hoursAndMinutes(ms: number): { hours: number; mins: number } {
  const minutes = Math.floor(ms / MINUTE_MS);
  return { hours: Math.floor(minutes / 60), mins: minutes % 60 };
}

/**
 * The same day of the next month. A day the next month lacks rolls over (Jan 31 → Mar 3, or
 * Mar 2 in a leap year), as PHP's "+1 month" does.
 */
export function sameDayNextMonth(day: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) / DAY_MS;
}

/** `HH:MM`, the form of report times. */
export function clockText(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

export function dateObject(ms: number): DateObject {
  const date = new Date(ms);
  const [day, month, year] = [date.getUTCDate(), date.getUTCMonth(), date.getUTCFullYear()];
  return {
    day,
    month: month + 1,
    year,
    weekday: WEEKDAYS[date.getUTCDay()],
    formatted: `${MONTHS[month]} ${day}, ${year}`,
    timestamp: Math.floor(ms / 1000),
  };
}
