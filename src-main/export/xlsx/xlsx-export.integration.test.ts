// "Export Excel" through the real core and IPC router against the sandbox: a response, a table
// view as filtered, and a Pull range, each read back with read-excel-file (not the writer).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkProgressView, ResponseSummary } from '../../shared/contract';
import { SANDBOX_DEMO } from '../../sandbox/server';
import { getRequest, okData as data, startCore, type CoreFixture } from '../../testing/core-fixture';
import { readWorkbook, type ReadCell } from '../../testing/read-workbook';

const open: CoreFixture[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

let chosenPath: string | null = null;
async function signedIn(): Promise<CoreFixture> {
  chosenPath = join(mkdtempSync(join(tmpdir(), 'hae-xlsx-core-')), 'export.xlsx');
  const f = await startCore({ dialogs: { saveFile: async () => chosenPath } });
  open.push(f);
  expect((await f.login()).ok).toBe(true);
  return f;
}

type TablePage = { columns: string[]; rows: string[][]; totalRows: number; matchedRows: number };

/** The About sheet as label → value. */
function aboutOf(sheet: ReadCell[][]): Map<string, ReadCell> {
  return new Map(sheet.map(([label, value]) => [label as string, value ?? null]));
}

describe('Export Excel through IPC', () => {
  it('exports a response: every row, typed cells, and an About sheet naming the request and the account', async () => {
    const f = await signedIn();
    const summary = data<ResponseSummary>(await f.call('request:send', getRequest('shifts', [['start_date', '2026-03-02'], ['end_date', '2026-03-08'], ['mode', 'overview']])));
    const table = data<TablePage>(await f.call('table:rows', { responseId: summary.responseId, pointer: '', filter: '', sort: null, offset: 0, limit: 500 }));
    const saved = data<{ saved: boolean; path: string; rows: number; columns: number }>(await f.call('export:responseXlsx', { responseId: summary.responseId, pointer: '' }));
    expect(saved).toEqual({ saved: true, path: chosenPath, rows: table.totalRows, columns: table.columns.length });

    const { sheets, parts } = await readWorkbook(chosenPath!);
    const rows = sheets.get('Rows')!;
    expect(rows[0]).toEqual(table.columns);
    expect(rows).toHaveLength(table.totalRows + 1);
    const col = (name: string) => table.columns.indexOf(name);
    const first = rows[1]!;
    expect(first[col('id')]).toBe(Number(table.rows[0]![col('id')]));
    expect(first[col('start_timestamp')]).toEqual(new Date(`${table.rows[0]![col('start_timestamp')]!.replace(' ', 'T')}Z`));
    expect(first[col('start_date.formatted')]).toBeInstanceOf(Date);
    expect(typeof first[col('paidtime')]).toBe('number');
    expect(typeof first[col('title')]).toBe('string');

    const about = aboutOf(sheets.get('About')!);
    expect(about.get('Request')).toBe('GET /api/v2/shifts?start_date=2026-03-02&end_date=2026-03-08&mode=overview');
    expect(about.get('Host')).toBe(f.sandbox.url);
    expect(about.get('Username')).toBe(SANDBOX_DEMO.username);
    expect(about.get('Rows')).toBe(table.totalRows);
    expect(about.get('Exported at')).toBeInstanceOf(Date);
    // Neither the token nor the secrets reach the file.
    const token = await f.core.auth.tokenSource().accessToken();
    const everything = [...parts.values()].join('\n');
    for (const secret of [token, SANDBOX_DEMO.password, SANDBOX_DEMO.clientSecret]) expect(everything).not.toContain(secret);
  });

  it('exports the table view as filtered and sorted, with the columns kept, and says how in About', async () => {
    const f = await signedIn();
    const { responseId } = data<ResponseSummary>(await f.call('request:send', getRequest('employees')));
    const all = data<TablePage>(await f.call('table:rows', { responseId, pointer: '', filter: '', sort: null, offset: 0, limit: 500 }));
    const needle = all.rows[2]![all.columns.indexOf('lastname')]!;
    const query = { responseId, pointer: '', filter: needle, sort: { column: 'id', descending: true } };
    const view = data<TablePage>(await f.call('table:rows', { ...query, offset: 0, limit: 500 }));
    const saved = data<{ rows: number; columns: number }>(await f.call('table:exportXlsx', { ...query, columns: ['lastname', 'id', 'firstname'] }));
    expect(saved).toMatchObject({ rows: view.matchedRows, columns: 3 });

    const { sheets } = await readWorkbook(chosenPath!);
    const rows = sheets.get('Rows')!;
    expect(rows[0]).toEqual(['lastname', 'id', 'firstname']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(view.rows.map((row) => Number(row[view.columns.indexOf('id')])));
    const about = aboutOf(sheets.get('About')!);
    expect(about.get('Request')).toBe('GET /api/v2/employees');
    expect(about.get('Filter')).toBe(needle);
    expect(about.get('Sorted by')).toBe('id (descending)');
    expect(about.get('Rows')).toBe(view.matchedRows);
  });

  it('exports a Pull range: every merged row once, with the range in About', async () => {
    const f = await signedIn();
    const request = { method: 'GET' as const, path: 'shifts', query: [{ name: 'mode', value: 'overview', enabled: true }], body: { kind: 'none' as const } };
    const started = data<BulkProgressView>(await f.call('bulk:start', { request, collectionId: null, startDate: '2026-01-01', endDate: '2026-02-28' }));
    let progress = started;
    for (let i = 0; i < 400 && progress.state === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      progress = data<BulkProgressView>(await f.call('bulk:status', { pullId: started.pullId }));
    }
    expect(progress.state).toBe('done');
    const saved = data<{ saved: boolean; rows: number }>(await f.call('bulk:export', { pullId: started.pullId, format: 'xlsx' }));
    expect(saved).toMatchObject({ saved: true, rows: progress.rows });

    const { sheets } = await readWorkbook(chosenPath!);
    const rows = sheets.get('Rows')!;
    expect(rows).toHaveLength(progress.rows + 1);
    const ids = rows.slice(1).map((row) => row[rows[0]!.indexOf('id')]);
    expect(new Set(ids).size).toBe(progress.rows);
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    const starts = rows.slice(1).map((row) => row[rows[0]!.indexOf('start_timestamp')] as Date);
    expect(starts.every((start) => start instanceof Date && start >= new Date('2026-01-01') && start < new Date('2026-03-01'))).toBe(true);
    const about = aboutOf(sheets.get('About')!);
    expect(about.get('Request')).toBe('GET /api/v2/shifts?mode=overview');
    expect(about.get('Date range')).toBe('2026-01-01 to 2026-02-28');
    // The account that ran the pull, remembered when it started.
    expect([about.get('Host'), about.get('Username')]).toEqual([f.sandbox.url, SANDBOX_DEMO.username]);
    expect(about.get('Rows')).toBe(progress.rows);
  });

  it('names the request of a response reopened from history', async () => {
    const f = await signedIn();
    const sent = data<ResponseSummary>(await f.call('request:send', getRequest('employees', [['status', '1']])));
    const [entry] = data<{ entries: Array<{ id: string; bodyKept: boolean }> }>(await f.call('history:list', { query: '', offset: 0, limit: 10 })).entries;
    expect(entry!.bodyKept).toBe(true);
    const { summary } = data<{ summary: ResponseSummary }>(await f.call('history:open', { id: entry!.id }));
    expect(summary.responseId).not.toBe(sent.responseId); // kept again from history: its own id
    data(await f.call('export:responseXlsx', { responseId: summary.responseId, pointer: '' }));
    const about = aboutOf((await readWorkbook(chosenPath!)).sheets.get('About')!);
    expect(about.get('Request')).toBe('GET /api/v2/employees?status=1');
  });

  it('writes nothing when the save dialog is cancelled, and says why when the folder cannot take the file', async () => {
    const f = await signedIn();
    const { responseId } = data<ResponseSummary>(await f.call('request:send', getRequest('employees')));
    const wanted = chosenPath!;
    chosenPath = null;
    expect(data(await f.call('export:responseXlsx', { responseId, pointer: '' }))).toEqual({ saved: false, path: '', rows: 0, columns: 0 });
    expect(existsSync(wanted)).toBe(false);

    chosenPath = join(wanted, '..', 'no-such-folder', 'export.xlsx');
    const failed = await f.call('export:responseXlsx', { responseId, pointer: '' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    if (!failed.ok) expect(failed.error.message).toMatch(/could not be written to .*the folder does not exist\. Choose another folder/);

    const notRows = await f.call('export:responseXlsx', { responseId, pointer: '/data/0/firstname' });
    expect(notRows).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
