// The table view of a kept response: the body worker flattens, filters and sorts the rows
// (table-view.ts) and main hands the renderer one window at a time, or writes them all as CSV.
import type { Handlers } from '../shared/contract';
import type { ResponseStore } from '../response/main/response-store';
import type { RowFiles } from '../export/row-files';
import { tableRows } from './table-rows';

export function createTableService(deps: { responses: Pick<ResponseStore, 'table'>; rowFiles: Pick<RowFiles, 'rowsCsv'> }) {
  return {
    rows({ responseId, offset, limit, ...query }) {
      return deps.responses.table(responseId, query, offset, limit);
    },

    /** CSV of the rows as filtered and sorted, with the columns the user kept, in their order. */
    async exportCsv({ responseId, columns, ...query }) {
      return deps.rowFiles.rowsCsv(await tableRows(deps.responses, responseId, query, columns), 'table');
    },
  } satisfies Handlers['table'];
}
