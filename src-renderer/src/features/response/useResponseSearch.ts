import { useCallback, useEffect, useRef, useState } from 'react';
import { SEARCH_HITS_MAX, SEARCH_PAGE_MAX } from '@shared/channels';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';

export type SearchMode = 'text' | 'path';
export type SearchHit = { path: string; key: string | null; preview: string };

/** Hits per `response:search` call. */
const PAGE_HITS = Math.min(200, SEARCH_PAGE_MAX);
/** Pages of hits kept; farther ones are asked for again when they come back into view. */
const MAX_PAGES = 8;
/** How often a running search is asked for its progress. */
export const POLL_MS = 150;

export type SearchState = {
  /** The query being searched ('' when none). */
  query: string;
  mode: SearchMode;
  totalHits: number;
  done: boolean;
  capped: boolean;
  /** Main's sentence when the query cannot run (a broken path filter). */
  error: string | null;
};

const IDLE: SearchState = { query: '', mode: 'text', totalHits: 0, done: true, capped: false, error: null };

/**
 * A search of the kept body, run by main's worker: hits stream in while this polls, and the list
 * holds only a few pages of them. `run` starts a search (or keeps the one running when the query
 * is the same); `hitAt` reads a held hit; `ensure` asks for the page around a hit.
 */
export function useResponseSearch(responseId: string) {
  const [state, setState] = useState<SearchState>(IDLE);
  // The held pages live in a ref (read by `ensure` between renders); `held` re-renders on change.
  const pages = useRef(new Map<number, SearchHit[]>());
  const [, setHeld] = useState(0);
  const generation = useRef(0);
  const current = useRef<SearchState>(IDLE);
  /** The page the list shows, polled while the search runs. */
  const shownPage = useRef(0);
  const inFlight = useRef(new Set<number>());
  const waiters = useRef(new Map<number, Array<() => void>>());

  const keepPage = useCallback((page: number, hits: SearchHit[]) => {
    const held = pages.current;
    held.set(page, hits);
    const farthestFirst = [...held.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
    for (const far of farthestFirst) {
      if (held.size <= MAX_PAGES) break;
      held.delete(far);
    }
    setHeld((n) => n + 1);
  }, []);

  /** One call for one page; false once the answer belongs to an older search or failed. */
  const fetchPage = useCallback(
    async (gen: number, page: number): Promise<boolean> => {
      const { query, mode } = current.current;
      const result = await api().response.search({ responseId, query, mode, offset: page * PAGE_HITS, limit: PAGE_HITS });
      if (gen !== generation.current) return false;
      if (!result.ok) {
        current.current = { ...current.current, done: true, error: result.error.message };
        setState(current.current);
        if (result.error.code !== 'invalid_input') reportError(result.error);
        return false;
      }
      const { hits, totalHits, done, capped } = result.data;
      current.current = { ...current.current, totalHits, done, capped, error: null };
      setState(current.current);
      keepPage(page, hits);
      for (const resolve of waiters.current.get(page) ?? []) resolve();
      waiters.current.delete(page);
      return true;
    },
    [responseId, keepPage],
  );

  const run = useCallback(
    (query: string, mode: SearchMode) => {
      if (query === current.current.query && mode === current.current.mode) return;
      const gen = ++generation.current;
      inFlight.current.clear();
      waiters.current.clear();
      shownPage.current = 0;
      pages.current = new Map();
      setHeld((n) => n + 1);
      current.current = { ...IDLE, query, mode, done: query.trim() === '' };
      setState(current.current);
      if (query.trim() === '') return;
      void (async () => {
        while (gen === generation.current) {
          const ok = await fetchPage(gen, shownPage.current);
          if (!ok || current.current.done) return;
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      })();
    },
    [fetchPage],
  );

  /** Asks for the page that holds hit `index` unless it is held; resolves once it is. */
  const ensure = useCallback(
    (index: number): Promise<void> => {
      const page = Math.floor(index / PAGE_HITS);
      const held = pages.current;
      if (held.has(page) && (held.get(page)!.length === PAGE_HITS || current.current.done)) return Promise.resolve();
      const waiting = new Promise<void>((resolve) => {
        const list = waiters.current.get(page) ?? [];
        list.push(resolve);
        waiters.current.set(page, list);
      });
      if (!inFlight.current.has(page)) {
        inFlight.current.add(page);
        const gen = generation.current;
        void fetchPage(gen, page).finally(() => inFlight.current.delete(page));
      }
      return waiting;
    },
    [fetchPage],
  );

  /** The list shows hits from `first` on: poll that page while the search runs. */
  const showFrom = useCallback((first: number) => {
    shownPage.current = Math.floor(first / PAGE_HITS);
  }, []);

  // Nothing polls for an unmounted view.
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  return {
    state,
    run,
    ensure,
    showFrom,
    hitAt: (index: number): SearchHit | undefined => pages.current.get(Math.floor(index / PAGE_HITS))?.[index % PAGE_HITS],
  };
}

/** "12 hits so far…", "12 hits", "10,000+ hits (showing the first 10,000)". */
export function searchStatus(state: SearchState): string {
  if (state.error) return state.error;
  if (state.query.trim() === '') return '';
  const count = state.totalHits.toLocaleString();
  if (state.capped) return `${SEARCH_HITS_MAX.toLocaleString()}+ hits (showing the first ${SEARCH_HITS_MAX.toLocaleString()})`;
  if (!state.done) return `${count} ${state.totalHits === 1 ? 'hit' : 'hits'} so far…`;
  if (state.totalHits === 0) return 'No hits';
  return `${count} ${state.totalHits === 1 ? 'hit' : 'hits'}`;
}
