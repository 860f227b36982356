// One comparison of two parsed bodies, kept in the body worker: the differences as rows (one per
// changed field, one per record added or removed), the counts, and pages of the rows filtered by
// group and searched, for the window and for exports (docs/architecture.md, "Comparing responses").
import { AppError } from '../../../shared/app-error';
import type { ComparePage, ComparePageInput, CompareRow } from '../../../shared/contract';
import type { ComparisonFacts } from '../../worker-protocol';
import { diffValues, type ChangeKind } from './json-diff';
import { keyOptions, matchRecords, recordsOf, type RecordSink } from './records';

/** Rows kept: beyond it the counts go on, the rows do not (the summary says `capped`). */
const MAX_ROWS = 200_000;
/** Characters of a value in a page for the view (exports get it whole). */
const VIEW_CHARS = 400;

interface Change {
  group: CompareRow['group'];
  kind: ChangeKind;
  key: string | null;
  path: string;
  beforePath: string | null;
  afterPath: string | null;
  /** The values themselves (undefined: missing), turned into text only for the rows asked for. */
  before: unknown;
  after: unknown;
}

/** A key the records lack would silently match them by position: say which fields can match instead. */
function unusableKey(key: string, options: readonly string[]): AppError {
  const usable = options.length ? `Match by one of: ${options.join(', ')}.` : 'No field is held by every record as a string or number, so records can only be matched by position (no key).';
  return new AppError('invalid_input', `Records cannot be matched by "${key}": not every record on both sides holds it as a string or number. ${usable}`);
}

const groupOf = (kind: ChangeKind): CompareRow['group'] => (kind === 'added' || kind === 'removed' ? kind : 'changed');

export class Comparison {
  private readonly changes: Change[] = [];
  private rows = 0;
  private filtered: { filter: string; query: string; indexes: number[] } | null = null;
  private readonly keep: (change: Change) => void;
  readonly facts: ComparisonFacts;

  constructor(before: unknown, after: unknown, requestedKey: string | null, maxRows = MAX_ROWS) {
    const [left, right] = [recordsOf(before), recordsOf(after)];
    this.keep = (change) => {
      this.rows += 1;
      if (this.changes.length < maxRows) this.changes.push(change);
    };
    this.facts = left && right && left.path === right.path ? this.compareRecords(left.array, right.array, left.path, requestedKey) : this.comparePaths(before, after);
    this.facts.capped = this.rows > this.changes.length;
    this.facts.counts.rows = this.rows;
  }

  private compareRecords(before: readonly unknown[], after: readonly unknown[], at: string, requestedKey: string | null): ComparisonFacts {
    const options = keyOptions(before, after);
    if (requestedKey !== null && !options.includes(requestedKey)) throw unusableKey(requestedKey, options);
    const key = requestedKey ?? (options.includes('id') ? 'id' : (options[0] ?? null));
    const sink: RecordSink = {
      record: (kind, name, index, record) => {
        const place = `${at}/${index}`;
        this.keep({ group: kind, kind, key: name, path: '', beforePath: kind === 'removed' ? place : null, afterPath: kind === 'added' ? place : null, before: kind === 'removed' ? record : undefined, after: kind === 'added' ? record : undefined });
      },
      field: (name, beforeIndex, afterIndex) => (kind, path, was, now) =>
        this.keep({ group: groupOf(kind), kind, key: name, path, beforePath: was === undefined ? null : `${at}/${beforeIndex}${path}`, afterPath: now === undefined ? null : `${at}/${afterIndex}${path}`, before: was, after: now }),
    };
    const { duplicateKeys, ...tally } = matchRecords(before, after, key, sink);
    return { mode: 'records', recordsPath: at, key, keyOptions: options, beforeRecords: before.length, afterRecords: after.length, duplicateKeys, counts: { ...tally, rows: 0 }, capped: false };
  }

  private comparePaths(before: unknown, after: unknown): ComparisonFacts {
    const counts = { added: 0, removed: 0, changed: 0, unchanged: 0, rows: 0 };
    diffValues(before, after, '', (kind, path, was, now) => {
      const group = was === undefined ? 'added' : now === undefined ? 'removed' : 'changed';
      counts[group] += 1;
      this.keep({ group, kind: group === 'changed' ? kind : group, key: null, path, beforePath: was === undefined ? null : path, afterPath: now === undefined ? null : path, before: was, after: now });
    });
    return { mode: 'paths', recordsPath: null, key: null, keyOptions: [], beforeRecords: 0, afterRecords: 0, duplicateKeys: 0, counts, capped: false };
  }

  /** A page of the rows in `filter`'s group whose text holds `query`; `whole`: values not shortened. */
  page({ filter, query, offset, limit }: Omit<ComparePageInput, 'compareId'>, whole = false): ComparePage {
    const indexes = this.matching(filter, query.trim().toLowerCase());
    const count = indexes ? indexes.length : this.changes.length;
    const rows: CompareRow[] = [];
    for (let at = offset; at < Math.min(count, offset + limit); at += 1) {
      const index = indexes ? indexes[at]! : at;
      rows.push(this.row(index, whole ? Infinity : VIEW_CHARS));
    }
    return { rows, matched: count };
  }

  /** Row indexes for a filter and a search (null: all rows), the last answer kept for the next page. */
  private matching(filter: ComparePageInput['filter'], query: string): number[] | null {
    if (filter === 'all' && query === '') return null;
    const kept = this.filtered;
    if (kept && kept.filter === filter && kept.query === query) return kept.indexes;
    const indexes: number[] = [];
    for (const [index, change] of this.changes.entries()) {
      if (filter !== 'all' && change.group !== filter) continue;
      if (query && !searchText(this.row(index, VIEW_CHARS)).includes(query)) continue;
      indexes.push(index);
    }
    this.filtered = { filter, query, indexes };
    return indexes;
  }

  private row(index: number, chars: number): CompareRow {
    const { before, after, ...change } = this.changes[index]!;
    return { index, ...change, before: jsonText(before, chars), after: jsonText(after, chars) };
  }
}

function searchText(row: CompareRow): string {
  return `${row.key ?? ''}\n${row.path}\n${row.before ?? ''}\n${row.after ?? ''}`.toLowerCase();
}

function jsonText(value: unknown, chars: number): string | null {
  if (value === undefined) return null;
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    // Only a value nested thousands deep: JSON.stringify recurses.
    return '(nested too deeply to show)';
  }
  return text.length > chars ? `${text.slice(0, chars)}…` : text;
}

