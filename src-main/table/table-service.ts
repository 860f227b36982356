// The table view of a kept response: the body worker flattens, filters and sorts the rows
// (table-view.ts) and main hands the renderer one window at a time, or writes them all as CSV.
import type { ResponseStore } from '../response/main/response-store';
import type { Exporter } from '../export/exporter';
import { tableRows } from './table-rows';
import type { TableQuery } from './table-view';

export function createTableService(deps: { responses: Pick<ResponseStore, 'table'>; exporter: Pick<Exporter, 'rowsCsv'> }) {
  return {
    rows({ responseId, offset, limit, ...query }: TableQuery & { responseId: string; offset: number; limit: number }) {
      return deps.responses.table(responseId, query, offset, limit);
    },

    /** CSV of the rows as filtered and sorted, with the columns the user kept, in their order. */
    async exportCsv({ responseId, columns, ...query }: TableQuery & { responseId: string; columns: string[] }) {
      return deps.exporter.rowsCsv(await tableRows(deps.responses, responseId, query, columns), 'table');
    },
  };
}
