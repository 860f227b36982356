// Load: 500 requests from 20 concurrent senders through the whole main-side path while the
// token expires every 5 seconds (of a shared fake clock): every request succeeds, each expiry
// costs exactly one refresh, nothing is left unhandled, and memory returns to its baseline.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ResponseSummary, Result } from '../shared/contract';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let clock = Date.now();
let sandbox: SandboxServer;
let f: CoreFixture;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // Rotation: every refresh writes a new sealed refresh token, the busiest path through storage.
  sandbox = await startSandbox({ tokenLifetimeSeconds: 5, now: () => clock, refreshBehaviour: 'rotate' });
  f = await startCore({ sandbox, now: () => clock });
  expect((await f.login()).ok).toBe(true);
  // History is part of the path, but a load test of 500 entries would only measure the disk.
  expect((await f.call('settings:update', { historyLimit: 0 })).ok).toBe(true);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await f.close();
  await sandbox.close();
});

const PHASES = 5;
const SENDERS = 20;
const PER_SENDER_PER_PHASE = 5;
const PATHS = ['employees', 'positions', 'locations', 'me'];

async function sender(index: number): Promise<Array<Result<ResponseSummary>>> {
  const results: Array<Result<ResponseSummary>> = [];
  for (let i = 0; i < PER_SENDER_PER_PHASE; i += 1) {
    results.push((await f.call('request:send', getRequest(PATHS[(index + i) % PATHS.length]!))) as Result<ResponseSummary>);
  }
  return results;
}

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

it('500 requests, 20 at a time, tokens expiring every 5 s: all succeed with one refresh per expiry', async () => {
  await Promise.all(Array.from({ length: SENDERS }, (_, i) => sender(i)));
  const baseline = heapAfterGc();
  const refreshesBefore = sandbox.stats().refreshGrants;

  let succeeded = 0;
  for (let phase = 0; phase < PHASES; phase += 1) {
    clock += 5_000;
    const results = (await Promise.all(Array.from({ length: SENDERS }, (_, i) => sender(i)))).flat();
    succeeded += results.filter((r) => r.ok && r.data.envelope.kind === 'success').length;
  }

  expect(succeeded).toBe(PHASES * SENDERS * PER_SENDER_PER_PHASE);
  expect(succeeded).toBe(500);
  expect(sandbox.stats().refreshGrants - refreshesBefore).toBe(PHASES);
  expect(unhandled).toEqual([]);
  // Responses are kept in a bounded store, so 500 of them leave the heap where it was.
  expect(heapAfterGc() - baseline).toBeLessThan(16 * 1024 * 1024);
});
