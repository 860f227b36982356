// A table view of a kept response as a stream of rows (for CSV or Excel), fetched from the body worker a page at a time: the
// first page before anything else (so "nothing to tabulate" is said before a save dialog opens),
// the rest while the file is written.
import type { RowStream } from '../export/row-stream';
import type { ResponseStore } from '../response/main/response-store';
import type { TableQuery } from './table-view';

const PAGE_ROWS = 5000;

export async function tableRows(responses: Pick<ResponseStore, 'table'>, responseId: string, query: TableQuery, columns: string[] | null): Promise<RowStream> {
  const first = await responses.table(responseId, query, 0, PAGE_ROWS, columns);
  async function* rows() {
    yield* first.rows;
    for (let offset = first.rows.length; offset < first.matchedRows; ) {
      const page = await responses.table(responseId, query, offset, PAGE_ROWS, columns);
      if (!page.rows.length) return;
      yield* page.rows;
      offset += page.rows.length;
    }
  }
  return { columns: first.columns, rows: rows(), count: first.matchedRows };
}
