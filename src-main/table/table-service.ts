// The table view of a kept response: the rows at a JSON Pointer, flattened to columns, filtered
// and sorted in main, handed to the renderer one window at a time.
import type { ResponseStore } from '../response/response-store';
import { AppError } from '../shared/app-error';
import { tableAt, type FlatTable } from '../export/flatten-rows';
import type { Exporter } from '../export/exporter';

export interface TableQuery {
  responseId: string;
  pointer: string;
  filter: string;
  sort: { column: string; descending: boolean } | null;
}

interface View {
  key: string;
  table: FlatTable;
  /** Row indexes after filter and sort. */
  order: number[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function createTableService(deps: { responses: ResponseStore; exporter: Pick<Exporter, 'rowsCsv'> }) {
  let tableCache: { key: string; table: FlatTable } | null = null;
  let viewCache: View | null = null;

  function tableFor(responseId: string, pointer: string): FlatTable {
    const key = `${responseId}\u0000${pointer}`;
    if (tableCache?.key === key) return tableCache.table;
    const body = deps.responses.get(responseId);
    if (!body.json) throw new AppError('invalid_input', 'This response is not JSON, so it has no rows to show as a table.');
    const table = tableAt(body.json.value, pointer);
    tableCache = { key, table };
    return table;
  }

  function view(query: TableQuery): View {
    const key = JSON.stringify([query.responseId, query.pointer, query.filter, query.sort]);
    if (viewCache?.key === key) return viewCache;
    const table = tableFor(query.responseId, query.pointer);
    const needle = query.filter.trim().toLowerCase();
    let order = table.rows.map((_, i) => i);
    if (needle) order = order.filter((i) => [...table.rows[i]!.values()].some((cell) => cell.toLowerCase().includes(needle)));
    const sort = query.sort;
    if (sort) {
      const cell = (i: number) => table.rows[i]!.get(sort.column) ?? '';
      // Empty cells sort last either way; equal cells keep the response's order.
      order.sort((a, b) => {
        const [x, y] = [cell(a), cell(b)];
        if (!x || !y) return x ? -1 : y ? 1 : a - b;
        return (sort.descending ? collator.compare(y, x) : collator.compare(x, y)) || a - b;
      });
    }
    viewCache = { key, table, order };
    return viewCache;
  }

  return {
    rows(query: TableQuery & { offset: number; limit: number }) {
      const { table, order } = view(query);
      const rows = order.slice(query.offset, query.offset + query.limit).map((i) => table.columns.map((c) => table.rows[i]!.get(c) ?? ''));
      return { columns: table.columns, rows, totalRows: table.rows.length, matchedRows: order.length };
    },

    /** CSV of the rows as filtered and sorted, with the columns the user kept, in their order. */
    exportCsv(query: TableQuery & { columns: string[] }) {
      const { table, order } = view(query);
      const known = new Set(table.columns);
      const columns = query.columns.length ? query.columns.filter((c) => known.has(c)) : table.columns;
      if (!columns.length) throw new AppError('invalid_input', 'Pick at least one column to export.');
      return deps.exporter.rowsCsv({ columns, rows: order.map((i) => table.rows[i]!) }, 'table');
    },
  };
}
