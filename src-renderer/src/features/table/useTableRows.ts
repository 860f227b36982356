import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { useReportError } from '../../app/errorRouting';

/** Rows per `table.rows` call: a window of the rows, never all of them (the contract allows 500). */
export const PAGE_ROWS = 200;
/** Pages kept around the visible range; farther ones are dropped to bound memory. */
const MAX_PAGES = 10;
/** Rows beyond the visible range that are fetched ahead of scrolling. */
const LOOKAHEAD_ROWS = 80;

export type TableSort = { column: string; descending: boolean } | null;
export type TableQuery = { pointer: string; filter: string; sort: TableSort };

type Cache = { key: string; columns: string[]; totalRows: number; matchedRows: number; pages: Map<number, string[][]> };

/**
 * The response's rows as a table (flattened, filtered and sorted in main), fetched a window at a
 * time for the visible range only. When the query changes, the old rows stay on screen until the
 * new ones arrive. Call `load(first, last)` from an effect whenever it or the visible range changes.
 */
export function useTableRows(responseId: string, query: TableQuery) {
  const reportError = useReportError();
  const key = JSON.stringify(query);
  const [cache, setCache] = useState<Cache | null>(null);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const inFlight = useRef(new Set<string>());
  const currentKey = useRef(key);
  useEffect(() => {
    currentKey.current = key;
  }, [key]);

  const load = useCallback(
    (first: number, last: number) => {
      if (failure?.key === key) return;
      const fresh = cache?.key === key ? cache : null;
      const firstPage = Math.floor(Math.max(0, first - LOOKAHEAD_ROWS) / PAGE_ROWS);
      const lastPage = Math.floor((last + LOOKAHEAD_ROWS) / PAGE_ROWS);
      // Before the first answer to a query, the earlier query's count is a fair guess of its reach.
      const reach = fresh ?? cache;
      const lastKnownPage = reach ? Math.floor(Math.max(0, reach.matchedRows - 1) / PAGE_ROWS) : 0;
      const wanted: number[] = [];
      for (let page = Math.min(firstPage, lastKnownPage); page <= Math.min(lastPage, lastKnownPage); page += 1) {
        if (!fresh?.pages.has(page) && !inFlight.current.has(`${key}#${page}`)) wanted.push(page);
      }
      if (wanted.length === 0) return;
      for (const page of wanted) inFlight.current.add(`${key}#${page}`);
      const asked = JSON.parse(key) as TableQuery;

      void Promise.all(
        wanted.map((page) => api().table.rows({ responseId, ...asked, offset: page * PAGE_ROWS, limit: PAGE_ROWS })),
      ).then((results) => {
        for (const page of wanted) inFlight.current.delete(`${key}#${page}`);
        if (key !== currentKey.current) return;
        const pages: string[][][] = [];
        let latest: { columns: string[]; totalRows: number; matchedRows: number } | null = null;
        for (const result of results) {
          if (!result.ok) {
            setFailure({ key, message: result.error.message });
            reportError(result.error);
            return;
          }
          pages.push(result.data.rows);
          latest = result.data;
        }
        if (!latest) return;
        const { columns, totalRows, matchedRows } = latest;
        setFailure(null);
        setCache((previous) => {
          const kept = previous?.key === key ? new Map(previous.pages) : new Map<number, string[][]>();
          wanted.forEach((page, i) => kept.set(page, pages[i]!));
          const centre = wanted[0]!;
          const farthestFirst = [...kept.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
          for (const far of farthestFirst) {
            if (kept.size <= MAX_PAGES) break;
            kept.delete(far);
          }
          return { key, columns, totalRows, matchedRows, pages: kept };
        });
      });
    },
    [responseId, key, cache, failure, reportError],
  );

  return {
    load,
    /** False while the rows on screen still belong to an earlier query. */
    fresh: cache?.key === key,
    loaded: cache !== null,
    columns: cache?.columns ?? [],
    totalRows: cache?.totalRows ?? 0,
    matchedRows: cache?.matchedRows ?? 0,
    rowAt: (index: number): string[] | undefined => cache?.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS],
    /** Main's sentence when these rows cannot be shown (not a list, bad pointer). */
    error: failure?.key === key ? failure.message : null,
  };
}
