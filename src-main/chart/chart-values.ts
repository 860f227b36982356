// Reading one value of a row the way a chart needs it: a calendar day, a number, a category.
// Humanity writes dates in several shapes (humanity-api.md §6, "Date/time formats at a glance"):
// date objects ({day, month, year, …} on shifts and payroll rows, plus `time` on timeclock
// points), `YYYY-MM-DD` and `YYYY-MM-DD HH:MM:SS` text, ISO-8601 with an offset on the task
// endpoints, and epoch seconds as text on timeclocks. Humanity's times are the account's wall
// clock, so a written date counts as written; only a bare epoch is read in UTC.

const DAY_MS = 86_400_000;
const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[ T]\d{2}:\d{2})/;
const EPOCH_TEXT = /^\d{9,13}$/;
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)$/;
/** Epochs read as dates only where the key says it is one (an `id` of 9 digits is not a date). */
const TIME_KEY = /(time|stamp|date|day|_at|At)$/;

/** Days since 1970-01-01 (UTC calendar) of a real date, else null. */
export function dayFromParts(year: number, month: number, day: number): number | null {
  if (![year, month, day].every(Number.isInteger) || year < 1970 || year > 2999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? ms / DAY_MS : null;
}

function dayFromEpoch(value: number): number | null {
  const ms = value > 1e11 ? value : value * 1000;
  const day = Math.floor(ms / DAY_MS);
  return day > 0 && day < 376_000 ? day : null;
}

/** The calendar day `value` stands for, or null. `key` is the field's last name (for epochs). */
export function dayOf(value: unknown, key: string): number | null {
  if (isRecord(value)) {
    const parts = [value.year, value.month, value.day].map(Number);
    if (value.year !== undefined && value.month !== undefined && value.day !== undefined) return dayFromParts(parts[0]!, parts[1]!, parts[2]!);
    return value.timestamp !== undefined ? dayOf(value.timestamp, 'timestamp') : null;
  }
  if (typeof value === 'string') {
    const match = DAY_PREFIX.exec(value.trim());
    if (match) return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
    return EPOCH_TEXT.test(value.trim()) && TIME_KEY.test(key) ? dayFromEpoch(Number(value)) : null;
  }
  if (typeof value === 'number' && TIME_KEY.test(key) && value >= 1e8) return dayFromEpoch(value);
  return null;
}

/** A number: numbers, numeric text ("8.00"), and durations as hours ({hours, mins} on timeclocks). */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return NUMBER_TEXT.test(value.trim()) ? Number(value) : null;
  if (isDuration(value)) return Number(value.hours) + Number(value.mins) / 60;
  return null;
}

/** A category's label: text as is, numbers and booleans written out; null when missing or empty. */
export function categoryOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function isDuration(value: unknown): value is { hours: number; mins: number } {
  return isRecord(value) && typeof value.hours === 'number' && typeof value.mins === 'number' && Object.keys(value).length === 2;
}

/** A date object: read whole, as one date, not as its parts. */
export function isDateObject(value: unknown): boolean {
  return isRecord(value) && ((value.year !== undefined && value.month !== undefined && value.day !== undefined) || (value.timestamp !== undefined && value.formatted !== undefined));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path ("hours.total"), or undefined. */
export function valueAt(row: unknown, path: readonly string[]): unknown {
  let node = row;
  for (const key of path) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** `YYYY-MM-DD` of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
