// Comparing through the real core and handler table: a /shifts answer kept in history against a
// later one, after another user changed shifts in the sandbox over its API; the counts, the rows,
// the CSV export read back, and what a lost comparison says.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompareRow, CompareSummary, HistoryEntry, ResponseSummary, Result } from '../shared/contract';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';
import { dayWithShifts, editShifts } from '../testing/sandbox-shifts';

let fixture: CoreFixture | null = null;
let dir: string | null = null;
afterEach(async () => {
  await fixture?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  [fixture, dir] = [null, null];
});

/** The answer's data; a refusal fails the test with main's sentence. */
function data<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

// A day with at least the 6 shifts the test removes (2) and edits (4).
const DAY = dayWithShifts(6);
const shiftsOfDay = () => getRequest('shifts', [['start_date', DAY], ['end_date', DAY]]);

async function signedIn(saveTo: string) {
  fixture = await startCore({ dialogs: { saveFile: async () => saveTo } });
  data(await fixture.login());
  return fixture;
}

async function compareAfterEdits(f: CoreFixture) {
  data<ResponseSummary>(await f.call('request:send', shiftsOfDay()));
  const edits = await editShifts(f.sandbox.url, { day: DAY, add: 3, remove: 2, edit: 4 });
  const later = data<ResponseSummary>(await f.call('request:send', shiftsOfDay()));
  const { entries } = data<{ entries: HistoryEntry[] }>(await f.call('history:list', { query: '', offset: 0, limit: 10 }));
  const earlier = entries.at(-1)!;
  expect(earlier.bodyKept).toBe(true);
  const summary = data<CompareSummary>(await f.call('compare:start', { before: { historyId: earlier.id }, after: { responseId: later.responseId }, key: null }));
  return { edits, later, summary };
}

describe('compare through the core', () => {
  it('counts the shifts another user added, removed and edited, and pages and exports the differences', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hae-compare-'));
    const csvPath = join(dir, 'comparison.csv');
    const f = await signedIn(csvPath);
    const { edits, later, summary } = await compareAfterEdits(f);

    expect(summary).toMatchObject({ mode: 'records', recordsPath: '/data', key: 'id', afterId: later.responseId, capped: false });
    expect(summary.counts).toMatchObject({ added: 3, removed: 2, changed: 4, rows: 3 + 2 + 4 * 2 });
    expect(summary.keyOptions).toContain('title');

    const page = (filter: 'all' | 'added' | 'removed' | 'changed', query = '') =>
      f.call('compare:page', { compareId: summary.compareId, filter, query, offset: 0, limit: 100 }).then((r) => data<{ rows: CompareRow[]; matched: number }>(r));
    expect((await page('added')).rows.map((row) => Number(row.key)).sort()).toEqual([...edits.added].sort());
    expect((await page('removed')).rows.map((row) => Number(row.key)).sort()).toEqual([...edits.removed].sort());
    const changed = await page('changed');
    expect(changed.matched).toBe(8);
    expect(new Set(changed.rows.map((row) => row.path))).toEqual(new Set(['/title', '/notes']));
    expect((await page('all', `edited ${edits.edited[0]}`)).rows).toMatchObject([{ key: String(edits.edited[0]), path: '/title', after: `"Edited ${edits.edited[0]}"` }]);

    // The rows say where each value is: the later body holds the edited title there.
    const row = changed.rows.find((candidate) => candidate.path === '/title')!;
    const record = row.afterPath!.slice(0, -'/title'.length);
    const tree = data<{ row: number | null }>(await f.call('response:rowOf', { responseId: later.responseId, expanded: ['', '/data', record], path: row.afterPath! }));
    const shown = data<{ rows: Array<{ path: string; preview: string }> }>(
      await f.call('response:tree', { responseId: later.responseId, expanded: ['', '/data', record], offset: tree.row!, limit: 1 }),
    );
    expect(shown.rows[0]).toMatchObject({ path: row.afterPath, preview: row.after });

    const saved = data<{ saved: boolean; rows: number }>(await f.call('compare:export', { compareId: summary.compareId, format: 'csv' }));
    expect(saved).toMatchObject({ saved: true, rows: 13 });
    const lines = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('key,path,before,after,kind');
    expect(lines).toHaveLength(14);
    expect(lines).toContain(`${row.key},/title,${JSON.parse(row.before!) as string},${JSON.parse(row.after!) as string},changed`);
    expect(lines.filter((line) => line.endsWith(',added'))).toHaveLength(3);
  });

  it('refuses what cannot be compared with a sentence, and forgets comparisons at sign-out', async () => {
    const f = await signedIn(join(tmpdir(), 'never.csv'));
    const shifts = data<ResponseSummary>(await f.call('request:send', shiftsOfDay()));
    const gone = await f.call('compare:start', { before: { responseId: 'nothere' }, after: { responseId: shifts.responseId }, key: null });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const lost = await f.call('compare:page', { compareId: 'nothere', filter: 'all', query: '', offset: 0, limit: 10 });
    expect(lost).toMatchObject({ ok: false, error: { code: 'not_found', message: 'That comparison is no longer kept. Compare the two responses again.' } });

    const badKey = await f.call('compare:start', { before: { responseId: shifts.responseId }, after: { responseId: shifts.responseId }, key: 'no_such_field' });
    expect(badKey).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^Records cannot be matched by "no_such_field".* Match by one of: id, .*title/) } });
    const same = data<CompareSummary>(await f.call('compare:start', { before: { responseId: shifts.responseId }, after: { responseId: shifts.responseId }, key: null }));
    expect(same.counts).toMatchObject({ added: 0, removed: 0, changed: 0, rows: 0 });
    data(await f.call('auth:logout'));
    expect(await f.call('compare:page', { compareId: same.compareId, filter: 'all', query: '', offset: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
