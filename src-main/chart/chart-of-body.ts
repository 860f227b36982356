// The chart of a parsed response body, inside the body worker: the rows the table view shows at
// the same pointer and with the same filter (its row order is reused, so filtering happens once).
import { AppError } from '../shared/app-error';
import type { ChartData, ChartSpec } from '../shared/contract';
import { pickRows } from '../export/flatten-rows';
import type { TableQuery, TableViews } from '../table/table-view';
import { chartOf } from './aggregate';

export function chartOfBody(value: unknown, isJson: boolean, tables: TableViews, query: Pick<TableQuery, 'pointer' | 'filter'>, spec: ChartSpec): ChartData {
  if (!isJson) throw new AppError('invalid_input', 'This response is not JSON, so it has no rows to chart.');
  const rows = pickRows(value, query.pointer);
  if (!query.filter.trim() || rows.length === 0) return chartOf(rows, spec);
  const kept = tables.rowOrder({ ...query, sort: null }).map((index) => rows[index]);
  if (kept.length === 0) throw new AppError('invalid_input', `No row contains “${query.filter.trim()}”, so there is nothing to chart.`);
  return chartOf(kept, spec);
}
