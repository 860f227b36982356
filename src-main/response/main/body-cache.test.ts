// The body cache alone, over a real spill folder in a temporary parent: the memory budget, least
// recently used by use, spilling and reading back, maxEntries, and a spill that fails.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeBody } from '../shared/body-text';
import { BodyCache, type BodyCacheOptions } from './body-cache';
import { SPILL_PREFIX, SpillFolder } from './spill-folder';

let parent: string;
let opened: BodyCache[];
beforeEach(() => {
  [parent, opened] = [mkdtempSync(join(tmpdir(), 'hae-body-cache-')), []];
  return async () => {
    for (const cache of opened) await cache.dispose();
    rmSync(parent, { recursive: true, force: true });
  };
});

function open(options: Partial<BodyCacheOptions> = {}): { cache: BodyCache; dropped: string[] } {
  const dropped: string[] = [];
  const cache = new BodyCache({ spill: new SpillFolder(parent), memoryBudgetBytes: () => 1024 * 1024, onDrop: (id) => dropped.push(id), ...options });
  opened.push(cache);
  return { cache, dropped };
}

/** Adds `text` as body `id`, with the facts main would keep. */
function add(cache: BodyCache, id: string, text: string): void {
  const bytes = Buffer.from(text);
  const { value: _value, length: _length, ...facts } = decodeBody(bytes, null);
  cache.add(id, facts, bytes);
}

const spilled = (cache: BodyCache) => (cache.spillFolder ? readdirSync(cache.spillFolder).sort() : []);

/** An AppError not_found with a sentence. */
const notFound = () => expect.objectContaining({ name: 'AppError', code: 'not_found', message: expect.stringMatching(/^[A-Z].*\.$/) });

describe('BodyCache: the memory budget', () => {
  it('keeps bodies in memory within the budget, and spills the least recently used beyond it', async () => {
    const { cache } = open({ memoryBudgetBytes: () => 250 });
    add(cache, 'a', 'a'.repeat(100));
    add(cache, 'b', 'b'.repeat(100));
    expect(cache.memoryBytes).toBe(200);
    cache.use('a'); // a is now the most recently used
    add(cache, 'c', 'c'.repeat(100));
    // b goes at once: memory no longer counts a body being written.
    expect(cache.memoryBytes).toBe(200);
    await cache.settled();
    expect(cache.spillFolder!.startsWith(join(parent, SPILL_PREFIX))).toBe(true);
    expect(spilled(cache)).toEqual(['b.body']);
    expect(await cache.readText('b')).toBe('b'.repeat(100));
    expect(await cache.rawText('b', 95, 10)).toBe('bbbbb');
    expect(cache.count).toBe(3);
  });

  it('reads the budget at every add, as the setting may change', async () => {
    let budget = 1000;
    const { cache } = open({ memoryBudgetBytes: () => budget });
    add(cache, 'a', 'a'.repeat(300));
    add(cache, 'b', 'b'.repeat(300));
    budget = 0;
    add(cache, 'c', 'c'.repeat(300));
    await cache.settled();
    expect(spilled(cache)).toEqual(['a.body', 'b.body', 'c.body']);
    expect(cache.memoryBytes).toBe(0);
    // Reading a spilled body back does not bring it into memory.
    expect(await cache.readText('c')).toBe('c'.repeat(300));
    expect(cache.memoryBytes).toBe(0);
  });

  it('keeps a body in memory when its spill fails (a full disk), and does not try it again', async () => {
    const writes: string[] = [];
    const fullDisk = {
      location: null,
      write: async (name: string) => {
        writes.push(name);
        throw new Error('ENOSPC');
      },
      remove: async () => undefined,
      dispose: () => undefined,
    };
    const { cache } = open({ spill: fullDisk, memoryBudgetBytes: () => 50 });
    add(cache, 'a', 'a'.repeat(100));
    await cache.settled();
    expect(cache.memoryBytes).toBe(100);
    add(cache, 'b', 'b'.repeat(100));
    await cache.settled();
    expect(writes).toEqual(['a.body', 'b.body']);
    expect(cache.memoryBytes).toBe(200);
    expect(await cache.readText('a')).toBe('a'.repeat(100));
  });

  it('removes the file of a body dropped while it was being written', async () => {
    const { cache, dropped } = open({ memoryBudgetBytes: () => 0 });
    add(cache, 'a', 'a'.repeat(100));
    cache.drop('a');
    await cache.settled();
    expect(dropped).toEqual(['a']);
    expect(spilled(cache)).toEqual([]);
    expect(cache.memoryBytes).toBe(0);
  });
});

describe('BodyCache: keeping and forgetting', () => {
  it('forgets the least recently used beyond maxEntries, telling onDrop, and removes its file', async () => {
    const { cache, dropped } = open({ maxEntries: 2, memoryBudgetBytes: () => 0 });
    add(cache, 'a', '"a"');
    add(cache, 'b', '"b"');
    await cache.settled();
    cache.use('a');
    add(cache, 'c', '"c"');
    await cache.settled();
    expect(dropped).toEqual(['b']);
    expect(cache.has('b')).toBe(false);
    expect(() => cache.use('b')).toThrow(notFound());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(spilled(cache)).toEqual(['a.body', 'c.body']);
  });

  it('keeps 16 bodies by default', () => {
    const { cache, dropped } = open();
    for (let i = 0; i < 17; i += 1) add(cache, `b${i}`, String(i));
    expect(cache.count).toBe(16);
    expect(dropped).toEqual(['b0']);
  });

  it('answers not_found with a sentence for a body not kept', async () => {
    const { cache } = open();
    expect(() => cache.use('nope')).toThrow(notFound());
    expect(() => cache.chunks('nope')).toThrow(notFound());
    await expect(cache.rawText('nope', 0, 1)).rejects.toEqual(notFound());
    await expect(cache.readText('nope')).rejects.toEqual(notFound());
    await expect(cache.sharedBytes('nope')).rejects.toEqual(notFound());
  });

  it('clear() and dispose() forget every body, telling onDrop, and dispose removes the folder', async () => {
    const { cache, dropped } = open({ memoryBudgetBytes: () => 0 });
    add(cache, 'a', '"a"');
    add(cache, 'b', '"b"');
    await cache.settled();
    const folder = cache.spillFolder!;
    cache.clear();
    expect(dropped).toEqual(['a', 'b']);
    add(cache, 'c', '"c"');
    await cache.dispose();
    expect(dropped).toEqual(['a', 'b', 'c']);
    expect(cache.count).toBe(0);
    expect(existsSync(folder)).toBe(false);
  });
});

describe('BodyCache: reading a body', () => {
  const unicode = JSON.stringify({ names: Array.from({ length: 30_000 }, (_, i) => `Zoë ${i} 😀 €`) });

  it('reads windows of characters, not bytes, from memory and from a file', async () => {
    // Room for one: the least recently used goes to a file.
    const { cache } = open({ memoryBudgetBytes: () => Buffer.byteLength(unicode) });
    add(cache, 'file', unicode);
    add(cache, 'memory', unicode);
    await cache.settled();
    expect(spilled(cache)).toEqual(['file.body']);
    for (const id of ['file', 'memory']) {
      for (const offset of [0, 1, 70_000, unicode.length - 20]) expect(await cache.rawText(id, offset, 40_000)).toBe(unicode.slice(offset, offset + 40_000));
      expect(await cache.readText(id)).toBe(unicode);
    }
  });

  it('streams the bytes for an export in pieces, from memory or from the file', async () => {
    const collect = async (chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>) => {
      const parts: Buffer[] = [];
      for await (const chunk of chunks) parts.push(Buffer.from(chunk));
      return { text: Buffer.concat(parts).toString('utf8'), pieces: parts.length };
    };
    const big = 'x'.repeat(2.5 * 1024 * 1024);
    const inMemory = open().cache;
    add(inMemory, 'a', big);
    expect(await collect(inMemory.chunks('a'))).toEqual({ text: big, pieces: 3 });
    const onDisk = open({ memoryBudgetBytes: () => 0 }).cache;
    add(onDisk, 'a', big);
    await onDisk.settled();
    expect((await collect(onDisk.chunks('a'))).text).toBe(big);
  });

  it('gives the worker shared bytes: moved into shared memory once, or read from the file', async () => {
    let budget = 1024;
    const { cache } = open({ memoryBudgetBytes: () => budget });
    add(cache, 'a', '{"a":1}');
    const first = await cache.sharedBytes('a');
    expect(first.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(first.byteOffset).toBe(0);
    expect(first.toString()).toBe('{"a":1}');
    // Kept in shared memory: the next load copies nothing.
    expect(await cache.sharedBytes('a')).toBe(first);
    budget = 0;
    add(cache, 'b', '{"b":2}');
    await cache.settled();
    const fromFile = await cache.sharedBytes('b');
    expect(fromFile.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(fromFile.toString()).toBe('{"b":2}');
  });
});
