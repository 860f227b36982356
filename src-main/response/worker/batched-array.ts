// The big array of a body parsed in batches (arriving-body.ts: as it arrives, or loaded again by
// loaded-body.ts), kept as the JSON text of its batches of elements rather than as objects. Each
// batch went through JSON.parse once as it came, which proved it valid and counted it; its objects
// were let go at once. Reading an element parses its batch again, and the last few batches read
// stay parsed. Objects that live on are what makes a parse expensive (the garbage collector copies
// every survivor), so a batched parse costs about half as much, and the worker holds the text
// (about the body's size) instead of objects five times larger. The array is a read-only Proxy that
// acts as a plain array for everything that reads it: Array.isArray, length, indexes, iteration,
// map, JSON.stringify.

export interface ElementBatch {
  /** `[…]`: the batch as it was parsed. */
  text: string;
  count: number;
}

/** Batches kept parsed: a window of rows reads one or two, a scan reads them in order. */
const BATCHES_KEPT = 4;

const INDEX = /^(?:0|[1-9]\d*)$/;

export function batchedArray(batches: readonly ElementBatch[], tail: readonly unknown[]): unknown[] {
  /** starts[i]: the index of batch i's first element; the tail starts at the last entry. */
  const starts = [0];
  for (const batch of batches) starts.push(starts.at(-1)! + batch.count);
  const tailStart = starts.at(-1)!;
  const length = tailStart + tail.length;
  const parsed = new Map<number, unknown[]>();

  const batchOf = (index: number): number => {
    let [low, high] = [0, batches.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  const elementsOf = (batch: number): unknown[] => {
    let elements = parsed.get(batch);
    if (elements) {
      parsed.delete(batch);
    } else {
      elements = JSON.parse(batches[batch]!.text) as unknown[];
      if (parsed.size >= BATCHES_KEPT) parsed.delete(parsed.keys().next().value as number);
    }
    parsed.set(batch, elements);
    return elements;
  };

  const elementAt = (index: number): unknown => {
    if (index >= tailStart) return tail[index - tailStart];
    const batch = batchOf(index);
    return elementsOf(batch)[index - starts[batch]!];
  };

  const indexOf = (key: string | symbol): number => {
    if (typeof key !== 'string' || !INDEX.test(key)) return -1;
    const index = Number(key);
    return index < length ? index : -1;
  };

  return new Proxy<unknown[]>([], {
    get(target, key, receiver) {
      if (key === 'length') return length;
      const index = indexOf(key);
      return index >= 0 ? elementAt(index) : Reflect.get(target, key, receiver);
    },
    has: (target, key) => indexOf(key) >= 0 || Reflect.has(target, key),
    ownKeys: () => [...Array.from({ length }, (_, index) => String(index)), 'length'],
    getOwnPropertyDescriptor(target, key) {
      if (key === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      const index = indexOf(key);
      return index >= 0 ? { value: elementAt(index), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}
