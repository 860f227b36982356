// A big answer told as JSON from its first rows and broken past them, through the real core over
// HTTP: once the body worker's whole parse finds it is not JSON, main says so in one sentence
// wherever a view or an export would read it as JSON, and its history entry (also after a restart)
// reopens as text (docs/architecture.md, "The response pipeline").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, HistoryEntry, ResponseSummary, Result } from '../shared/contract';
import { getRequest, okData, startCore, type CoreFixture } from '../testing/core-fixture';
import { json, startScriptedHost, type ScriptedHost } from '../testing/scripted-host';
import { NOT_JSON_AFTER_ALL } from './worker-protocol';

const SHIFTS = 50_000;
const GOOD = { status: 1, data: [{ id: 1, name: 'Ada' }], error: null };

/** About 3 MB of /shifts whose last record is broken: past the first rows and every batch parsed while it arrives. */
function brokenShifts(): Buffer {
  const shifts = Array.from({ length: SHIFTS }, (_, id) => `{"id":${id},"title":"Shift ${id}","start_date":"2026-03-${String(2 + (id % 20)).padStart(2, '0')}"}`);
  shifts[SHIFTS - 1] = `{"id":${SHIFTS - 1},"title":}`;
  return Buffer.from(`{"status":1,"data":[${shifts.join(',')}],"metadata":[],"error":null}`);
}

let host: ScriptedHost;
let userDataDir: string;
const cores: CoreFixture[] = [];

beforeAll(async () => {
  const body = brokenShifts();
  host = await startScriptedHost({
    '/api/v2/shifts': (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) }).end(body),
    '/api/v2/employees': json(200, GOOD),
  });
});
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
  rmSync(userDataDir, { recursive: true, force: true });
});
afterAll(() => host.close());

/** A core signed in to the scripted host, on `userDataDir` (the same one again: a restart). */
async function signedIn(): Promise<CoreFixture> {
  const f = await startCore({ userDataDir, dialogs: { saveFile: async ({ defaultName }) => join(userDataDir, defaultName) } });
  cores.push(f);
  okData(await f.login({ host: host.url }));
  return f;
}

/** The refusal a call gets: the sentence. */
async function refusal(f: CoreFixture, channel: ChannelName, input: unknown): Promise<string> {
  const result = (await f.core.dispatch(channel, { frameUrl: 'file:///test', isMainFrame: true }, input)) as Result<unknown>;
  expect(result, `${channel}: ${JSON.stringify(result).slice(0, 300)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  return (result as { error: { message: string } }).error.message;
}

describe('a big answer broken past its first rows', () => {
  it('is refused with one sentence once parsed, and its history entry reopens as text, also after a restart', { timeout: 60_000 }, async () => {
    userDataDir = mkdtempSync(join(tmpdir(), 'hae-broken-json-'));
    const f = await signedIn();
    // Kept in history whole, so it can be reopened.
    okData(await f.call('settings:update', { historyBodyLimitKB: 10_240 }));
    const broken = okData<ResponseSummary>(await f.call('request:send', getRequest('shifts')));
    expect(broken, 'told as JSON from its first rows, before its whole parse').toMatchObject({ bodyKind: 'json', firstRows: { totalRows: 5 + SHIFTS } });
    const good = okData<ResponseSummary>(await f.call('request:send', getRequest('employees')));
    const [responseId, other] = [broken.responseId, good.responseId];

    // Compare waits for the whole parse; then main's facts say it is not JSON, on either side.
    expect(await refusal(f, 'compare:start', { before: { responseId }, after: { responseId: other }, key: null })).toBe(NOT_JSON_AFTER_ALL);
    expect(await refusal(f, 'compare:start', { before: { responseId: other }, after: { responseId }, key: null })).toBe(NOT_JSON_AFTER_ALL);
    const rows = { responseId, pointer: '', filter: '', sort: null };
    expect(await refusal(f, 'table:rows', { ...rows, offset: 0, limit: 50 })).toBe(NOT_JSON_AFTER_ALL);
    expect(await refusal(f, 'table:exportCsv', { ...rows, columns: ['id'] })).toBe(NOT_JSON_AFTER_ALL);
    const chart = { source: { kind: 'response', responseId, pointer: '', filter: '' }, spec: { x: null, bucket: 'auto', y: null, yField: null, split: null, top: 5 } };
    expect(await refusal(f, 'chart:data', chart)).toBe(NOT_JSON_AFTER_ALL);
    expect(await refusal(f, 'response:search', { responseId, query: 'Shift 7', mode: 'text', offset: 0, limit: 10 })).toBe(NOT_JSON_AFTER_ALL);
    expect(await refusal(f, 'export:responseCsv', { responseId, pointer: '' })).toBe(NOT_JSON_AFTER_ALL);
    expect(await refusal(f, 'export:responseXlsx', { responseId, pointer: '' })).toBe(NOT_JSON_AFTER_ALL);
    // Raw still reads it.
    expect(okData<{ text: string }>(await f.call('response:text', { responseId, offset: 0, length: 20, pretty: false })).text).toBe('{"status":1,"data":[');

    const entry = okData<{ entries: HistoryEntry[] }>(await f.call('history:list', { query: 'shifts', offset: 0, limit: 10 })).entries[0]!;
    expect(entry).toMatchObject({ outcome: NOT_JSON_AFTER_ALL, envelopeKind: 'not_envelope', bodyKept: true });
    const reopened = okData<{ summary: ResponseSummary }>(await f.call('history:open', { id: entry.id })).summary;
    expect(reopened).toMatchObject({ bodyKind: 'text', outcome: NOT_JSON_AFTER_ALL, envelope: { kind: 'not_envelope' } });

    await cores.pop()!.close();
    const again = await signedIn();
    const afterRestart = okData<{ summary: ResponseSummary }>(await again.call('history:open', { id: entry.id })).summary;
    expect(afterRestart).toMatchObject({ bodyKind: 'text', outcome: NOT_JSON_AFTER_ALL, httpStatus: 200 });
    const fresh = okData<ResponseSummary>(await again.call('request:send', getRequest('employees')));
    expect(await refusal(again, 'compare:start', { before: { historyId: entry.id }, after: { responseId: fresh.responseId }, key: null })).toBe(NOT_JSON_AFTER_ALL);
  });
});
