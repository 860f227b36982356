// Which two responses the comparison view compares, when it is open. Its own small store beside
// the app state: the response panel and the history list open it, the view reads it.
import type { CompareSource } from '@shared/contract';
import { createStore, useStoreValue } from './store';

/** One side: where main finds its body, how the view names it, and when it was received. */
export type CompareSide = { source: CompareSource; label: string; requestPath: string; at: number };

export type ComparisonRequest = { before: CompareSide; after: CompareSide; seq: number };

const store = createStore<ComparisonRequest | null>(null);
let seq = 0;

/** Opens the comparison of two responses, the earlier one as "before". */
export function openComparison(one: CompareSide, other: CompareSide): void {
  const [before, after] = one.at <= other.at ? [one, other] : [other, one];
  seq += 1;
  store.set(() => ({ before, after, seq }));
}

export function closeComparison(): void {
  store.set(() => null);
}

export const useComparisonRequest = () => useStoreValue(store, (request) => request);
