// The table view of a parsed body: the rows at a JSON Pointer flattened to columns, filtered and
// sorted, handed out one window at a time. Runs in the body worker, next to the parsed value.
import { AppError } from '../shared/app-error';
import { tableAt, type FlatTable } from '../export/flatten-rows';

export interface TableQuery {
  /** JSON Pointer to the rows; "" picks the root array, `data`, or a numeric-keyed report object. */
  pointer: string;
  filter: string;
  sort: { column: string; descending: boolean } | null;
}

export interface TablePage {
  columns: string[];
  rows: string[][];
  totalRows: number;
  matchedRows: number;
}

/** Filter-and-sort orders kept per table: the view on screen and, say, an export running beside it. */
const ORDERS_KEPT = 2;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export class TableViews {
  private current: { pointer: string; table: FlatTable; orders: Map<string, number[]> } | null = null;

  constructor(
    private readonly root: unknown,
    private readonly isJson: boolean,
  ) {}

  /** `columns`: only these, in this order (unknown ones dropped); null or empty for all. */
  page(query: TableQuery, offset: number, limit: number, columns: readonly string[] | null): TablePage {
    const { table } = this.tableAt(query.pointer);
    const order = this.rowOrder(query);
    const known = new Set(table.columns);
    const shown = columns?.length ? columns.filter((column) => known.has(column)) : table.columns;
    if (!shown.length) throw new AppError('invalid_input', 'Pick at least one column to export.');
    const rows = order.slice(offset, offset + limit).map((i) => shown.map((column) => table.rows[i]!.get(column) ?? ''));
    return { columns: shown, rows, totalRows: table.rows.length, matchedRows: order.length };
  }

  /** Indexes of the rows at the pointer, as filtered and sorted (the chart takes the same rows). */
  rowOrder(query: TableQuery): number[] {
    const { table, orders } = this.tableAt(query.pointer);
    const key = JSON.stringify([query.filter, query.sort]);
    let order = orders.get(key);
    if (!order) {
      order = filteredAndSorted(table, query);
      if (orders.size >= ORDERS_KEPT) orders.delete(orders.keys().next().value as string);
      orders.set(key, order);
    }
    return order;
  }

  private tableAt(pointer: string) {
    if (this.current?.pointer === pointer) return this.current;
    if (!this.isJson) throw new AppError('invalid_input', 'This response is not JSON, so it has no rows to show as a table.');
    this.current = { pointer, table: tableAt(this.root, pointer), orders: new Map() };
    return this.current;
  }
}

/** Row indexes after filter and sort. Empty cells sort last either way; ties keep the response's order. */
function filteredAndSorted(table: FlatTable, query: TableQuery): number[] {
  const needle = query.filter.trim().toLowerCase();
  let order = table.rows.map((_, i) => i);
  if (needle) order = order.filter((i) => [...table.rows[i]!.values()].some((cell) => cell.toLowerCase().includes(needle)));
  const sort = query.sort;
  if (sort) {
    const cell = (i: number) => table.rows[i]!.get(sort.column) ?? '';
    order.sort((a, b) => {
      const [x, y] = [cell(a), cell(b)];
      if (!x || !y) return x ? -1 : y ? 1 : a - b;
      return (sort.descending ? collator.compare(y, x) : collator.compare(x, y)) || a - b;
    });
  }
  return order;
}
