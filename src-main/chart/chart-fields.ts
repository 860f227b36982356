// The fields a list of records offers a chart: every leaf reached through nested objects (as the
// table view flattens them), each classed as a date, a number or a category from the values the
// first rows hold. Date objects and {hours, mins} durations are one field each, not their parts.
import { categoryOf, dayOf, isDateObject, isDuration, isRecord, numberOf } from './chart-values';

export type FieldKind = 'date' | 'number' | 'category';

export interface ChartField {
  path: string;
  keys: string[];
  kind: FieldKind;
  /** Distinct values among the rows looked at (counted up to DISTINCT_MAX). */
  distinct: number;
  /** Every value is an {hours, mins} duration (timeclock lengths). */
  duration: boolean;
}

/** Rows looked at to learn the fields: enough to see every shape, cheap on a year of shifts. */
const SAMPLE_ROWS = 2000;
const DEPTH_MAX = 4;
const DISTINCT_MAX = 1000;
/** Identifiers are numbers but not quantities: offered as categories, never summed. A field of
 * mostly numbers is a number field (a stray "n/a" is left out of a sum, with a note). */
const ID_KEY = /(^id$|_id$|Id$|^userid$|^eid$)/;

interface Tally {
  keys: string[];
  present: number;
  dates: number;
  numbers: number;
  durations: number;
  distinct: Set<string>;
}

export function discoverFields(rows: readonly unknown[]): ChartField[] {
  const tallies = new Map<string, Tally>();
  for (const row of rows.slice(0, SAMPLE_ROWS)) walk(isRecord(row) ? row : { value: row }, [], tallies);
  return [...tallies.entries()].flatMap(([path, tally]) => {
    const kind = kindOf(tally);
    return kind ? [{ path, keys: tally.keys, kind, distinct: tally.distinct.size, duration: tally.durations === tally.present }] : [];
  });
}

function walk(record: Record<string, unknown>, keys: string[], tallies: Map<string, Tally>): void {
  for (const [key, value] of Object.entries(record)) {
    const path = [...keys, key];
    if (isRecord(value) && !isDateObject(value) && !isDuration(value)) {
      if (path.length < DEPTH_MAX) walk(value, path, tallies);
      continue;
    }
    if (Array.isArray(value)) continue;
    const name = path.join('.');
    let tally = tallies.get(name);
    if (!tally) tallies.set(name, (tally = { keys: path, present: 0, dates: 0, numbers: 0, durations: 0, distinct: new Set() }));
    count(tally, key, value);
  }
}

function count(tally: Tally, key: string, value: unknown): void {
  const text = isRecord(value) ? JSON.stringify(value) : categoryOf(value);
  if (text === null) return;
  tally.present += 1;
  if (dayOf(value, key) !== null) tally.dates += 1;
  if (numberOf(value) !== null) tally.numbers += 1;
  if (isDuration(value)) tally.durations += 1;
  if (tally.distinct.size < DISTINCT_MAX) tally.distinct.add(text);
}

function kindOf(tally: Tally): FieldKind | null {
  if (tally.present === 0) return null;
  if (tally.dates >= tally.present * 0.9) return 'date';
  if (tally.numbers >= tally.present * 0.8 && !ID_KEY.test(tally.keys.at(-1)!)) return 'number';
  return 'category';
}
