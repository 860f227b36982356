import { useCallback, useEffect, useRef, useState } from 'react';
import type { TreeRow } from '../../../../src-main/shared/contract';
import { api } from '../../api';
import { useReportError } from '../../app/errorRouting';
import { expansionInput, type Expansion } from './treeExpansion';

/** Rows per `response.tree` call (the contract allows up to TREE_PAGE_MAX, 500). */
const PAGE_ROWS = 200;
/** Pages kept around the visible range; farther ones are dropped to bound memory. */
const MAX_PAGES = 12;
/** Rows the renderer ever holds: whatever the body, a few thousand. */
export const MAX_HELD_ROWS = PAGE_ROWS * MAX_PAGES;
/** Rows beyond the visible range that are fetched ahead of scrolling. */
const LOOKAHEAD_ROWS = 100;

type Cache = { key: string; totalRows: number; pages: Map<number, TreeRow[]> };

/**
 * The flattened rows of the response's JSON tree for an expansion, fetched from main a page at a
 * time for the visible range only; the tree itself is never built here. When the expansion
 * changes, the old rows stay on screen until the pages for the new one arrive, and are then
 * swapped in together.
 * Call `load(first, last)` from an effect whenever it or the visible range changes.
 */
export function useTreeRows(responseId: string, expansion: Expansion) {
  const reportError = useReportError();
  const key = JSON.stringify(expansion);
  const [cache, setCache] = useState<Cache | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(new Set<string>());
  const currentKey = useRef(key);
  useEffect(() => {
    currentKey.current = key;
  }, [key]);

  const load = useCallback(
    (first: number, last: number) => {
      const firstPage = Math.floor(Math.max(0, first - LOOKAHEAD_ROWS) / PAGE_ROWS);
      const lastPage = Math.floor((last + LOOKAHEAD_ROWS) / PAGE_ROWS);
      const fresh = cache?.key === key ? cache : null;
      // The row count of any earlier expansion is a fair guess of how far the new rows reach.
      const lastKnownPage = cache ? Math.floor(Math.max(0, cache.totalRows - 1) / PAGE_ROWS) : firstPage;
      const wanted: number[] = [];
      for (let page = firstPage; page <= Math.min(lastPage, lastKnownPage); page += 1) {
        if (!fresh?.pages.has(page) && !inFlight.current.has(`${key}#${page}`)) wanted.push(page);
      }
      if (wanted.length === 0) return;
      for (const page of wanted) inFlight.current.add(`${key}#${page}`);
      const input = expansionInput(JSON.parse(key) as Expansion);

      void Promise.all(
        wanted.map((page) => api().response.tree({ responseId, ...input, offset: page * PAGE_ROWS, limit: PAGE_ROWS })),
      ).then((results) => {
        for (const page of wanted) inFlight.current.delete(`${key}#${page}`);
        if (key !== currentKey.current) return;
        const rows: TreeRow[][] = [];
        let totalRows = 0;
        for (const result of results) {
          if (!result.ok) {
            setError(result.error.message);
            reportError(result.error);
            return;
          }
          rows.push(result.data.rows);
          totalRows = result.data.totalRows;
        }
        setError(null);
        setCache((latest) => {
          const pages = latest?.key === key ? new Map(latest.pages) : new Map<number, TreeRow[]>();
          wanted.forEach((page, i) => pages.set(page, rows[i]!));
          const centre = wanted[0]!;
          const farthestFirst = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
          for (const far of farthestFirst) {
            if (pages.size <= MAX_PAGES) break;
            pages.delete(far);
          }
          return { key, totalRows, pages };
        });
      });
    },
    [responseId, key, cache, reportError],
  );

  return {
    load,
    /** False while the rows on screen still belong to an earlier expansion. */
    fresh: cache?.key === key,
    totalRows: cache?.totalRows ?? 0,
    rowAt: (index: number): TreeRow | undefined => cache?.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS],
    error,
  };
}
