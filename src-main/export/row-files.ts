// Rows as a file the user picks: a table view's rows (as filtered and sorted) or a bulk pull's, as
// CSV, JSON or NDJSON. Used by the table and bulk services, not a channel of its own.
import { csvChunks, type CsvRows } from './csv';
import { CSV_FILES, JSON_FILES, NDJSON_FILES, type FileSaver } from './file-saver';

export function createRowFiles({ files }: { files: FileSaver }) {
  return {
    async rowsCsv(rows: CsvRows, stem: string): Promise<{ saved: boolean; path: string; rows: number; columns: number }> {
      const path = await files.pick('Export rows as CSV', 'csv', CSV_FILES, stem);
      if (!path) return { saved: false, path: '', rows: 0, columns: 0 };
      await files.write(path, csvChunks(rows));
      return { saved: true, path, rows: rows.count, columns: rows.columns.length };
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
