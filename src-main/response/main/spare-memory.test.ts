import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { SpareMemory } from './spare-memory';

const MB = 1024 * 1024;

/** Lets the steps that write the spare through run (the first waits 100 ms). */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  for (let i = 0; i < 40; i += 1) await nextTurn();
}

describe('SpareMemory', () => {
  it('gives new shared memory until a spare is ready, then the spare for a body of about its size, once', async () => {
    const memory = new SpareMemory();
    const first = memory.take(3 * MB);
    expect(first.buffer).toBeInstanceOf(SharedArrayBuffer);
    memory.prepare(3 * MB);
    // Not ready yet: written through a step at a time.
    expect(memory.take(3 * MB).buffer).not.toBe(first.buffer);
    await settle();
    const spare = memory.take(3 * MB + 100);
    expect(spare.length).toBe(3 * MB + 100);
    expect(spare.byteOffset).toBe(0);
    expect(spare.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect((spare.buffer as SharedArrayBuffer).byteLength).toBeGreaterThanOrEqual(3 * MB + 100);
    // Taken: the next body gets new memory again.
    expect(memory.take(3 * MB).buffer).not.toBe(spare.buffer);
  });

  it('keeps no spare for bodies too big, and none that is far larger than the body', async () => {
    const memory = new SpareMemory();
    memory.prepare(40 * MB);
    await settle();
    expect((memory.take(40 * MB).buffer as SharedArrayBuffer).byteLength).toBe(40 * MB);
    memory.prepare(8 * MB);
    await settle();
    expect((memory.take(2 * MB).buffer as SharedArrayBuffer).byteLength).toBe(2 * MB);
    expect((memory.take(8 * MB).buffer as SharedArrayBuffer).byteLength).toBeGreaterThan(8 * MB);
  });

  it('lets go of the spare when stopped, also halfway', async () => {
    const memory = new SpareMemory();
    memory.prepare(4 * MB);
    memory.stop();
    await settle();
    expect((memory.take(4 * MB).buffer as SharedArrayBuffer).byteLength).toBe(4 * MB);
  });
});
