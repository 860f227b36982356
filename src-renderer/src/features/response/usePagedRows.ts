import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '@shared/contract';
import { reportError } from '../../app/errorRouting';

/** One page from main: its rows, how many rows the query reaches in all, and what else it says. */
export type RowsPage<Row, Facts> = { rows: Row[]; reach: number; facts: Facts };

export interface PagingOptions<Row, Facts> {
  /** The query the rows belong to, as a string: a new key is a new set of rows. */
  key: string;
  pageRows: number;
  /** Pages kept around the visible range; farther ones are dropped to bound memory. */
  maxPages: number;
  /** Rows beyond the visible range that are fetched ahead of scrolling. */
  lookahead: number;
  fetchPage(key: string, offset: number, limit: number): Promise<Result<RowsPage<Row, Facts>>>;
  /**
   * The first rows of a key, known before any fetch (the tree's first rows, sent with the answer):
   * shown at once; when they are fewer than a page, the rest of it is asked for once they are
   * painted (or the view reaches past them).
   */
  first?: (RowsPage<Row, Facts> & { key: string }) | null;
}

type Cache<Row, Facts> = { key: string; reach: number; facts: Facts; pages: Map<number, Row[]> };

/**
 * Rows fetched from main a page at a time, for the visible range only (the response tree and the
 * table view). When the key changes, the old rows stay on screen until the pages for the new one
 * arrive, and are then swapped in together; a key main refused is not asked for again.
 * Call `load(first, last)` from an effect whenever it or the visible range changes.
 */
export function usePagedRows<Row, Facts>({ key, pageRows, maxPages, lookahead, fetchPage, first = null }: PagingOptions<Row, Facts>) {
  const [cache, setCache] = useState<Cache<Row, Facts> | null>(() => first && { key: first.key, reach: first.reach, facts: first.facts, pages: new Map([[0, first.rows]]) });
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const inFlight = useRef(new Set<string>());
  const currentKey = useRef(key);
  useEffect(() => {
    currentKey.current = key;
  }, [key]);
  // The first rows alone until they are painted; then the rest of their page and the lookahead.
  const [firstPainted, setFirstPainted] = useState(first === null);
  useEffect(() => {
    if (firstPainted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setFirstPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [firstPainted]);

  const load = useCallback(
    (first: number, last: number) => {
      if (failure?.key === key) return;
      const fresh = cache?.key === key ? cache : null;
      const firstPage = Math.floor(Math.max(0, first - lookahead) / pageRows);
      const lastPage = Math.floor((last + lookahead) / pageRows);
      // Before the first answer for a key, the earlier key's reach is a fair guess of its own.
      const lastKnownPage = cache ? Math.floor(Math.max(0, cache.reach - 1) / pageRows) : 0;
      const wanted: number[] = [];
      const whole = (page: number) => {
        const rows = fresh?.pages.get(page);
        if (rows === undefined) return false;
        if (rows.length >= Math.min(pageRows, fresh!.reach - page * pageRows)) return true;
        // The first rows sent with the answer are enough until they are painted, while the view
        // stays within them: asking for more would start main's parse of the body meanwhile.
        return page === 0 && !firstPainted && last < rows.length;
      };
      for (let page = Math.min(firstPage, lastKnownPage); page <= Math.min(lastPage, lastKnownPage); page += 1) {
        if (!whole(page) && !inFlight.current.has(`${key}#${page}`)) wanted.push(page);
      }
      if (wanted.length === 0) return;
      for (const page of wanted) inFlight.current.add(`${key}#${page}`);

      void Promise.all(wanted.map((page) => fetchPage(key, page * pageRows, pageRows))).then((results) => {
        for (const page of wanted) inFlight.current.delete(`${key}#${page}`);
        if (key !== currentKey.current) return;
        const pages: Row[][] = [];
        for (const result of results) {
          if (!result.ok) {
            setFailure({ key, message: result.error.message });
            reportError(result.error);
            return;
          }
          pages.push(result.data.rows);
        }
        const { reach, facts } = (results.at(-1) as { data: RowsPage<Row, Facts> }).data;
        setFailure(null);
        setCache((previous) => {
          const kept = previous?.key === key ? new Map(previous.pages) : new Map<number, Row[]>();
          wanted.forEach((page, i) => kept.set(page, pages[i]!));
          const centre = wanted[0]!;
          const farthestFirst = [...kept.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
          for (const far of farthestFirst) {
            if (kept.size <= maxPages) break;
            kept.delete(far);
          }
          return { key, reach, facts, pages: kept };
        });
      });
    },
    [key, cache, failure, firstPainted, reportError, fetchPage, pageRows, maxPages, lookahead],
  );

  return {
    load,
    /** False while the rows on screen still belong to an earlier key. */
    fresh: cache?.key === key,
    loaded: cache !== null,
    reach: cache?.reach ?? 0,
    facts: cache?.facts ?? null,
    rowAt: (index: number): Row | undefined => cache?.pages.get(Math.floor(index / pageRows))?.[index % pageRows],
    /** Main's sentence when these rows cannot be shown. */
    error: failure?.key === key ? failure.message : null,
  };
}
