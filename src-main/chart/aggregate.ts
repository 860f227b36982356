// A chart of a list of records, computed where the rows live (the body worker for a response,
// main for a Pull range), so the window receives the series only: at most CHART_BUCKETS_MAX
// buckets on the x axis and CHART_SERIES_MAX series plus "Other" (docs/architecture.md, "Charts").
import { AppError } from '../shared/app-error';
import { CHART_BUCKETS_MAX } from '../shared/channels';
import type { ChartData, ChartSpec } from '../shared/contract';
import { discoverFields } from './chart-fields';
import { resolveSpec, type ResolvedSpec } from './chart-defaults';
import { categoryOf, dayOf, isoOfDay, isRecord, numberOf, valueAt } from './chart-values';

/** Categories on the x axis: the largest ones, the rest together as "Other". */
export const CATEGORIES_MAX = 50;
export const OTHER = 'Other';
export const NONE = '(none)';
const DAY_S = 86_400;

type Bucket = 'day' | 'week' | 'month';
interface Cell {
  sum: number;
  n: number;
}
/** x key → split key → running sum and count. */
type Cells = Map<string | number, Map<string, Cell>>;

export function chartOf(rows: readonly unknown[], spec: ChartSpec): ChartData {
  if (rows.length === 0) throw new AppError('invalid_input', 'The list is empty, so there is nothing to chart.');
  const fields = discoverFields(rows);
  if (fields.length === 0) throw new AppError('invalid_input', 'The rows have no fields to chart.');
  const resolved = resolveSpec(fields, spec);
  const notes: string[] = [];
  const { cells, weights, used, days } = tally(rows, resolved, notes);
  const bucket = resolved.x.kind === 'date' ? bucketFor(resolved, days) : null;
  const groups = seriesGroups(weights, resolved, notes);
  const axis = bucket ? dateAxis(cells, bucket, notes) : categoryAxis(cells, resolved, notes);
  const series = groups.map((group) => ({ name: group.name, values: axis.keys.map((keys) => valueOf(cells, keys, group.members, resolved.y)) }));
  const yLabel = resolved.y === 'count' ? 'Count of rows' : `${resolved.y === 'sum' ? 'Sum' : 'Average'} of ${resolved.yField!.path}`;
  const xLabel = bucket ? `${resolved.x.path} (${bucket === 'week' ? 'weeks starting Monday' : `by ${bucket}`})` : resolved.x.path;
  return {
    fields: fields.map(({ path, kind, distinct }) => ({ path, kind, distinct })),
    spec: { x: resolved.x.path, bucket, y: resolved.y, yField: resolved.yField?.path ?? null, split: resolved.split?.path ?? null, top: resolved.top },
    title: `${yLabel} per ${bucket ?? resolved.x.path}${resolved.split ? `, by ${resolved.split.path}` : ''}`,
    xLabel,
    yLabel,
    labels: axis.labels,
    xStarts: axis.starts,
    series,
    rows: rows.length,
    used,
    notes,
  };
}

/** One pass over the rows: each row's x key (a day for dates), y value and split key. */
function tally(rows: readonly unknown[], spec: ResolvedSpec, notes: string[]) {
  const cells: Cells = new Map();
  const weights = new Map<string, number>();
  const days: number[] = [];
  const [xKey, yKeys, splitKeys] = [spec.x.keys, spec.yField?.keys, spec.split?.keys];
  let [noX, noY, used] = [0, 0, 0];
  for (const item of rows) {
    const row = isRecord(item) ? item : { value: item };
    const raw = valueAt(row, xKey);
    const x = spec.x.kind === 'date' ? dayOf(raw, xKey.at(-1)!) : (categoryOf(raw) ?? NONE);
    if (x === null) {
      noX += 1;
      continue;
    }
    const y = yKeys ? numberOf(valueAt(row, yKeys)) : 1;
    if (y === null) {
      noY += 1;
      continue;
    }
    const split = splitKeys ? (categoryOf(valueAt(row, splitKeys)) ?? NONE) : '';
    if (typeof x === 'number') days.push(x);
    let line = cells.get(x);
    if (!line) cells.set(x, (line = new Map()));
    const cell = line.get(split) ?? { sum: 0, n: 0 };
    line.set(split, { sum: cell.sum + y, n: cell.n + 1 });
    weights.set(split, (weights.get(split) ?? 0) + (spec.y === 'avg' ? 1 : Math.abs(y)));
    used += 1;
  }
  if (noX) notes.push(`${count(noX)} without a date in ${spec.x.path} ${noX === 1 ? 'is' : 'are'} left out.`);
  if (noY) notes.push(`${count(noY)} without a number in ${spec.yField!.path} ${noY === 1 ? 'is' : 'are'} left out.`);
  if (!used) throw new AppError('invalid_input', `No row has ${noX ? `a date in ${spec.x.path}` : `a number in ${spec.yField!.path}`}, so there is nothing to chart. Pick another field.`);
  return { cells, weights, used, days };
}

/** Automatic: days for up to two months, weeks up to two years, months beyond; punch lengths by week. */
function bucketFor(spec: ResolvedSpec, days: number[]): Bucket {
  if (spec.bucket !== 'auto') return spec.bucket;
  let [first, last] = [Infinity, -Infinity];
  for (const day of days) [first, last] = [Math.min(first, day), Math.max(last, day)];
  const span = last - first + 1;
  if (span <= (spec.yField?.duration ? 14 : 62)) return 'day';
  return span <= 730 ? 'week' : 'month';
}

/** The series: one without a split; else the `top` largest values, the rest merged as "Other". */
function seriesGroups(weights: Map<string, number>, spec: ResolvedSpec, notes: string[]): Array<{ name: string; members: Set<string> }> {
  if (!spec.split) return [{ name: spec.y === 'count' ? 'Count' : spec.yField!.path, members: new Set(['']) }];
  const ranked = [...weights.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key]) => key);
  const groups = ranked.slice(0, spec.top).map((key) => ({ name: key, members: new Set([key]) }));
  const rest = ranked.slice(spec.top);
  if (rest.length) {
    groups.push({ name: OTHER, members: new Set(rest) });
    notes.push(`${rest.length} more ${rest.length === 1 ? 'value' : 'values'} of ${spec.split.path} ${rest.length === 1 ? 'is' : 'are'} shown together as “${OTHER}”.`);
  }
  return groups;
}

function bucketStart(day: number, bucket: Bucket): number {
  if (bucket === 'day') return day;
  if (bucket === 'week') return day - ((day + 3) % 7);
  const date = new Date(day * DAY_S * 1000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / (DAY_S * 1000);
}

function nextBucket(start: number, bucket: Bucket): number {
  if (bucket === 'day') return start + 1;
  if (bucket === 'week') return start + 7;
  const date = new Date(start * DAY_S * 1000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / (DAY_S * 1000);
}

/** Every bucket from the first to the last (empty ones too, so gaps show), capped. */
function dateAxis(cells: Cells, bucket: Bucket, notes: string[]) {
  const byBucket = new Map<number, Array<string | number>>();
  for (const day of cells.keys() as Iterable<number>) {
    const start = bucketStart(day, bucket);
    const days = byBucket.get(start);
    if (days) days.push(day);
    else byBucket.set(start, [day]);
  }
  const starts = [...byBucket.keys()].sort((a, b) => a - b);
  const all: number[] = [];
  for (let start = starts[0]!; start <= starts.at(-1)! && all.length <= CHART_BUCKETS_MAX; start = nextBucket(start, bucket)) all.push(start);
  if (all.length > CHART_BUCKETS_MAX) {
    all.length = CHART_BUCKETS_MAX;
    notes.push(`Only the first ${CHART_BUCKETS_MAX} ${bucket}s are shown (up to ${isoOfDay(all.at(-1)!)}). Pick a longer bucket to see them all.`);
  }
  return {
    keys: all.map((start) => byBucket.get(start) ?? []),
    labels: all.map((start) => (bucket === 'month' ? isoOfDay(start).slice(0, 7) : isoOfDay(start))),
    starts: all.map((start) => start * DAY_S),
  };
}

/** Categories largest first; past CATEGORIES_MAX the rest are one "Other" bucket. */
function categoryAxis(cells: Cells, spec: ResolvedSpec, notes: string[]) {
  const size = (key: string | number) => [...cells.get(key)!.values()].reduce((sum, cell) => sum + (spec.y === 'avg' ? cell.n : Math.abs(cell.sum)), 0);
  const ranked = [...cells.keys()].map((key) => ({ key, size: size(key) })).sort((a, b) => b.size - a.size || String(a.key).localeCompare(String(b.key), undefined, { numeric: true }));
  const shown = ranked.slice(0, CATEGORIES_MAX).map(({ key }) => [key]);
  const rest = ranked.slice(CATEGORIES_MAX).map(({ key }) => key);
  if (rest.length) {
    shown.push(rest);
    notes.push(`The ${CATEGORIES_MAX} largest values of ${spec.x.path} are shown; ${rest.length} more are together as “${OTHER}”.`);
  }
  return { keys: shown, labels: shown.map((keys, i) => (i === CATEGORIES_MAX ? OTHER : String(keys[0]))), starts: null };
}

/** Count and sum add up; an average divides the summed parts; an empty bucket is 0 (or no average). */
function valueOf(cells: Cells, keys: Array<string | number>, members: Set<string>, y: ResolvedSpec['y']): number | null {
  let [sum, n] = [0, 0];
  for (const key of keys) {
    for (const [split, cell] of cells.get(key) ?? []) {
      if (!members.has(split)) continue;
      sum += cell.sum;
      n += cell.n;
    }
  }
  if (y === 'avg') return n ? round(sum / n) : null;
  return round(sum);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function count(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;
}
