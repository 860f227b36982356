// Charts through the real core and IPC, over real HTTP to the sandbox: the numbers a chart shows
// are checked against the sandbox's own answers, fetched here without the app.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkProgressView, ChartData, ChartSpec, ResponseSummary } from '../shared/contract';
import { callApi, signIn } from '../sandbox/test-support';
import { getRequest, okData as data, startCore, type CoreFixture } from '../testing/core-fixture';
import { makeShiftsBody, shiftsBodyBytes, shiftsRoute } from '../testing/large-shifts';
import { startScriptedHost } from '../testing/scripted-host';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

let dialogs = 0;
async function signedIn(): Promise<CoreFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'hae-chart-'));
  const f = await startCore({
    dialogs: {
      saveFile: async ({ defaultName }) => {
        dialogs += 1;
        return join(dir, defaultName);
      },
    },
  });
  open.push(f);
  expect((await f.login()).ok).toBe(true);
  return f;
}

/** The sandbox's answer, asked directly with a token of its own. */
async function sandboxData(f: CoreFixture, pathAndQuery: string): Promise<unknown> {
  const { access_token } = await signIn(f.sandbox);
  return (await callApi(f.sandbox, access_token, `/${pathAndQuery}`)).json.data;
}

type Shift = { start_date: { year: number; month: number; day: number }; location: { name: string } | null; title: string };
const isoOf = ({ year, month, day }: Shift['start_date']) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const AUTO: ChartSpec = { x: null, bucket: 'auto', y: null, yField: null, split: null, top: 5 };

describe('charts through IPC', () => {
  it('counts the shifts of a response per day, as the table filters them, and sends only the series', async () => {
    const f = await signedIn();
    const query: Array<[string, string]> = [['start_date', '2026-03-02'], ['end_date', '2026-03-15']];
    const summary = data<ResponseSummary>(await f.call('request:send', getRequest('shifts', query)));
    const shifts = (await sandboxData(f, 'shifts?start_date=2026-03-02&end_date=2026-03-15')) as Shift[];
    const source = { kind: 'response' as const, responseId: summary.responseId, pointer: '', filter: '' };

    const chart = data<ChartData>(await f.call('chart:data', { source, spec: AUTO }));
    expect(chart.spec).toMatchObject({ x: 'start_date', bucket: 'day', y: 'count' });
    const perDay = new Map<string, number>();
    for (const shift of shifts) perDay.set(isoOf(shift.start_date), (perDay.get(isoOf(shift.start_date)) ?? 0) + 1);
    expect(chart.labels).toEqual([...perDay.keys()].sort());
    expect(chart.series[0]!.values).toEqual(chart.labels.map((day) => perDay.get(day)));
    expect(chart.rows).toBe(shifts.length);
    expect(JSON.stringify(chart).length).toBeLessThan(summary.sizeBytes / 10);

    // Filtered as the table view filters: the same rows.
    const night = shifts.filter((shift) => JSON.stringify(shift).toLowerCase().includes('night bake'));
    expect(night.length).toBeGreaterThan(0);
    const filtered = data<ChartData>(await f.call('chart:data', { source: { ...source, filter: 'Night bake' }, spec: AUTO }));
    expect(filtered.used).toBe(night.length);
    const table = data<{ matchedRows: number }>(await f.call('table:rows', { responseId: summary.responseId, pointer: '', filter: 'Night bake', sort: null, offset: 0, limit: 1 }));
    expect(filtered.used).toBe(table.matchedRows);

    // Split by location: each series holds that location's shifts.
    const split = data<ChartData>(await f.call('chart:data', { source, spec: { ...AUTO, x: 'start_date', y: 'count', split: 'location.name', top: 10 } }));
    for (const series of split.series) {
      const expected = shifts.filter((shift) => (shift.location?.name ?? '(none)') === series.name).length;
      expect(series.values.reduce<number>((sum, value) => sum + (value ?? 0), 0)).toBe(expected);
    }
  });

  it('sums payroll hours per employee by default, and exports those series as CSV', async () => {
    const f = await signedIn();
    const query: Array<[string, string]> = [['type', 'confirmedhours'], ['start_date', '2026-03-02'], ['end_date', '2026-03-08'], ['employee', 'all']];
    const summary = data<ResponseSummary>(await f.call('request:send', getRequest('payroll/report', query)));
    const report = (await sandboxData(f, 'payroll/report?type=confirmedhours&start_date=2026-03-02&end_date=2026-03-08&employee=all')) as Record<string, { employee: string; hours: { total: number } }>;
    const hours = new Map<string, number>();
    for (const [key, row] of Object.entries(report)) if (/^\d+$/.test(key)) hours.set(row.employee, (hours.get(row.employee) ?? 0) + row.hours.total);

    const source = { kind: 'response' as const, responseId: summary.responseId, pointer: '', filter: '' };
    const chart = data<ChartData>(await f.call('chart:data', { source, spec: AUTO }));
    expect(chart.spec).toMatchObject({ x: 'employee', y: 'sum', yField: 'hours.total' });
    expect(new Set(chart.labels)).toEqual(new Set(hours.keys()));
    chart.labels.forEach((name, i) => expect(chart.series[0]!.values[i]).toBeCloseTo(hours.get(name)!, 4));

    const saved = data<{ saved: boolean; path: string; rows: number }>(await f.call('chart:exportCsv', { source, spec: AUTO }));
    expect(saved).toMatchObject({ saved: true, rows: hours.size });
    expect(saved.path).toMatch(/sum-of-hours-total-per-employee-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(saved.path, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('employee,Sum of hours.total');
    expect(lines.slice(1)).toEqual(chart.labels.map((name, i) => `${name},${chart.series[0]!.values[i]}`));
  });

  it('sums timeclock hours per week of the clock-in day by default', async () => {
    const f = await signedIn();
    const query: Array<[string, string]> = [['start_date', '2026-03-02'], ['end_date', '2026-03-29']];
    const summary = data<ResponseSummary>(await f.call('request:send', getRequest('timeclocks', query)));
    type Punch = { in_time: Shift['start_date']; length: { hours: number; mins: number } };
    const punches = (await sandboxData(f, 'timeclocks?start_date=2026-03-02&end_date=2026-03-29')) as Punch[];
    const source = { kind: 'response' as const, responseId: summary.responseId, pointer: '', filter: '' };
    const chart = data<ChartData>(await f.call('chart:data', { source, spec: AUTO }));
    expect(chart.spec).toMatchObject({ x: 'in_time', bucket: 'week', y: 'sum', yField: 'length' });
    expect(chart.labels).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    const weekOf = (punch: Punch) => chart.labels.filter((monday) => monday <= isoOf(punch.in_time)).at(-1)!;
    chart.labels.forEach((monday, i) => {
      const hours = punches.filter((punch) => weekOf(punch) === monday).reduce((sum, punch) => sum + punch.length.hours + punch.length.mins / 60, 0);
      expect(chart.series[0]!.values[i]).toBeCloseTo(hours, 3);
    });
  });

  it('charts a Pull range by week from the rows main keeps', async () => {
    const f = await signedIn();
    const request = { method: 'GET' as const, path: 'shifts', query: [], body: { kind: 'none' as const } };
    const started = data<BulkProgressView>(await f.call('bulk:start', { request, collectionId: null, startDate: '2026-01-05', endDate: '2026-03-29' }));
    for (let i = 0; i < 400 && data<BulkProgressView>(await f.call('bulk:status', { pullId: started.pullId })).state === 'running'; i += 1) await new Promise((r) => setTimeout(r, 25));
    const done = data<BulkProgressView>(await f.call('bulk:status', { pullId: started.pullId }));
    expect(done.state).toBe('done');
    const chart = data<ChartData>(await f.call('chart:data', { source: { kind: 'pull', pullId: started.pullId }, spec: AUTO }));
    expect(chart.spec.bucket).toBe('week');
    expect(chart.labels[0]).toBe('2026-01-05');
    expect(chart.labels).toHaveLength(12);
    expect(chart.series[0]!.values.reduce<number>((sum, value) => sum + (value ?? 0), 0)).toBe(done.rows);

    const gone = await f.call('chart:data', { source: { kind: 'pull', pullId: 'nope' }, spec: AUTO });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('saves a PNG from the window atomically, and refuses bytes that are not a PNG before asking where', async () => {
    const f = await signedIn();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(17, 1)]);
    const saved = data<{ saved: boolean; path: string; bytes: number }>(await f.call('chart:exportPng', { png: png.toString('base64'), name: 'Count of rows per day' }));
    expect(saved).toMatchObject({ saved: true, bytes: png.length });
    expect(saved.path).toMatch(/count-of-rows-per-day-\d{4}-\d{2}-\d{2}\.png$/);
    expect(readFileSync(saved.path).equals(png)).toBe(true);

    const before = dialogs;
    const refused = await f.call('chart:exportPng', { png: Buffer.from('GIF89a not a png at all').toString('base64'), name: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not a PNG image/) } });
    expect(dialogs).toBe(before);
  });

  it('says in a sentence why a response cannot be charted', async () => {
    const f = await signedIn();
    const me = data<ResponseSummary>(await f.call('request:send', getRequest('me')));
    const result = await f.call('chart:data', { source: { kind: 'response', responseId: me.responseId, pointer: '', filter: '' }, spec: AUTO });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/no list/) } });
    const shifts = data<ResponseSummary>(await f.call('request:send', getRequest('shifts', [['start_date', '2026-03-02'], ['end_date', '2026-03-03']])));
    const none = await f.call('chart:data', { source: { kind: 'response', responseId: shifts.responseId, pointer: '', filter: 'no such text anywhere' }, spec: AUTO });
    expect(none).toMatchObject({ ok: false, error: { message: 'No row contains “no such text anywhere”, so there is nothing to chart.' } });
  });

  it('charts a big body parsed in batches in the worker, by month, as JSON.parse of it counts', { timeout: 120_000 }, async () => {
    const body = makeShiftsBody(8 * 1024 * 1024);
    const host = await startScriptedHost({ '/api/v2/shifts': shiftsRoute(body) });
    const f = await startCore();
    open.push(host, f);
    expect((await f.login({ host: host.url })).ok).toBe(true);
    const summary = data<ResponseSummary>(await f.call('request:send', getRequest('shifts')));
    expect(summary.sizeBytes).toBeGreaterThan(8 * 1024 * 1024);

    const shifts = (JSON.parse(shiftsBodyBytes(body, null).toString('utf8')) as { data: Shift[] }).data;
    const perMonth = new Map<string, number>();
    for (const shift of shifts) perMonth.set(isoOf(shift.start_date).slice(0, 7), (perMonth.get(isoOf(shift.start_date).slice(0, 7)) ?? 0) + 1);
    const source = { kind: 'response' as const, responseId: summary.responseId, pointer: '', filter: '' };
    const chart = data<ChartData>(await f.call('chart:data', { source, spec: { ...AUTO, bucket: 'month' } }));
    expect(chart.rows).toBe(body.shifts);
    expect(chart.labels).toEqual([...perMonth.keys()].sort());
    expect(chart.series[0]!.values).toEqual(chart.labels.map((month) => perMonth.get(month)));
    expect(JSON.stringify(chart).length).toBeLessThan(20_000);
  });
});
