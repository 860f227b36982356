// The smallest external store React's useSyncExternalStore needs: one immutable value, replaced
// by `set`, with its listeners told after each change.
import { useSyncExternalStore } from 'react';

export type Store<S> = {
  get(): S;
  /** Replaces the value with `step(current)`; a step returning `current` itself changes nothing. */
  set(step: (current: S) => S): void;
  subscribe(listener: () => void): () => void;
};

export function createStore<S>(initial: S): Store<S> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(step) {
      const next = step(value);
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * The part of the store's value a component reads; it re-renders when that part changes. The
 * selector must return something already in the value (or a primitive), not a new object.
 */
export function useStoreValue<S, T>(store: Pick<Store<S>, 'get' | 'subscribe'>, select: (value: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
