import { useCallback } from 'react';
import { api } from '../../api';
import { usePagedRows } from '../response/usePagedRows';

/** Rows per `table.rows` call: a window of the rows, never all of them (the contract allows 500). */
const PAGE_ROWS = 200;

export type TableSort = { column: string; descending: boolean } | null;
export type TableQuery = { pointer: string; filter: string; sort: TableSort };

/**
 * The response's rows as a table (flattened, filtered and sorted in main), fetched a window at a
 * time for the visible range only.
 */
export function useTableRows(responseId: string, query: TableQuery) {
  const fetchPage = useCallback(
    async (key: string, offset: number, limit: number) => {
      const result = await api().table.rows({ responseId, ...(JSON.parse(key) as TableQuery), offset, limit });
      if (!result.ok) return result;
      const { rows, columns, totalRows, matchedRows } = result.data;
      return { ok: true as const, data: { rows, reach: matchedRows, facts: { columns, totalRows } } };
    },
    [responseId],
  );
  const rows = usePagedRows<string[], { columns: string[]; totalRows: number }>({ key: JSON.stringify(query), pageRows: PAGE_ROWS, maxPages: 10, lookahead: 80, fetchPage });
  return {
    load: rows.load,
    /** False while the rows on screen still belong to an earlier query. */
    fresh: rows.fresh,
    loaded: rows.loaded,
    columns: rows.facts?.columns ?? [],
    totalRows: rows.facts?.totalRows ?? 0,
    matchedRows: rows.reach,
    rowAt: rows.rowAt,
    /** Main's sentence when these rows cannot be shown (not a list, bad pointer). */
    error: rows.error,
  };
}
