import { describe, expect, it } from 'vitest';
import { copyBytes } from './byte-copy';

const shared = (length: number) => Buffer.from(new SharedArrayBuffer(length));

describe('copyBytes', () => {
  const source = Buffer.from(Array.from({ length: 100 }, (_, index) => (index * 7 + 3) & 0xff));

  it('writes a chunk at every offset, into and out of shared memory, and leaves the rest as it was', () => {
    for (const [name, make] of [['plain', (n: number) => Buffer.alloc(n, 0xee)], ['shared', (n: number) => shared(n).fill(0xee)]] as const) {
      for (let at = 0; at < 16; at += 1) {
        for (let from = 0; from < 9; from += 1) {
          const target = make(140);
          const chunk = source.subarray(from, from + 80);
          expect(copyBytes(target, at, chunk), `${name} at ${at} from ${from}`).toBe(80);
          expect(target.subarray(at, at + 80).equals(chunk)).toBe(true);
          expect(target.subarray(0, at).every((byte) => byte === 0xee)).toBe(true);
          expect(target.subarray(at + 80).every((byte) => byte === 0xee)).toBe(true);
        }
      }
    }
  });

  it('copies out of shared memory into plain memory', () => {
    const from = shared(100);
    from.set(source);
    const target = Buffer.alloc(100);
    copyBytes(target, 5, from.subarray(3, 90));
    expect(target.subarray(5, 92).equals(source.subarray(3, 90))).toBe(true);
  });

  it('takes an empty chunk as nothing to write', () => {
    const target = Buffer.alloc(4, 1);
    expect(copyBytes(target, 4, new Uint8Array(0))).toBe(0);
    expect([...target]).toEqual([1, 1, 1, 1]);
  });

  it('refuses a chunk the target has no room for, writing nothing', () => {
    const target = Buffer.alloc(10, 1);
    expect(() => copyBytes(target, 8, source.subarray(0, 4))).toThrow(RangeError);
    expect([...target]).toEqual(Array(10).fill(1));
  });
});
