// "Export Excel" end to end: a response, the table view as filtered, and a Pull range, each saved
// through the (replaced) save dialog and read back with read-excel-file, not the library that
// wrote it: the header, the row count, typed cells and the About sheet.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SANDBOX_DEMO } from '../src-main/sandbox/server';
import { readWorkbook, type ReadCell } from '../src-main/testing/read-workbook';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { pathField, responsePanel, sendButton } from './support/locators';
import { openPullRange } from './support/pull-range';
import { screenshot } from './support/screenshots';
import { trySandbox } from './support/sign-in';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const about = (sheet: ReadCell[][]) => new Map(sheet.map(([label, value]) => [label as string, value ?? null]));
const saved = (rows: number, path: string) => `Saved ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'} to ${path}`;

test('exports a response, the table as filtered and a Pull range as Excel workbooks that read back typed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hae-excel-'));
  const paths = ['employees.xlsx', 'night-bake.xlsx', 'pull.xlsx'].map((name) => join(dir, name));
  const answers = [...paths];
  app = await launchApp({ dialogs: { saveFile: async () => answers.shift() ?? null } });
  const { page } = app;
  await trySandbox(page);

  // A response: every employee, ids as numbers.
  await pathField(page).fill('employees');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await responsePanel(page).getByRole('button', { name: 'Export Excel' }).click();
  const status = responsePanel(page).getByRole('status').filter({ hasText: 'Saved' });
  await expect(status).toHaveText(/^Saved \d+ rows to /);
  const employees = Number(/^Saved (\d+) rows/.exec((await status.textContent())!)![1]);
  const first = await readWorkbook(paths[0]!);
  const rows = first.sheets.get('Rows')!;
  expect(rows).toHaveLength(employees + 1);
  expect(rows[0]).toEqual(expect.arrayContaining(['id', 'firstname', 'lastname']));
  expect(rows.slice(1).every((row) => typeof row[rows[0]!.indexOf('id')] === 'number')).toBe(true);
  const firstAbout = about(first.sheets.get('About')!);
  expect(firstAbout.get('Request')).toBe('GET /api/v2/employees');
  expect(firstAbout.get('Username')).toBe(SANDBOX_DEMO.username);
  expect(firstAbout.get('Rows')).toBe(employees);

  // The table view of a week of shifts, filtered: only the rows shown, dates as dates.
  await pathField(page).fill('shifts?start_date=2026-03-02&end_date=2026-03-08');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await responsePanel(page).getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('tabpanel', { name: 'Table' });
  await page.getByRole('searchbox', { name: 'Filter rows' }).fill('Night bake');
  const count = table.getByRole('status').filter({ hasText: /^[\d,]+ of [\d,]+ rows$/ });
  const shownOfAll = async () => /^([\d,]+) of ([\d,]+) rows$/.exec((await count.textContent()) ?? '')?.slice(1).map((n) => Number(n.replace(/,/g, ''))) ?? [0, 0];
  await expect.poll(async () => { const [shown, all] = await shownOfAll(); return shown! > 0 && shown! < all!; }).toBe(true);
  const [filtered] = (await shownOfAll()) as [number];
  await table.getByRole('button', { name: 'Export Excel' }).focus();
  await screenshot(page, 'excel-export-table');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'excel-export-table-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Enter');
  await expect(table.getByText(saved(filtered, paths[1]!))).toBeVisible();
  const second = await readWorkbook(paths[1]!);
  const shifts = second.sheets.get('Rows')!;
  expect(shifts).toHaveLength(filtered + 1);
  const column = (name: string) => shifts[0]!.indexOf(name);
  expect(shifts.slice(1).every((row) => row[column('title')] === 'Night bake')).toBe(true);
  expect(shifts.slice(1).every((row) => row[column('start_timestamp')] instanceof Date)).toBe(true);
  expect(shifts.slice(1).every((row) => typeof row[column('paidtime')] === 'number')).toBe(true);
  expect(about(second.sheets.get('About')!).get('Filter')).toBe('Night bake');

  // A Pull range of two months: every merged row once.
  const panel = await openPullRange(page, '2026-01-01', '2026-02-28');
  await panel.getByRole('button', { name: 'Start pull' }).click();
  await expect(panel.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  const pulled = Number(/Pulled ([\d,]+) rows/.exec((await panel.textContent())!)![1]!.replace(/,/g, ''));
  await panel.getByRole('button', { name: 'Export Excel' }).click();
  await expect(panel.getByText(saved(pulled, paths[2]!))).toBeVisible();
  const third = await readWorkbook(paths[2]!);
  const pull = third.sheets.get('Rows')!;
  expect(pull).toHaveLength(pulled + 1);
  expect(new Set(pull.slice(1).map((row) => row[pull[0]!.indexOf('id')])).size).toBe(pulled);
  expect(about(third.sheets.get('About')!).get('Date range')).toBe('2026-01-01 to 2026-02-28');
  await screenshot(page, 'excel-export-pull');
  expect(app.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'))).toEqual([]);
});
