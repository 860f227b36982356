// The smallest external store React's useSyncExternalStore needs: one immutable value, replaced
// by `set`, with its listeners told after each change.
import { useRef, useSyncExternalStore } from 'react';

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
 * The part of the store's value a component reads; it re-renders only when that part changes. A
 * selector returning something already in the value (or a primitive) needs no `equal`; one that
 * builds a new array or object passes an `equal` (e.g. `sameItems`) so an unchanged part keeps
 * its last value and the component does not re-render (docs/architecture.md, "The renderer's store").
 */
export function useStoreValue<S, T>(store: Pick<Store<S>, 'get' | 'subscribe'>, select: (value: S) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ value: T } | null>(null);
  return useSyncExternalStore(store.subscribe, () => {
    const next = select(store.get());
    if (last.current && equal(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  });
}

/** Two arrays holding the same items in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, at) => Object.is(item, b[at]));
}
