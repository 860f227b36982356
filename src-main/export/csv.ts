// CSV as spreadsheets open it: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark
// (without it Excel guesses a legacy code page), and cells that a spreadsheet would run as a
// formula defused with a leading apostrophe (CSV injection).
import type { RowStream } from './row-stream';

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** Characters gathered before a write, for CSV and JSON exports alike. */
export const CHUNK_CHARS = 64 * 1024;
const FORMULA_START = /^[=+\-@\t\r]/;
/** "-12", "-0.5", "-1e3": numbers, not formulas; they stay numbers in the sheet. */
const NEGATIVE_NUMBER = /^-(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(text: string): string {
  const defused = FORMULA_START.test(text) && !NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** The whole file, BOM first, in chunks of about 64K characters for a streamed write. */
export async function* csvChunks({ columns, rows }: RowStream, chunkChars = CHUNK_CHARS): AsyncGenerator<string> {
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
