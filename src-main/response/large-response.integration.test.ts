// A 50 MB Humanity-like /shifts answer through the real core: windows of the tree, the text and
// the table, search and rowOf, expand all, the size ceiling with "Save to file", the memory budget
// with its temporary file. Functional, never timed; every answer the renderer gets stays small.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, ResponseSummary, Result, TreeRow } from '../shared/contract';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';
import { makeShiftsBody, shiftsBodyBytes, shiftsRoute, type ShiftsBody } from '../testing/large-shifts';
import { startScriptedHost, type ScriptedHost } from '../testing/scripted-host';

const MB = 1024 * 1024;
/** The most any one answer may weigh, as JSON: far below the body, whatever the body. */
const ANSWER_MAX = MB;

let body: ShiftsBody;
let host: ScriptedHost;
let exportDir: string;
const cores: CoreFixture[] = [];

beforeAll(async () => {
  body = makeShiftsBody(50 * MB);
  host = await startScriptedHost({ '/api/v2/shifts': shiftsRoute(body) });
  exportDir = mkdtempSync(join(tmpdir(), 'hae-large-'));
});
/** The worker scans between polls; a short pause keeps the loop independent of machine load. */
async function pollAgain<T>(ask: () => Promise<T>): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return ask();
}

afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
afterAll(async () => {
  await host.close();
  rmSync(exportDir, { recursive: true, force: true });
});

/** A signed-in core whose every answer is recorded. */
async function signedIn(settings: Record<string, unknown> = {}) {
  const f = await startCore({ dialogs: { saveFile: async ({ defaultName }) => join(exportDir, `${Date.now()}-${defaultName}`) } });
  cores.push(f);
  expect((await f.login({ host: host.url })).ok).toBe(true);
  if (Object.keys(settings).length) expect((await f.call('settings:update', settings)).ok).toBe(true);
  const answers: Array<{ channel: string; json: number }> = [];
  const call = async <T>(channel: ChannelName, input: unknown): Promise<T> => {
    const result = (await f.core.dispatch(channel, { frameUrl: 'file:///test', isMainFrame: true }, input)) as Result<T>;
    answers.push({ channel, json: JSON.stringify(result).length });
    expect(result, JSON.stringify(result).slice(0, 500)).toMatchObject({ ok: true });
    return (result as { data: T }).data;
  };
  return { f, call, answers };
}

type Page = { rows: TreeRow[]; totalRows: number };
type SearchPage = { hits: Array<{ path: string; key: string | null; preview: string }>; totalHits: number; done: boolean; scanned: number; capped: boolean };

function nodeCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 1;
  let count = 1;
  for (const child of Object.values(value)) count += nodeCount(child);
  return count;
}

describe('a 50 MB /shifts answer', () => {
  it('opens, scrolls to its end, searches, finds rows, expands all; every answer stays small', { timeout: 180_000 }, async () => {
    const { call, answers } = await signedIn();
    const summary = await call<ResponseSummary>('request:send', getRequest('shifts'));
    const responseId = summary.responseId;
    const last = body.shifts - 1;
    expect(summary).toMatchObject({ httpStatus: 200, bodyKind: 'json', envelope: { kind: 'success' }, outcome: 'Success' });
    expect(summary.sizeBytes).toBeGreaterThan(50 * MB);

    const first = await call<Page>('response:tree', { responseId, expanded: [''], offset: 0, limit: 100 });
    expect(first.rows.map((row) => row.path)).toEqual(['', '/status', '/data', '/metadata', '/token', '/error']);
    expect(first.rows[4]!.preview).toBe('"[REDACTED]"');

    const open = ['', '/data'];
    const { totalRows } = await call<Page>('response:tree', { responseId, expanded: open, offset: 0, limit: 500 });
    expect(totalRows).toBe(6 + body.shifts);
    const end = await call<Page>('response:tree', { responseId, expanded: open, offset: totalRows - 5, limit: 500 });
    expect(end.rows.map((row) => row.path)).toEqual([`/data/${last - 1}`, `/data/${last}`, '/metadata', '/token', '/error']);

    // Search for a value near the end; poll as the renderer does until the scan is done.
    const query = { responseId, query: String(body.lastShiftId), mode: 'text', offset: 0, limit: 500 };
    let search = await call<SearchPage>('response:search', query);
    for (let polls = 0; !search.done && polls < 12_000; polls += 1) search = await pollAgain(() => call<SearchPage>('response:search', query));
    expect(search.done).toBe(true);
    expect(search.hits).toContainEqual({ path: `/data/${last}/id`, key: 'id', preview: String(body.lastShiftId) });
    expect(search.scanned).toBeGreaterThan(body.shifts * 10);
    expect((await call<SearchPage>('response:search', { ...query, query: 'SENTINEL-nothing' })).totalHits).toBe(0);

    // Scroll to the hit: expand its ancestors, ask for its row, and the page there starts with it.
    const withHit = [...open, `/data/${last}`];
    const { row } = await call<{ row: number | null }>('response:rowOf', { responseId, expanded: withHit, path: `/data/${last}/id` });
    expect(row).toBe(2 + last + 2);
    const atHit = await call<Page>('response:tree', { responseId, expanded: withHit, offset: row, limit: 1 });
    expect(atHit.rows[0]).toMatchObject({ path: `/data/${last}/id`, preview: String(body.lastShiftId) });

    // Expand all: every node is a row; collapsing /data leaves the envelope.
    const nodes = nodeCount(JSON.parse(shiftsBodyBytes(body, '[REDACTED]').toString('utf8')));
    const all = await call<Page>('response:tree', { responseId, expanded: [], expandAll: true, offset: 0, limit: 500 });
    expect(all.totalRows).toBe(nodes);
    expect(all.rows).toHaveLength(500);
    const allEnd = await call<Page>('response:tree', { responseId, expanded: [], expandAll: true, offset: nodes - 1, limit: 500 });
    expect(allEnd.rows.map((r) => r.path)).toEqual(['/error']);
    expect((await call<Page>('response:tree', { responseId, expanded: [], expandAll: true, collapsed: ['/data'], offset: 0, limit: 500 })).totalRows).toBe(6);

    // A path filter with many matches stops at the cap.
    const filter = { responseId, query: 'data[*].employees[*].name', mode: 'path', offset: 9_900, limit: 500 };
    let names = await call<SearchPage>('response:search', filter);
    for (let polls = 0; !names.done && polls < 12_000; polls += 1) names = await pollAgain(() => call<SearchPage>('response:search', filter));
    expect(names).toMatchObject({ totalHits: 10_000, capped: true, done: true });
    expect(names.hits).toHaveLength(100);

    // Raw and pretty text windows, and table rows.
    const raw = await call<{ text: string; totalChars: number }>('response:text', { responseId, offset: 0, length: 262_144, pretty: false });
    expect(raw.text).toHaveLength(262_144);
    const rawEnd = await call<{ text: string }>('response:text', { responseId, offset: raw.totalChars - 40, length: 262_144, pretty: false });
    expect(rawEnd.text).toBe('"metadata":[],"token":"[REDACTED]","error":null}'.slice(-40));
    const pretty = await call<{ text: string; totalChars: number }>('response:text', { responseId, offset: 0, length: 262_144, pretty: true });
    expect(pretty.text.startsWith('{\n  "status": 1,\n  "data": [\n    {\n      "id": ')).toBe(true);
    const prettyTail = '\n  ],\n  "metadata": [],\n  "token": "[REDACTED]",\n  "error": null\n}';
    const prettyEnd = await call<{ text: string }>('response:text', { responseId, offset: pretty.totalChars - prettyTail.length, length: 262_144, pretty: true });
    expect(prettyEnd.text).toBe(prettyTail);
    const table = await call<{ columns: string[]; rows: string[][]; totalRows: number }>('table:rows', { responseId, pointer: '', filter: '', sort: null, offset: body.shifts - 500, limit: 500 });
    expect(table.totalRows).toBe(body.shifts);
    expect(table.rows.at(-1)![table.columns.indexOf('id')]).toBe(String(body.lastShiftId));

    for (const answer of answers) expect(answer.json, answer.channel).toBeLessThan(ANSWER_MAX);
  });

  it('beyond the size ceiling: stopped with a sentence that offers a file, nothing kept; Save to file writes it all', { timeout: 120_000 }, async () => {
    const { f, call } = await signedIn({ maxResponseMB: 10 });
    const result = await f.call('request:send', getRequest('shifts'));
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large' } });
    if (!result.ok) expect(result.error.message).toMatch(/^The answer is larger than 10 MB.*nothing was kept.*Save to file.*\.$/);
    expect(f.core.responses.count).toBe(0);

    const saved = await call<{ saved: boolean; path: string; bytes: number }>('request:download', getRequest('shifts'));
    const expected = shiftsBodyBytes(body, '[REDACTED]');
    expect(saved).toMatchObject({ saved: true, bytes: expected.length });
    expect(readFileSync(saved.path).equals(expected)).toBe(true);
    expect(f.core.responses.count).toBe(0);
    expect(readdirSync(exportDir).filter((name) => name.startsWith('.'))).toEqual([]);
    const history = await call<{ entries: Array<{ sizeBytes: number; outcome: string }> }>('history:list', { query: '', offset: 0, limit: 5 });
    expect(history.entries[0]).toMatchObject({ sizeBytes: expected.length, outcome: expect.stringContaining('saved to') });
  });

  it('beyond the memory budget: kept in a temporary file, still readable and exportable, the folder gone after close', { timeout: 120_000 }, async () => {
    const { f, call } = await signedIn({ memoryBudgetMB: 16 });
    const { responseId } = await call<ResponseSummary>('request:send', getRequest('shifts'));
    await f.core.responses.settled();
    const folder = f.core.responses.spillFolder!;
    expect(readdirSync(folder)).toEqual([`${responseId}.body`]);
    expect(statSync(join(folder, `${responseId}.body`)).size).toBeGreaterThan(50 * MB);

    const page = await call<Page>('response:tree', { responseId, expanded: ['', '/data'], offset: 3 + body.shifts - 1, limit: 10 });
    expect(page.rows.map((r) => r.path)).toEqual([`/data/${body.shifts - 1}`, '/metadata', '/token', '/error']);
    const text = await call<{ text: string }>('response:text', { responseId, offset: 0, length: 20, pretty: false });
    expect(text.text).toBe('{"status":1,"data":[');
    const exported = await call<{ path: string }>('export:responseJson', { responseId });
    expect(readFileSync(exported.path).equals(shiftsBodyBytes(body, '[REDACTED]'))).toBe(true);

    await cores.pop()!.close();
    expect(existsSync(folder)).toBe(false);
  });
});
