// A batched array reads as the plain array it stands for, to everything the worker does with it.
import { describe, expect, it } from 'vitest';
import { batchedArray, type ElementBatch } from './batched-array';

const elements = Array.from({ length: 23 }, (_, i) => ({ id: i, name: `Zoë ${i}`, tags: i % 3 ? ['a', { deep: i }] : [] }));

/** The elements cut into batches of `size` as JSON text, the last `tailLength` left as values. */
function batched(size: number, tailLength: number): unknown[] {
  const batches: ElementBatch[] = [];
  const cut = elements.length - tailLength;
  for (let at = 0; at < cut; at += size) {
    const part = elements.slice(at, Math.min(at + size, cut));
    batches.push({ text: JSON.stringify(part), count: part.length });
  }
  return batchedArray(batches, elements.slice(cut));
}

describe('batchedArray', () => {
  it('reads as the plain array: isArray, length, indexes, in, iteration, map, slice, keys', () => {
    const array = batched(5, 3);
    expect(Array.isArray(array)).toBe(true);
    expect(array.length).toBe(elements.length);
    expect(array[0]).toEqual(elements[0]);
    expect(array[7]).toEqual(elements[7]);
    expect(array[22]).toEqual(elements[22]);
    expect(array[23]).toBeUndefined();
    expect(array[-1 as number]).toBeUndefined();
    expect(22 in array).toBe(true);
    expect(23 in array).toBe(false);
    expect([...array]).toEqual(elements);
    expect(array.map((element) => (element as { id: number }).id)).toEqual(elements.map((element) => element.id));
    expect(array.slice(4, 12)).toEqual(elements.slice(4, 12));
    expect(Object.keys(array)).toEqual(Object.keys(elements));
    expect(array).toEqual(elements);
  });

  it('prints as the plain array, compact and pretty', () => {
    const array = batched(4, 0);
    expect(JSON.stringify(array)).toBe(JSON.stringify(elements));
    expect(JSON.stringify({ data: array }, null, 2)).toBe(JSON.stringify({ data: elements }, null, 2));
  });

  it('holds no objects of batches read long ago: reading again parses them anew, equal', () => {
    const array = batched(2, 1);
    const first = array[0];
    for (let i = 2; i < 20; i += 1) expect(array[i]).toEqual(elements[i]);
    const again = array[0];
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    // The batch just read is still parsed.
    expect(array[1]).toBe(array[1]);
  });

  it('is read-only', () => {
    const array = batched(5, 0);
    expect(() => {
      array[0] = 'changed';
    }).toThrow(TypeError);
    expect(() => array.push('more')).toThrow(TypeError);
    expect(array).toEqual(elements);
  });

  it('is the tail alone when no batch was parsed, and empty when there is nothing', () => {
    expect(batchedArray([], [1, 2])).toEqual([1, 2]);
    expect(batchedArray([], []).length).toBe(0);
  });
});
