// A comparison's rows as an export reads them: all of them, a page at a time from the body
// worker, values whole. CSV: one row per difference (key, path, before, after, kind), a string
// value as its text, any other value as JSON, a missing one empty. JSON: the same rows with the
// values themselves.
import type { ComparePage, CompareRow } from '../shared/contract';
import type { RowStream } from '../export/row-stream';

const PAGE_ROWS = 2000;

type PageReader = (offset: number, limit: number) => Promise<ComparePage>;

const CSV_COLUMNS = ['key', 'path', 'before', 'after', 'kind'] as const;

/** The rows, the first page read before anything else (a lost comparison fails before a dialog opens). */
async function allRows(read: PageReader): Promise<{ count: number; rows: AsyncGenerator<CompareRow> }> {
  const first = await read(0, PAGE_ROWS);
  async function* rows() {
    yield* first.rows;
    for (let offset = first.rows.length; offset < first.matched; ) {
      const page = await read(offset, PAGE_ROWS);
      if (!page.rows.length) return;
      yield* page.rows;
      offset += page.rows.length;
    }
  }
  return { count: first.matched, rows: rows() };
}

function cell(json: string | null): string {
  if (json === null) return '';
  return json.startsWith('"') ? (JSON.parse(json) as string) : json;
}

export async function compareCsvRows(read: PageReader): Promise<RowStream> {
  const { count, rows } = await allRows(read);
  async function* cells() {
    for await (const row of rows) yield [row.key ?? '', row.path, cell(row.before), cell(row.after), row.kind];
  }
  return { columns: CSV_COLUMNS, rows: cells(), count };
}

/** The rows as values, read a page at a time as the file is written: never all held at once. */
export async function compareJsonRows(read: PageReader): Promise<AsyncGenerator<unknown>> {
  const { rows } = await allRows(read);
  const value = (json: string | null) => (json === null ? undefined : (JSON.parse(json) as unknown));
  async function* values() {
    for await (const row of rows) yield { key: row.key, path: row.path, kind: row.kind, before: value(row.before), after: value(row.after) };
  }
  return values();
}
