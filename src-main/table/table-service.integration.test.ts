// The table view, read-only mode and group-account company through the real core.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result, ResponseSummary } from '../shared/contract';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';
import { json, startScriptedHost, type ScriptedHost } from '../testing/scripted-host';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

let csvPath = '';
async function signedIn(host?: ScriptedHost): Promise<CoreFixture> {
  csvPath = join(mkdtempSync(join(tmpdir(), 'hae-table-')), 'table.csv');
  const f = await startCore({ dialogs: { saveFile: async () => csvPath } });
  open.push(f);
  expect((await f.login(host ? { host: host.url } : {})).ok).toBe(true);
  return f;
}

function data<T>(result: Result<unknown>): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: T }).data;
}

type TablePage = { columns: string[]; rows: string[][]; totalRows: number; matchedRows: number };

describe('table view', () => {
  it('shows /employees as flattened columns, filters, sorts and exports what is shown', async () => {
    const f = await signedIn();
    const { responseId } = data<ResponseSummary>(await f.call('request:send', getRequest('employees')));
    const all = data<TablePage>(await f.call('table:rows', { responseId, pointer: '', filter: '', sort: null, offset: 0, limit: 500 }));
    expect(all.columns).toEqual(expect.arrayContaining(['id', 'firstname', 'lastname', 'avatar.small']));
    expect(all.rows).toHaveLength(all.totalRows);
    expect(all.totalRows).toBeGreaterThan(10);

    const lastname = all.columns.indexOf('lastname');
    const sorted = data<TablePage>(await f.call('table:rows', { responseId, pointer: '', filter: '', sort: { column: 'lastname', descending: true }, offset: 0, limit: 500 }));
    const names = sorted.rows.map((row) => row[lastname]!);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, undefined, { sensitivity: 'base' })));

    const needle = all.rows[3]![lastname]!;
    const filtered = data<TablePage>(await f.call('table:rows', { responseId, pointer: '', filter: needle.toUpperCase(), sort: null, offset: 0, limit: 500 }));
    expect(filtered.matchedRows).toBeGreaterThanOrEqual(1);
    expect(filtered.matchedRows).toBeLessThan(all.totalRows);
    expect(filtered.rows.every((row) => row.some((cell) => cell.toLowerCase().includes(needle.toLowerCase())))).toBe(true);

    const saved = data<{ saved: boolean; rows: number; columns: number }>(
      await f.call('table:exportCsv', { responseId, pointer: '', filter: needle, sort: null, columns: ['lastname', 'firstname'] }),
    );
    expect(saved).toMatchObject({ saved: true, rows: filtered.matchedRows, columns: 2 });
    const lines = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('lastname,firstname');
    expect(lines).toHaveLength(filtered.matchedRows + 1);
  });

  it('treats the numeric-keyed custom report as rows', async () => {
    const f = await signedIn();
    const summary = data<ResponseSummary>(
      await f.call('request:send', getRequest('reports/custom', [['type', 'shifts'], ['start_date', '2026-03-01'], ['end_date', '2026-03-07']])),
    );
    const page = data<TablePage>(await f.call('table:rows', { responseId: summary.responseId, pointer: '', filter: '', sort: null, offset: 0, limit: 50 }));
    expect(page.totalRows).toBeGreaterThan(0);
    expect(page.columns).not.toContain('custom_report');
  });
});

describe('read-only mode', () => {
  it('blocks writes with a sentence and sends nothing; reads still work', async () => {
    const f = await signedIn();
    data(await f.call('settings:update', { readOnly: true }));
    const calls = f.sandbox.stats().apiCalls;
    const result = await f.call('request:send', { ...getRequest('positions'), method: 'POST', body: { kind: 'form', fields: [{ name: 'name', value: 'X', enabled: true }] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'read_only' } });
    if (!result.ok) expect(result.error.message).toMatch(/Read-only mode is on, so POST \/positions was not sent/);
    expect(f.sandbox.stats().apiCalls).toBe(calls);
    expect(data<ResponseSummary>(await f.call('request:send', getRequest('positions'))).envelope.kind).toBe('success');
  });
});

describe('group accounts', () => {
  it('adds child_company_id to the query of GETs and to the body of writes', async () => {
    const host = await startScriptedHost({ '/api/v2/employees': json(200, { status: 1, data: [], error: null }) });
    open.push(host);
    const f = await signedIn(host);
    data(await f.call('settings:update', { companies: [{ id: '4242', name: 'North' }], activeCompanyId: '4242' }));
    data(await f.call('request:send', getRequest('employees')));
    expect(host.requests.at(-1)!.url).toContain('child_company_id=4242');

    data(await f.call('request:send', { ...getRequest('employees'), method: 'POST', body: { kind: 'form', fields: [{ name: 'firstname', value: 'A', enabled: true }] } }));
    const post = host.requests.at(-1)!;
    expect(post.method).toBe('POST');
    expect(post.url).not.toContain('child_company_id');
    expect(new URLSearchParams(post.body).get('child_company_id')).toBe('4242');
    expect(new URLSearchParams(post.body).get('firstname')).toBe('A');
  });
});
