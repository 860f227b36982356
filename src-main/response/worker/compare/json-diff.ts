// Two JSON values compared path by path: every place where they differ is reported once, at the
// deepest path where both sides still have the same kind of container. Arrays that are not
// matched as records (records.ts) are compared index by index. A value only one side has is
// undefined on the other (JSON has no undefined, so it stands for "missing"), which keeps
// `null` and "missing" apart (docs/architecture.md, "Comparing responses").
import type { CompareRow } from '../../../shared/contract';

export type ChangeKind = CompareRow['kind'];

/** Told of each difference: its kind, its path (a JSON Pointer below `path`), and both values. */
export type DiffSink = (kind: ChangeKind, path: string, before: unknown, after: unknown) => void;

type JsonKind = 'missing' | 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean';

/** Deeper than this, values are compared whole: a hostile body must not overflow the stack. */
const MAX_DEPTH = 256;

export function jsonKind(value: unknown): JsonKind {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'object' | 'string' | 'number' | 'boolean';
}

/** One JSON Pointer token ("a/b" → "a~1b"). */
function pointerToken(token: string | number): string {
  return typeof token === 'number' ? String(token) : token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reports every difference between `before` and `after` (both at `path`) to `sink`. */
export function diffValues(before: unknown, after: unknown, path: string, sink: DiffSink, depth = 0): void {
  if (before === after) return;
  const [kindBefore, kindAfter] = [jsonKind(before), jsonKind(after)];
  if (kindBefore !== kindAfter) {
    sink(kindBefore === 'missing' ? 'field added' : kindAfter === 'missing' ? 'field removed' : 'type changed', path, before, after);
    return;
  }
  if (kindBefore === 'object' || kindBefore === 'array') {
    if (depth >= MAX_DEPTH) {
      if (!sameJson(before, after)) sink('changed', path, before, after);
      return;
    }
    if (kindBefore === 'array') diffArrays(before as unknown[], after as unknown[], path, sink, depth + 1);
    else diffObjects(before as Record<string, unknown>, after as Record<string, unknown>, path, sink, depth + 1);
    return;
  }
  // Numbers: NaN cannot come out of JSON, so !== is exact here.
  sink('changed', path, before, after);
}

function diffObjects(before: Record<string, unknown>, after: Record<string, unknown>, path: string, sink: DiffSink, depth: number): void {
  for (const name of Object.keys(before)) {
    diffValues(before[name], Object.hasOwn(after, name) ? after[name] : undefined, `${path}/${pointerToken(name)}`, sink, depth);
  }
  for (const name of Object.keys(after)) {
    if (!Object.hasOwn(before, name)) diffValues(undefined, after[name], `${path}/${pointerToken(name)}`, sink, depth);
  }
}

function diffArrays(before: unknown[], after: unknown[], path: string, sink: DiffSink, depth: number): void {
  const length = Math.max(before.length, after.length);
  for (let index = 0; index < length; index += 1) {
    diffValues(index < before.length ? before[index] : undefined, index < after.length ? after[index] : undefined, `${path}/${index}`, sink, depth);
  }
}

/** Deep equality without recursion, for values nested deeper than diffValues walks. */
function sameJson(before: unknown, after: unknown): boolean {
  const pairs: Array<[unknown, unknown]> = [[before, after]];
  for (let pair = pairs.pop(); pair; pair = pairs.pop()) {
    const [a, b] = pair;
    if (a === b) continue;
    const kind = jsonKind(a);
    if (kind !== jsonKind(b) || (kind !== 'object' && kind !== 'array')) return false;
    const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
    const names = Object.keys(x);
    if (names.length !== Object.keys(y).length) return false;
    for (const name of names) {
      if (!Object.hasOwn(y, name)) return false;
      pairs.push([x[name], y[name]]);
    }
  }
  return true;
}
