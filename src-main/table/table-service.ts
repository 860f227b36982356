// The table view of a kept response: the body worker flattens, filters and sorts the rows
// (table-view.ts) and main hands the renderer one window at a time, or writes them all as CSV or
// as an Excel workbook.
import type { Handlers } from '../shared/contract';
import type { ResponseStore } from '../response/main/response-store';
import type { RowFiles } from '../export/row-files';
import { tableRows } from './table-rows';
import type { TableQuery } from './table-view';

export function createTableService(deps: { responses: Pick<ResponseStore, 'table'>; rowFiles: Pick<RowFiles, 'rowsCsv' | 'rowsXlsx'> }) {
  return {
    rows({ responseId, offset, limit, ...query }) {
      return deps.responses.table(responseId, query, offset, limit);
    },

    /** CSV of the rows as filtered and sorted, with the columns the user kept, in their order. */
    async exportCsv({ responseId, columns, ...query }) {
      return deps.rowFiles.rowsCsv(await tableRows(deps.responses, responseId, query, columns), 'table');
    },

    /** The same rows as an Excel workbook; its About sheet says how the view was filtered and sorted. */
    async exportXlsx({ responseId, columns, ...query }) {
      return deps.rowFiles.rowsXlsx(await tableRows(deps.responses, responseId, query, columns), 'table', { responseId }, viewDetails(query));
    },
  } satisfies Handlers['table'];
}

function viewDetails(query: TableQuery): Array<[string, string]> {
  const details: Array<[string, string]> = [];
  if (query.pointer) details.push(['Rows at', query.pointer]);
  if (query.filter.trim()) details.push(['Filter', query.filter.trim()]);
  if (query.sort) details.push(['Sorted by', `${query.sort.column} (${query.sort.descending ? 'descending' : 'ascending'})`]);
  return details;
}
