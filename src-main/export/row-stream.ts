// One stream of rows, two sinks: the CSV writer (csv.ts) and the Excel writer (xlsx/xlsx-writer.ts)
// both take a RowStream, so a response, a table view or a Pull range is read the same way
// whichever file the user asked for (docs/architecture.md, Exports).
import { flattenRow } from './flatten-rows';

/** Rows of text cells in column order, possibly arriving a page at a time. */
export interface RowStream {
  columns: readonly string[];
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>;
  count: number;
}

/**
 * Records flattened one at a time as they are written: one pass learns the columns (first-seen
 * order, as flattenRows), the second flattens again row by row, so a 100,000-row Pull range is
 * never held twice, once as records and once as cells.
 */
export function flattenedRowStream(records: readonly unknown[]): RowStream {
  const seen = new Set<string>();
  for (const record of records) for (const column of flattenRow(record).keys()) seen.add(column);
  const columns = [...seen];
  function* rows() {
    for (const record of records) {
      const cells = flattenRow(record);
      yield columns.map((column) => cells.get(column) ?? '');
    }
  }
  return { columns, rows: rows(), count: records.length };
}
