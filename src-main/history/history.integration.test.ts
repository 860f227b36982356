// History and export through the real core and handler table, against the sandbox over HTTP:
// what a user does in the UI, with sentinel secrets that must not reach any file we write.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, ResponseSummary, TreeRow } from '../shared/contract';
import { startSandbox } from '../sandbox/server';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';

const PASSWORD = 'pw-SENTINEL-history-1';
const APP_SECRET = 'secret-SENTINEL-history-2';
const tokenFactory = (kind: 'access' | 'refresh') => `${kind}-SENTINEL-${Math.random().toString(36).slice(2)}`;

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

function data<T>(result: { ok: boolean }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as unknown as { data: T }).data;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

async function setup() {
  const sandbox = await startSandbox({ password: PASSWORD, clientSecret: APP_SECRET, tokenFactory });
  cleanup.push(() => sandbox.close());
  const exportDir = mkdtempSync(join(tmpdir(), 'hae-exports-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'hae-core-'));
  cleanup.push(() => rmSync(exportDir, { recursive: true, force: true }));
  cleanup.push(() => rmSync(userDataDir, { recursive: true, force: true }));
  const saved: string[] = [];
  const start = async () => {
    const f = await startCore({
      sandbox,
      userDataDir,
      dialogs: { saveFile: async ({ defaultName }) => join(exportDir, `${saved.push(defaultName)}-${defaultName}`) },
    });
    cleanup.push(() => f.close());
    data(await f.login({ password: PASSWORD, appSecret: APP_SECRET }));
    return f;
  };
  return { start, exportDir, userDataDir };
}

const listHistory = async (f: CoreFixture, query = '') => data<{ entries: HistoryEntry[]; total: number }>(await f.call('history:list', { query, offset: 0, limit: 50 }));

describe('history and export through the core', () => {
  it('records sends, reopens them after a restart, exports them, and writes no secret anywhere', async () => {
    const { start, exportDir, userDataDir } = await setup();
    const f = await start();
    const sent = data<ResponseSummary>(await f.call('request:send', getRequest('employees', [['fields', 'id,name']])));
    await f.call('request:send', getRequest('shifts/99999999'));

    const { entries, total } = await listHistory(f);
    expect(total).toBe(2);
    expect(entries[1]).toMatchObject({ request: { path: 'employees' }, httpStatus: 200, outcome: 'Success', envelopeKind: 'success', bodyKept: true });
    expect((await listHistory(f, 'FIELDS')).entries.map((e) => e.request.path)).toEqual(['employees']);

    // A restart on the same user-data folder still has the entry and its response.
    await f.close();
    const again = await start();
    const opened = data<{ summary: ResponseSummary }>(await again.call('history:open', { id: entries[1]!.id }));
    expect(opened.summary).toMatchObject({ httpStatus: 200, url: sent.url, sizeBytes: sent.sizeBytes });
    const tree = data<{ rows: TreeRow[] }>(await again.call('response:tree', { responseId: opened.summary.responseId, expanded: [''], offset: 0, limit: 20 }));
    expect(tree.rows.map((r) => r.key)).toContain('data');

    const json = data<{ saved: boolean; path: string }>(await again.call('export:responseJson', { responseId: opened.summary.responseId }));
    const exported = JSON.parse(readFileSync(json.path, 'utf8'));
    expect(Array.isArray(exported.data)).toBe(true);
    const csv = data<{ rows: number }>(await again.call('export:responseCsv', { responseId: opened.summary.responseId, pointer: '' }));
    expect(csv.rows).toBe(exported.data.length);

    const curl = data<{ text: string }>(await again.call('export:curl', { request: entries[1]!.request, collectionId: null, includeToken: true }));
    expect(curl.text).toContain('access_token=<ACCESS_TOKEN>');
    expect(again.clipboard.at(-1)).toMatch(/access_token=access-SENTINEL-/);

    const written = [...filesUnder(join(userDataDir, 'history.json')), ...filesUnder(join(userDataDir, 'history-bodies')), ...filesUnder(exportDir)];
    expect(written.length).toBeGreaterThanOrEqual(4);
    for (const file of written) {
      const content = readFileSync(file, 'utf8');
      for (const secret of [PASSWORD, APP_SECRET, 'access-SENTINEL-', 'refresh-SENTINEL-']) expect(content, file).not.toContain(secret);
    }
    expect(JSON.stringify(await listHistory(again))).not.toContain('SENTINEL');
    expect(curl.text).not.toContain('SENTINEL');
  });
});
