// Rows as a file the user picks: a response's rows, a table view's (as filtered and sorted) or a
// bulk pull's, as CSV, an Excel workbook, JSON or NDJSON. CSV and Excel take the same row stream
// (row-stream.ts). Used by the export, table and bulk services, not a channel of its own.
import { csvChunks } from './csv';
import { CSV_FILES, JSON_FILES, NDJSON_FILES, XLSX_FILES, type FileSaver } from './file-saver';
import type { ResponseOrigins } from './response-origins';
import type { RowStream } from './row-stream';
import { checkSheetFits, writeXlsxAtomic, type SheetAbout } from './xlsx/xlsx-writer';

export interface RowFilesDeps {
  files: FileSaver;
  /** For a workbook's About sheet: which request a kept response answered. */
  origins: Pick<ResponseOrigins, 'of'>;
  /** The signed-in account, for the About sheet (never a token). */
  account(): Promise<SheetAbout['account']>;
  now(): number;
}

/** Where a workbook's rows came from: a kept response, or a request main describes itself (a Pull range). */
export type RowsSource = { responseId: string } | { request: string };

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
      const request = 'request' in source ? source.request : deps.origins.of(source.responseId);
      const about: SheetAbout = { request, account: await deps.account(), exportedAt: deps.now(), details };
      const written = await files.writeWith(path, () => writeXlsxAtomic(path, rows, about));
      return { saved: true, path, rows: written, columns: rows.columns.length };
    },

    async rowsJson(rows: readonly unknown[], format: 'json' | 'ndjson', stem: string): Promise<{ saved: boolean; path: string; rows: number }> {
      const ndjson = format === 'ndjson';
      const path = await files.pick(`Export rows as ${ndjson ? 'NDJSON' : 'JSON'}`, format, ndjson ? NDJSON_FILES : JSON_FILES, stem);
      if (!path) return { saved: false, path: '', rows: 0 };
      await files.write(path, ndjson ? ndjsonChunks(rows) : jsonArrayChunks(rows));
      return { saved: true, path, rows: rows.length };
    },
  };
}

export type RowFiles = ReturnType<typeof createRowFiles>;

function* ndjsonChunks(rows: readonly unknown[]): Generator<string> {
  for (const row of rows) yield `${JSON.stringify(row)}\n`;
}

function* jsonArrayChunks(rows: readonly unknown[]): Generator<string> {
  yield '[';
  for (let i = 0; i < rows.length; i += 1) yield `${i === 0 ? '\n  ' : ',\n  '}${JSON.stringify(rows[i])}`;
  yield rows.length ? '\n]\n' : ']\n';
}
