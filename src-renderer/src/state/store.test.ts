import { describe, expect, it, vi } from 'vitest';
import { createStore, sameItems } from './store';

describe('createStore', () => {
  it('replaces the value and tells each listener once per change', () => {
    const store = createStore({ count: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.set((current) => ({ count: current.count + 1 }));
    expect(store.get()).toEqual({ count: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('tells nobody when a step returns the value unchanged', () => {
    const store = createStore({ count: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.set((current) => current);
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops telling a listener once it unsubscribed, even from inside a notification', () => {
    const store = createStore(0);
    let offSecond = () => {};
    store.subscribe(() => offSecond());
    const second = vi.fn();
    offSecond = store.subscribe(second);
    store.set((n) => n + 1);
    store.set((n) => n + 1);
    // The change being told when it left still reaches it; the next one does not.
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('builds each step on the previous one, also when they follow each other at once', () => {
    const store = createStore<readonly string[]>([]);
    store.set((list) => [...list, 'send']);
    store.set((list) => [...list, 'open']);
    expect(store.get()).toEqual(['send', 'open']);
  });
});

describe('sameItems', () => {
  it('is true for arrays of the very same items in the same order, false otherwise', () => {
    const one = { id: 1 };
    const two = { id: 2 };
    expect(sameItems([one, two], [one, two])).toBe(true);
    expect(sameItems([one, two], [two, one])).toBe(false);
    expect(sameItems([one], [one, two])).toBe(false);
    expect(sameItems([one], [{ id: 1 }])).toBe(false);
  });
});
