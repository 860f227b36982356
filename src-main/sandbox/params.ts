// Request field parsing. `parse*` functions check one value and throw an ApiError with status 9
// when it is invalid; the `*Param` readers return undefined for an absent (or empty) field, so
// handlers read like a checklist. Required fields go through requireParams first.
import { dayOf, parseIsoDay, windowDays, type DayWindow } from './dates';
import { ApiError, Status } from './envelope';
import type { Params } from './http-io';

const MAX_LONG_WINDOW_DAYS = 366;

export function invalid(message: string): ApiError {
  return new ApiError(Status.invalidParameters, message);
}

export function textParam(params: Params, name: string): string | undefined {
  const value = params[name]?.trim();
  return value === '' ? undefined : value;
}

/** The fields' values in order; throws status 8 naming every missing field. */
export function requireParams(params: Params, names: readonly string[]): string[] {
  const values = names.map((name) => textParam(params, name));
  const missing = names.filter((_, index) => values[index] === undefined);
  if (missing.length > 0) {
    throw new ApiError(Status.missingParameters, `Missing required parameter(s): ${missing.join(', ')}`);
  }
  return values as string[];
}

function parseInteger(text: string, name: string, min: number, max: number): number {
  const number = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (!(number >= min && number <= max)) throw invalid(`${name} must be a whole number from ${min} to ${max}`);
  return number;
}

/** A single positive id or a comma list of them (`schedule=301,302`), without duplicates. */
function parseIds(text: string, name: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  if (!parts.every((part) => /^\d{1,15}$/.test(part) && Number(part) > 0)) {
    throw invalid(`${name} must be an id or a comma-separated list of ids`);
  }
  return [...new Set(parts.map(Number))];
}

export function parseId(text: string, name: string): number {
  const ids = parseIds(text, name);
  if (ids.length > 1) throw invalid(`${name} takes a single id`);
  return ids[0];
}

export function parseDay(text: string, name: string): number {
  const day = parseIsoDay(text);
  if (day === undefined) throw invalid(`${name} "${text}" is not a valid date; use YYYY-MM-DD`);
  return day;
}

/** `HH:MM[:SS]` (24 h) or `h:mm am|pm` → minutes after midnight. */
export function parseTime(text: string, name: string): number {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*(am|pm)?$/i.exec(text);
  const meridiem = match?.[3]?.toLowerCase();
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  const hourOk = meridiem ? hours >= 1 && hours <= 12 : hours <= 23;
  if (!match || !hourOk || minutes > 59) throw invalid(`${name} "${text}" is not a valid time; use HH:MM`);
  const hours24 = meridiem ? (hours % 12) + (meridiem === 'pm' ? 12 : 0) : hours;
  return hours24 * 60 + minutes;
}

export function parseChoice<T extends string>(text: string, name: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) throw invalid(`${name} must be one of: ${allowed.join(', ')}`);
  return text as T;
}

/** Runs `parse` on the field when it is present. */
export function optional<T>(params: Params, name: string, parse: (text: string, name: string) => T): T | undefined {
  const text = textParam(params, name);
  return text === undefined ? undefined : parse(text, name);
}

export function intParam(params: Params, name: string, min: number, max: number): number | undefined {
  return optional(params, name, (text) => parseInteger(text, name, min, max));
}

export function idParam(params: Params, name: string): number | undefined {
  return optional(params, name, parseId);
}

export function idListParam(params: Params, name: string): number[] | undefined {
  return optional(params, name, parseIds);
}

export function dayParam(params: Params, name: string): number | undefined {
  return optional(params, name, parseDay);
}

export function timeParam(params: Params, name: string): number | undefined {
  return optional(params, name, parseTime);
}

/** `start_date`/`end_date`; today when absent, a single day when only the start is given. */
export function readWindow(params: Params, now: number): DayWindow {
  const first = dayParam(params, 'start_date') ?? dayOf(now);
  const last = dayParam(params, 'end_date') ?? first;
  if (last < first) throw invalid('end_date must not be before start_date');
  return { first, last };
}

/**
 * The window for timeclocks, leaves and reports, which may be long (unlike /shifts, whose
 * handler applies Humanity's one-month rule); capped at a year so one call stays small.
 */
export function readLongWindow(params: Params, now: number): DayWindow {
  const window = readWindow(params, now);
  if (windowDays(window) > MAX_LONG_WINDOW_DAYS) {
    throw invalid(`The date range may span at most ${MAX_LONG_WINDOW_DAYS} days`);
  }
  return window;
}

/** `ids` unchanged when every one exists in `collection`; otherwise status 9 naming the unknown ones. */
export function knownIds(ids: number[], collection: { has(id: number): boolean }, name: string): number[] {
  const unknown = ids.filter((id) => !collection.has(id));
  if (unknown.length > 0) throw invalid(`${name}: unknown id(s) ${unknown.join(', ')}`);
  return ids;
}

export function knownId(id: number, collection: ReadonlyMap<number, unknown>, name: string): number {
  return knownIds([id], collection, name)[0];
}
