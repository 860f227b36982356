// Worker residency alone, over a stand-in worker (a set of the bodies it holds, answering
// not_found for the others, as body-worker.ts does) and a stand-in body cache: what is loaded and
// when, its own least-recently-used budget, a reload when the worker let a body go, a restart, a
// body whose parse ran the worker out of memory.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import type { WorkerCalls, WorkerOp } from '../worker-protocol';
import { WorkerResidency } from './worker-residency';

const facts = { isJson: true, head: null, textChars: 0, charIndex: null };

function standIns(sizes: Record<string, number>, budgetBytes = 250) {
  const held = new Set<string>();
  const calls: string[] = [];
  let reset: (overflowed: readonly string[]) => void = () => {};
  let refuseLoads = false;
  const worker = {
    async call<K extends WorkerOp>(op: K, input: WorkerCalls[K]['input']): Promise<WorkerCalls[K]['output']> {
      const { docId } = input;
      calls.push(`${op} ${docId}`);
      if (op === 'load') {
        if (!refuseLoads) held.add(docId);
        return facts as WorkerCalls[K]['output'];
      }
      if (op === 'evict') {
        held.delete(docId);
        return null as WorkerCalls[K]['output'];
      }
      if (op === 'tree' && docId === 'broken') throw new AppError('invalid_input', 'That path filter is not valid.');
      if (!held.has(docId)) throw new AppError('not_found', 'That response is no longer kept in memory. Send the request again to see it.');
      return { rows: [], totalRows: docId.length } as unknown as WorkerCalls[K]['output'];
    },
    onReset(listener: (overflowed: readonly string[]) => void) {
      reset = listener;
    },
  };
  const kept = new Map(Object.entries(sizes));
  let sharedBytes = async (id: string) => Buffer.from(new SharedArrayBuffer(kept.get(id)!));
  const bodies = {
    use(id: string) {
      const size = kept.get(id);
      if (size === undefined) throw new AppError('not_found', 'That response is no longer kept in memory. Send the request again to see it.');
      return { id, size, facts };
    },
    has: (id: string) => kept.has(id),
    sharedBytes: (id: string) => sharedBytes(id),
    // Every load here answers JSON, as told: nothing to correct.
    notJson: () => undefined,
  };
  const residency = new WorkerResidency({ worker, bodies, budgetBytes });
  return {
    residency,
    held,
    calls,
    kept,
    /** The worker died; `overflowed`: the bodies whose parse ran it out of memory. */
    restart: (overflowed: string[] = []) => (held.clear(), reset(overflowed)),
    refuseLoads: () => (refuseLoads = true),
    holdLoads(): () => void {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const before = sharedBytes;
      sharedBytes = async (id) => (await gate, before(id));
      return release;
    },
  };
}

const tree = (residency: WorkerResidency, id: string) => residency.query(id, 'tree', { expansion: { expanded: [''], expandAll: false, collapsed: [] }, offset: 0, limit: 10 });

describe('WorkerResidency', () => {
  it('loads a body into the worker on its first query, once however many queries wait, then asks', async () => {
    const { residency, calls } = standIns({ a: 100 });
    await Promise.all([tree(residency, 'a'), tree(residency, 'a')]);
    expect(calls).toEqual(['load a', 'tree a', 'tree a']);
    expect(residency.holds('a')).toBe(true);
    await tree(residency, 'a');
    expect(calls.filter((call) => call === 'load a')).toHaveLength(1);
  });

  it('keeps the worker within its budget, letting the least recently used body go', async () => {
    const { residency, calls, held } = standIns({ a: 100, b: 100, c: 100 });
    await tree(residency, 'a');
    await tree(residency, 'b');
    await tree(residency, 'a'); // a is now the most recently used
    await tree(residency, 'c');
    expect(calls).toContain('evict b');
    expect([...held].sort()).toEqual(['a', 'c']);
    expect([residency.holds('a'), residency.holds('b'), residency.holds('c')]).toEqual([true, false, true]);
  });

  it('loads a body again when the worker let it go, and asks once more; a second refusal is the answer', async () => {
    const stand = standIns({ a: 100 });
    await tree(stand.residency, 'a');
    stand.held.delete('a');
    stand.calls.length = 0;
    await tree(stand.residency, 'a');
    expect(stand.calls).toEqual(['tree a', 'load a', 'tree a']);
    stand.held.delete('a');
    stand.refuseLoads();
    await expect(tree(stand.residency, 'a')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('passes on any other refusal without loading again', async () => {
    const { residency, calls } = standIns({ broken: 10 });
    await expect(tree(residency, 'broken')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(calls).toEqual(['load broken', 'tree broken']);
  });

  it('answers not_found for a body the cache no longer keeps, without asking the worker', async () => {
    const { residency, calls } = standIns({});
    await expect(tree(residency, 'gone')).rejects.toMatchObject({ code: 'not_found' });
    expect(calls).toEqual([]);
  });

  it('forgets what the worker held when it restarts, and loads again', async () => {
    const { residency, calls, restart } = standIns({ a: 100 });
    await tree(residency, 'a');
    restart();
    expect(residency.holds('a')).toBe(false);
    await tree(residency, 'a');
    expect(calls).toEqual(['load a', 'tree a', 'load a', 'tree a']);
  });

  it('tells the worker to let go of a body dropped from the cache while it loaded', async () => {
    const { residency, calls, kept, holdLoads } = standIns({ a: 100 });
    const release = holdLoads();
    const query = tree(residency, 'a');
    kept.delete('a');
    release();
    await expect(query).rejects.toMatchObject({ code: 'not_found' });
    expect(calls.slice(0, 2)).toEqual(['load a', 'evict a']);
    expect(residency.holds('a')).toBe(false);
  });

  it('makes room for a body about to arrive, and keeps one parsed as it arrived or loaded whole', async () => {
    const { residency, calls } = standIns({ a: 100, b: 100 });
    await tree(residency, 'a');
    await tree(residency, 'b');
    residency.makeRoom(100);
    expect(calls.slice(-1)).toEqual(['evict a']);
    residency.add('fed', 200);
    expect([residency.holds('b'), residency.holds('fed')]).toEqual([false, true]);
    expect(await residency.parse('whole', Buffer.from(new SharedArrayBuffer(100)))).toEqual(facts);
    expect(calls.slice(-2)).toEqual(['evict fed', 'load whole']);
    expect(residency.holds('whole')).toBe(true);
  });

  it('refuses at once a body whose parse ran the worker out of memory, never loading it again, while it is kept', async () => {
    const { residency, calls, kept, restart } = standIns({ big: 100, small: 100 }, 1000);
    await tree(residency, 'small');
    // 'later' was not kept yet when its parse ran the worker out of memory (it was still arriving).
    restart(['big', 'later']);
    for (let query = 0; query < 2; query += 1) {
      await expect(tree(residency, 'big')).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/^This response is too large.*Raw.*Save JSON.*narrow the request.*\.$/) });
    }
    expect(calls).toEqual(['load small', 'tree small']);
    // The others load again, as after any restart.
    await tree(residency, 'small');
    kept.set('later', 100);
    await tree(residency, 'later');
    // The mark goes with the body.
    residency.dropped('big');
    await tree(residency, 'big');
    expect(calls.slice(2)).toEqual(['load small', 'tree small', 'load later', 'tree later', 'load big', 'tree big']);
  });

  it('loads a body told as JSON as told, and tells the cache when that parse finds it is not (its first was lost with a worker)', async () => {
    const [loads, corrected] = [[] as Array<WorkerCalls['load']['input']>, [] as string[]];
    const worker = {
      async call<K extends WorkerOp>(op: K, input: WorkerCalls[K]['input']): Promise<WorkerCalls[K]['output']> {
        if (op === 'load') loads.push(input as WorkerCalls['load']['input']);
        return (op === 'load' ? { ...facts, isJson: false } : { rows: [], totalRows: 0 }) as WorkerCalls[K]['output'];
      },
      onReset: () => undefined,
    };
    const bodies = {
      use: (id: string) => ({ id, size: 10, facts: { ...facts, toldJson: true } }),
      has: () => true,
      sharedBytes: async () => Buffer.from(new SharedArrayBuffer(10)),
      notJson: (id: string) => void corrected.push(id),
    };
    await tree(new WorkerResidency({ worker, bodies }), 'a');
    expect(loads).toMatchObject([{ docId: 'a', toldJson: true }]);
    expect(corrected).toEqual(['a']);
  });

  it('evict tells the worker only of a body it holds; forget always does', async () => {
    const { residency, calls } = standIns({ a: 100 });
    residency.evict('a');
    expect(calls).toEqual([]);
    await tree(residency, 'a');
    residency.evict('a');
    residency.evict('a');
    residency.forget('halfway');
    expect(calls).toEqual(['load a', 'tree a', 'evict a', 'evict halfway']);
  });
});
