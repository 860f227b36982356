// CSV as spreadsheets open it: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark
// (without it Excel guesses a legacy code page), and cells that a spreadsheet would run as a
// formula defused with a leading apostrophe (CSV injection).
import type { FlatTable } from './flatten-rows';

const BOM = '\uFEFF';
const CRLF = '\r\n';
const CHUNK_CHARS = 64 * 1024;
const FORMULA_START = /^[=+\-@\t\r]/;
/** "-12", "-0.5", "-1e3": numbers, not formulas; they stay numbers in the sheet. */
const NEGATIVE_NUMBER = /^-(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(text: string): string {
  const defused = FORMULA_START.test(text) && !NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** Rows for a CSV file: cells in column order, possibly arriving a page at a time. */
export interface CsvRows {
  columns: readonly string[];
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>;
  count: number;
}

/** A flattened table as CSV rows (a missing cell is empty). */
export function flatTableRows(table: FlatTable): CsvRows {
  function* rows() {
    for (const row of table.rows) yield table.columns.map((column) => row.get(column) ?? '');
  }
  return { columns: table.columns, rows: rows(), count: table.rows.length };
}

/** The whole file, BOM first, in chunks of about 64K characters for a streamed write. */
export async function* csvChunks({ columns, rows }: CsvRows, chunkChars = CHUNK_CHARS): AsyncGenerator<string> {
  let out = BOM + csvLine(columns);
  for await (const row of rows) {
    out += csvLine(row);
    if (out.length >= chunkChars) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + CRLF;
}
