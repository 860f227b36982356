// Pull range through the real core and IPC against the sandbox: windows, 429s, token expiry
// mid-run, cancel, resume, and export of the merged rows.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkProgressView, Result } from '../shared/contract';
import { startCore, type CoreFixture } from '../testing/core-fixture';

const open: CoreFixture[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

let exportPath = '';
async function signedIn(): Promise<CoreFixture> {
  exportPath = join(mkdtempSync(join(tmpdir(), 'hae-bulk-')), 'pull.out');
  const f = await startCore({ dialogs: { saveFile: async () => exportPath } });
  open.push(f);
  expect((await f.login()).ok).toBe(true);
  return f;
}

const shifts = { method: 'GET' as const, path: 'shifts', query: [{ name: 'mode', value: 'overview', enabled: true }], body: { kind: 'none' as const } };

function data<T>(result: Result<unknown>): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: T }).data;
}

async function until(f: CoreFixture, pullId: string, done: (p: BulkProgressView) => boolean): Promise<BulkProgressView> {
  for (let i = 0; i < 400; i += 1) {
    const progress = data<BulkProgressView>(await f.call('bulk:status', { pullId }));
    if (done(progress)) return progress;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the pull did not reach the expected state');
}

/** Shift ids the sandbox returns for the range, asked one window at a time. */
async function expectedIds(f: CoreFixture, windows: Array<[string, string]>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const [start, end] of windows) {
    const res = await fetch(`${f.sandbox.url}/oauth2/token.php`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'sandbox-app', client_secret: 'sandbox-app-secret', username: 'demo.admin@sandbox.example', password: 'sandbox-demo' }),
    });
    const { access_token } = (await res.json()) as { access_token: string };
    const body = (await (await fetch(`${f.sandbox.url}/api/v2/shifts?start_date=${start}&end_date=${end}&access_token=${access_token}`)).json()) as { data: Array<{ id: number }> };
    for (const shift of body.data) ids.add(String(shift.id));
  }
  return ids;
}

describe('bulk pulls through IPC', () => {
  it('a 6-month pull with 429s and an expired token finishes with every shift once, and exports', async () => {
    const f = await signedIn();
    f.sandbox.setFaults({ rateLimitNext: { count: 2, retryAfterSeconds: 0 } });
    const started = data<BulkProgressView>(await f.call('bulk:start', { request: shifts, collectionId: null, startDate: '2026-01-01', endDate: '2026-06-30' }));
    expect(started.windowsTotal).toBe(7);
    await until(f, started.pullId, (p) => p.windowsDone >= 2);
    f.sandbox.expireAccessTokens();
    const done = await until(f, started.pullId, (p) => p.state !== 'running');
    expect(done.state).toBe('done');

    const expected = await expectedIds(f, [['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-02-28'], ['2026-03-01', '2026-03-31'], ['2026-04-01', '2026-04-30'], ['2026-05-01', '2026-05-31'], ['2026-06-01', '2026-06-30']]);
    expect(done.rows).toBe(expected.size);
    expect(f.sandbox.stats().refreshGrants).toBeGreaterThanOrEqual(1);

    const ndjson = data<{ saved: boolean; rows: number }>(await f.call('bulk:export', { pullId: started.pullId, format: 'ndjson' }));
    expect(ndjson).toMatchObject({ saved: true, rows: expected.size });
    const ids = readFileSync(exportPath, 'utf8').trim().split('\n').map((line) => String((JSON.parse(line) as { id: number }).id));
    expect(new Set(ids)).toEqual(expected);

    const csv = data<{ saved: boolean; rows: number }>(await f.call('bulk:export', { pullId: started.pullId, format: 'csv' }));
    expect(csv.rows).toBe(expected.size);
    expect(readFileSync(exportPath, 'utf8').trim().split('\r\n')).toHaveLength(expected.size + 1);
  });

  it('cancel stops the pull and resume finishes it without refetching finished windows', async () => {
    const f = await signedIn();
    f.sandbox.setFaults({ latencyMs: 150 });
    const started = data<BulkProgressView>(await f.call('bulk:start', { request: shifts, collectionId: null, startDate: '2026-01-01', endDate: '2026-12-31' }));
    await until(f, started.pullId, (p) => p.windowsDone >= 1);
    const cancelled = data<BulkProgressView>(await f.call('bulk:cancel', { pullId: started.pullId }));
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.windowsDone).toBeLessThan(cancelled.windowsTotal);
    const callsAtCancel = f.sandbox.stats().apiCalls;
    f.sandbox.clearFaults();

    data(await f.call('bulk:resume', { pullId: started.pullId }));
    const done = await until(f, started.pullId, (p) => p.state !== 'running');
    expect(done.state).toBe('done');
    expect(done.windowsDone).toBe(14);
    // Finished windows are not fetched again. (The cancelled call may reach the server after the
    // count above was read, hence the one spare.)
    const resumedCalls = f.sandbox.stats().apiCalls - callsAtCancel;
    expect(resumedCalls).toBeGreaterThanOrEqual(14 - cancelled.windowsDone);
    expect(resumedCalls).toBeLessThanOrEqual(14 - cancelled.windowsDone + 1);
  });

  it('refuses writes and bad ranges with sentences', async () => {
    const f = await signedIn();
    expect(await f.call('bulk:start', { request: { ...shifts, method: 'POST' }, collectionId: null, startDate: '2026-01-01', endDate: '2026-01-31' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const backwards = await f.call('bulk:start', { request: shifts, collectionId: null, startDate: '2026-03-01', endDate: '2026-01-31' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
