// How many sends this window has made: the history list reads itself again when it changes. Its
// own small store, so a send renders the history list and nothing else of the sidebar
// (docs/architecture.md, "The renderer's store").
import { createStore, useStoreValue } from './store';

const store = createStore(0);

/** A send ended (answered or failed): the history has a new entry. */
export function historyChanged(): void {
  store.set((version) => version + 1);
}

export const historyVersion = (): number => store.get();

export const useHistoryVersion = () => useStoreValue(store, (version) => version);
