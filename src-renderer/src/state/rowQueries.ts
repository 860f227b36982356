// Which rows of a response the Table and Chart views show: "Rows at" and "Filter rows", one pair
// per response, shared by both views, so a chart draws the rows the table shows as filtered.
import { useCallback } from 'react';
import { createStore, useStoreValue } from './store';

export type RowQuery = { pointer: string; filter: string };

const EMPTY: RowQuery = { pointer: '', filter: '' };
/** Responses remembered; older ones start again from the response's main list. */
const KEPT = 32;

const rowQueries = createStore<ReadonlyMap<string, RowQuery>>(new Map());

export function setRowQuery(responseId: string, change: Partial<RowQuery>): void {
  rowQueries.set((current) => {
    const next = new Map(current);
    next.delete(responseId);
    next.set(responseId, { ...(current.get(responseId) ?? EMPTY), ...change });
    for (const key of next.keys()) {
      if (next.size <= KEPT) break;
      next.delete(key);
    }
    return next;
  });
}

export function rowQueryOf(responseId: string): RowQuery {
  return rowQueries.get().get(responseId) ?? EMPTY;
}

/** The response's row query as typed (not debounced), and a setter for part of it. */
export function useRowQuery(responseId: string): [RowQuery, (change: Partial<RowQuery>) => void] {
  const query = useStoreValue(rowQueries, (all) => all.get(responseId) ?? EMPTY);
  const set = useCallback((change: Partial<RowQuery>) => setRowQuery(responseId, change), [responseId]);
  return [query, set];
}
