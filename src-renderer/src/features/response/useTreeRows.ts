import { useEffect, useRef, useState } from 'react';
import type { TreeRow } from '../../../../src-main/shared/contract';
import { api } from '../../api';
import { useReportError } from '../../app/errorRouting';

/** Rows per `response.tree` call (the contract allows up to TREE_PAGE_MAX). */
const PAGE_ROWS = 200;
/** Pages kept around the visible range; farther ones are dropped to bound memory. */
const MAX_PAGES = 12;
/** Rows beyond the visible range that are fetched ahead of scrolling. */
const LOOKAHEAD_ROWS = 100;

type Cache = { key: string; totalRows: number; pages: Map<number, TreeRow[]> };

/**
 * The flattened rows of the response's JSON tree for a given set of expanded paths, fetched from
 * main a page at a time for the visible range only. When `expanded` changes the old rows stay on
 * screen until the new ones arrive, then are swapped in whole.
 */
export function useTreeRows(responseId: string, expanded: readonly string[], visible: { first: number; last: number }) {
  const reportError = useReportError();
  const key = JSON.stringify(expanded);
  const [cache, setCache] = useState<Cache | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(new Set<string>());
  const currentKey = useRef(key);
  currentKey.current = key;

  const firstPage = Math.floor(Math.max(0, visible.first - LOOKAHEAD_ROWS) / PAGE_ROWS);
  const lastPage = Math.floor((visible.last + LOOKAHEAD_ROWS) / PAGE_ROWS);

  useEffect(() => {
    const fresh = cache?.key === key ? cache : null;
    const pageLimit = fresh ? Math.floor(Math.max(0, fresh.totalRows - 1) / PAGE_ROWS) : firstPage;
    for (let page = firstPage; page <= Math.min(lastPage, pageLimit); page += 1) {
      const flightKey = `${key}#${page}`;
      if (fresh?.pages.has(page) || inFlight.current.has(flightKey)) continue;
      inFlight.current.add(flightKey);
      void api()
        .response.tree({ responseId, expanded: [...expanded], offset: page * PAGE_ROWS, limit: PAGE_ROWS })
        .then((result) => {
          inFlight.current.delete(flightKey);
          if (key !== currentKey.current) return;
          if (!result.ok) {
            setError(result.error.message);
            reportError(result.error);
            return;
          }
          setError(null);
          setCache((current) => {
            const pages = current?.key === key ? new Map(current.pages) : new Map<number, TreeRow[]>();
            pages.set(page, result.data.rows);
            for (const far of [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page))) {
              if (pages.size <= MAX_PAGES) break;
              pages.delete(far);
            }
            return { key, totalRows: result.data.totalRows, pages };
          });
        });
    }
    // `expanded` is represented by `key`.
  }, [responseId, key, firstPage, lastPage, cache, reportError]);

  return {
    totalRows: cache?.totalRows ?? 0,
    /** True when the rows on screen belong to the current `expanded`. */
    current: cache?.key === key,
    rowAt: (index: number): TreeRow | undefined => cache?.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS],
    error,
  };
}
