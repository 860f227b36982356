// Rows as a file the user picks: a response's rows, a table view's (as filtered and sorted) or a
// bulk pull's, as CSV, an Excel workbook, JSON or NDJSON. CSV and Excel take the same row stream
// (row-stream.ts). Used by the export, table and bulk services, not a channel of its own.
import { csvChunks, CHUNK_CHARS } from './csv';
import { CSV_FILES, JSON_FILES, NDJSON_FILES, XLSX_FILES, type FileSaver } from './file-saver';
import type { ResponseOrigin, ResponseOrigins } from './response-origins';
import type { RowStream } from './row-stream';
import { checkSheetFits, writeXlsxAtomic, type SheetAbout } from './xlsx/xlsx-writer';

export interface RowFilesDeps {
  files: FileSaver;
  /** For a workbook's About sheet: which request a kept response answered, and for which account. */
  origins: Pick<ResponseOrigins, 'of'>;
  now(): number;
}

/**
 * Where a workbook's rows came from: a kept response (its origin as noted when it reached the
 * window), or a request main describes itself with the account that ran it (a Pull range).
 */
export type RowsSource = { responseId: string } | ResponseOrigin;

/** Rows for JSON: an array, or read as they come (a comparison's pages) so they are never all held. */
type JsonRows = Iterable<unknown> | AsyncIterable<unknown>;

export interface SavedRows {
  saved: boolean;
  path: string;
  rows: number;
  columns: number;
}

const NOT_SAVED: SavedRows = { saved: false, path: '', rows: 0, columns: 0 };

export function createRowFiles(deps: RowFilesDeps) {
  const { files } = deps;
  return {
    async rowsCsv(rows: RowStream, stem: string): Promise<SavedRows> {
      const path = await files.pick('Export rows as CSV', 'csv', CSV_FILES, stem);
      if (!path) return NOT_SAVED;
      await files.write(path, csvChunks(rows));
      return { saved: true, path, rows: rows.count, columns: rows.columns.length };
    },

    /** The same rows as an Excel workbook: typed cells, and an About sheet saying where they came from. */
    async rowsXlsx(rows: RowStream, stem: string, source: RowsSource, details: SheetAbout['details'] = []): Promise<SavedRows> {
      checkSheetFits(rows); // before the dialog: nothing to choose when it cannot be written
      const path = await files.pick('Export rows as Excel', 'xlsx', XLSX_FILES, stem);
      if (!path) return NOT_SAVED;
      const origin = 'responseId' in source ? deps.origins.of(source.responseId) : source;
      const about: SheetAbout = { request: origin?.request ?? null, account: origin?.account ?? null, exportedAt: deps.now(), details };
      const written = await files.writeWith(path, () => writeXlsxAtomic(path, rows, about));
      return { saved: true, path, rows: written, columns: rows.columns.length };
    },

    async rowsJson(rows: JsonRows, format: 'json' | 'ndjson', stem: string): Promise<{ saved: boolean; path: string; rows: number }> {
      const ndjson = format === 'ndjson';
      const path = await files.pick(`Export rows as ${ndjson ? 'NDJSON' : 'JSON'}`, format, ndjson ? NDJSON_FILES : JSON_FILES, stem);
      if (!path) return { saved: false, path: '', rows: 0 };
      const written = { rows: 0 };
      await files.write(path, jsonChunks(rows, ndjson, written));
      return { saved: true, path, rows: written.rows };
    },
  };
}

export type RowFiles = ReturnType<typeof createRowFiles>;

/** NDJSON, or a JSON array with one row a line, written as the rows are read (chunks of about 64 KB); counts them in `written`. */
async function* jsonChunks(rows: JsonRows, ndjson: boolean, written: { rows: number }): AsyncGenerator<string> {
  let out = ndjson ? '' : '[';
  for await (const row of rows) {
    const text = JSON.stringify(row);
    out += ndjson ? `${text}\n` : `${written.rows === 0 ? '\n  ' : ',\n  '}${text}`;
    written.rows += 1;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  if (!ndjson) out += written.rows ? '\n]\n' : ']\n';
  if (out) yield out;
}
