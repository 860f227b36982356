// Arrays of records, as Humanity answers lists (`data` of the envelope) or a bare array: where
// they are, which fields could match them, and the matching itself. Records are matched by key:
// the n-th record with a key on one side goes with the n-th record with that key on the other
// (so a key held twice is matched in order); a record without a usable key is matched by its
// position. Each pair is then compared field by field (json-diff.ts).
import { diffValues, jsonKind, type DiffSink } from './json-diff';

/** Records looked at to tell records from other arrays, and to offer keys. */
const SAMPLE = 200;

interface Records {
  /** Where the array is: "" the root, "/data" the envelope's data. */
  path: string;
  array: readonly unknown[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => jsonKind(value) === 'object';

/** The array of records in a body: the root itself, or the envelope's `data`; null otherwise. */
export function recordsOf(root: unknown): Records | null {
  const found = Array.isArray(root) ? { path: '', array: root } : isRecord(root) && Array.isArray(root.data) ? { path: '/data', array: root.data } : null;
  if (!found) return null;
  const sampled = Math.min(found.array.length, SAMPLE);
  for (let index = 0; index < sampled; index += 1) if (!isRecord(found.array[index])) return null;
  return found;
}

/** Fields that every sampled record of both sides holds as a string or a number; `id` first. */
export function keyOptions(before: readonly unknown[], after: readonly unknown[]): string[] {
  let options: Set<string> | null = null;
  for (const side of [before, after]) {
    const sampled = Math.min(side.length, SAMPLE);
    for (let index = 0; index < sampled; index += 1) {
      const record = side[index] as Record<string, unknown>;
      const usable = Object.keys(record).filter((name) => typeof record[name] === 'string' || typeof record[name] === 'number');
      options = options ? new Set(usable.filter((name) => options!.has(name))) : new Set(usable);
    }
  }
  return [...(options ?? [])].sort((a, b) => (a === 'id' ? -1 : b === 'id' ? 1 : a.localeCompare(b)));
}

interface RecordTally {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  duplicateKeys: number;
}

/** What a matching reports, row by row: a record only on one side, or a field of a matched pair. */
export interface RecordSink {
  record(kind: 'added' | 'removed', key: string, index: number, record: unknown): void;
  field(key: string, beforeIndex: number, afterIndex: number): DiffSink;
}

/** A record's key: its `key` field as text, or its position when it has none usable. */
function keyOf(record: unknown, key: string | null, index: number): string {
  const value = key !== null && isRecord(record) ? record[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : `#${index}`;
}

/** Numbers the n-th holder of a key ("12", then "12 (2)"), counting the keys held twice. */
class Occurrences {
  private readonly seen = new Map<string, number>();
  repeated = 0;

  name(key: string): string {
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    if (count === 2) this.repeated += 1;
    return count === 1 ? key : `${key} (${count})`;
  }
}

/**
 * Matches the records of `before` and `after` by `key` and reports the differences to `sink`.
 * `before` is read once in order and once by key, in `after`'s order: a batched array
 * (response/worker/batched-array.ts) keeps the last batches read, so answers in the same order
 * (the usual case) read each batch about once.
 */
export function matchRecords(before: readonly unknown[], after: readonly unknown[], key: string | null, sink: RecordSink): RecordTally {
  const tally: RecordTally = { added: 0, removed: 0, changed: 0, unchanged: 0, duplicateKeys: 0 };
  const beforeKeys = new Occurrences();
  const waiting = new Map<string, number>();
  for (let index = 0; index < before.length; index += 1) waiting.set(beforeKeys.name(keyOf(before[index], key, index)), index);
  const afterKeys = new Occurrences();
  for (let index = 0; index < after.length; index += 1) {
    const record = after[index];
    const name = afterKeys.name(keyOf(record, key, index));
    const match = waiting.get(name);
    if (match === undefined) {
      tally.added += 1;
      sink.record('added', name, index, record);
      continue;
    }
    waiting.delete(name);
    let differs = false;
    const fields = sink.field(name, match, index);
    diffValues(before[match], record, '', (...change) => {
      differs = true;
      fields(...change);
    });
    if (differs) tally.changed += 1;
    else tally.unchanged += 1;
  }
  for (const [name, index] of waiting) {
    tally.removed += 1;
    sink.record('removed', name, index, before[index]);
  }
  tally.duplicateKeys = Math.max(beforeKeys.repeated, afterKeys.repeated);
  return tally;
}
