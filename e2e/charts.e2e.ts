// The Chart view end to end: a week and a half of shifts from the sandbox drawn per day, the data
// table's numbers checked against the sandbox itself, the theme switched, and the chart exported
// as a PNG and as the CSV of its series.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseCsv } from './support/csv';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { pathField, responsePanel, sendButton } from './support/locators';
import { openPullRange } from './support/pull-range';
import { sandboxData } from './support/sandbox-oracle';
import { screenshotOf } from './support/screenshots';
import { trySandbox } from './support/sign-in';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const consoleErrors = (launched: LaunchedApp) => launched.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror') || /Content Security Policy/i.test(line));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Shift = { start_date: { year: number; month: number; day: number }; location: { name: string } | null };
const isoOf = ({ year, month, day }: Shift['start_date']) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The data table as [label, ...numbers] rows. */
async function tableRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
}

async function chartDrawn(page: Page, theme: 'light' | 'dark') {
  const picture = page.getByRole('tabpanel', { name: 'Chart' }).getByRole('img', { name: /^Chart: / });
  await expect(picture).toHaveAttribute('data-theme-drawn', theme);
  await expect(picture.locator('canvas')).toHaveCount(1);
}

test('charts shifts per day, with a data table that matches the sandbox, in both themes, and exports PNG and CSV', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hae-chart-'));
  app = await launchApp({ viewport: { width: 1600, height: 1000 }, dialogs: { saveFile: async ({ defaultName }) => join(dir, defaultName) } });
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await trySandbox(page);
  await pathField(page).fill('shifts?start_date=2026-03-02&end_date=2026-03-11');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  const before = app.ipc.length;

  await responsePanel(page).getByRole('tab', { name: 'Chart' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Chart' });
  const picture = panel.getByRole('img', { name: /^Chart: Count of rows per day, 10 days from 2026-03-02 to 2026-03-11\./ });
  await expect(picture).toBeVisible();
  await chartDrawn(page, 'light');
  await expect(panel.getByLabel('X axis')).toHaveValue('start_date');
  await expect(panel.getByLabel('Group dates by')).toHaveValue('auto');
  await expect(panel.getByLabel('Y axis')).toHaveValue('count');
  // Only the series crossed to the window: no call asked for rows.
  const calls = app.ipc.slice(before);
  expect(calls.some((call) => call.channel === 'chart:data')).toBe(true);
  expect(calls.filter((call) => call.channel === 'table:rows' || call.channel === 'response:text')).toEqual([]);

  // The data table alternative, against the sandbox's own answer.
  const shifts = (await sandboxData(app.sandbox()!.url, 'shifts', { start_date: '2026-03-02', end_date: '2026-03-11' })) as Shift[];
  const perDay = new Map<string, number>();
  for (const shift of shifts) perDay.set(isoOf(shift.start_date), (perDay.get(isoOf(shift.start_date)) ?? 0) + 1);
  const toggle = panel.getByRole('button', { name: 'Show data table' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.press('Enter');
  await expect(panel.getByRole('button', { name: 'Hide data table' })).toHaveAttribute('aria-expanded', 'true');
  const table = panel.getByRole('table', { name: 'Count of rows per day' });
  await expect(table.getByRole('columnheader', { name: 'start_date (by day)' })).toBeVisible();
  const rows = await tableRows(table);
  expect(rows).toEqual([...perDay.keys()].sort().map((day) => [day, String(perDay.get(day))]));
  await panel.getByRole('button', { name: 'Hide data table' }).click();
  await expect(table).toHaveCount(0);
  await screenshotOf(responsePanel(page), 'chart-light');

  // Split by location: one series per location, the table follows.
  await panel.getByLabel('Split by').selectOption('location.name');
  await panel.getByRole('button', { name: 'Show data table' }).click();
  const locations = new Set(shifts.map((shift) => shift.location?.name ?? '(none)'));
  await expect(panel.getByRole('table', { name: 'Count of rows per day, by location.name' }).getByRole('columnheader')).toHaveCount(locations.size + 1);
  await expect(panel.getByRole('img', { name: /^Chart: Count of rows per day, by location.name, / })).toHaveAccessibleName(new RegExp(`, ${locations.size} series\\.`));

  // Dark theme (the System setting follows the OS): the chart is drawn again in dark colours.
  await page.emulateMedia({ colorScheme: 'dark' });
  await chartDrawn(page, 'dark');
  await panel.getByRole('button', { name: 'Hide data table' }).click();
  await screenshotOf(responsePanel(page), 'chart-split-dark');
  await panel.getByLabel('Split by').selectOption('');
  await chartDrawn(page, 'dark');
  await panel.getByRole('button', { name: 'Show data table' }).click();
  await expect(table.getByRole('columnheader')).toHaveCount(2);
  await expect(table.locator('tbody tr')).toHaveCount(rows.length);
  await screenshotOf(responsePanel(page), 'chart-dark-table');

  // PNG: what is drawn, saved by main.
  await panel.getByRole('button', { name: 'Export PNG' }).click();
  const pngSaved = panel.getByText(/^Saved the chart as a picture to .*count-of-rows-per-day-\d{4}-\d{2}-\d{2}\.png$/);
  await expect(pngSaved).toBeVisible();
  const pngPath = (await pngSaved.textContent())!.replace('Saved the chart as a picture to ', '');
  expect(pngPath.startsWith(join(dir, 'count-of-rows-per-day-'))).toBe(true);
  const png = readFileSync(pngPath);
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  expect(width).toBeGreaterThan(400);
  expect(height).toBeGreaterThan(300);
  expect(statSync(pngPath).size).toBeGreaterThan(5_000);

  // CSV: the series as main computes them.
  await panel.getByRole('button', { name: 'Export CSV' }).click();
  await expect(panel.getByText(/^Saved the chart's numbers to .*count-of-rows-per-day-\d{4}-\d{2}-\d{2}\.csv$/)).toBeVisible();
  const savedCsv = (await panel.getByText(/^Saved the chart's numbers to /).textContent())!.replace("Saved the chart's numbers to ", '');
  const csv = parseCsv(readFileSync(savedCsv, 'utf8').replace(/^\uFEFF/, '')).filter((row) => row.some((cell) => cell !== ''));
  expect(csv[0]).toEqual(['start_date (by day)', 'Count of rows']);
  expect(csv.slice(1)).toEqual(rows);
  expect(consoleErrors(app)).toEqual([]);
});

test('the chart draws the rows the table shows as filtered, and says why a list cannot be charted', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  await pathField(page).fill('shifts?start_date=2026-03-02&end_date=2026-03-08');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await responsePanel(page).getByRole('tab', { name: 'Table' }).click();
  await page.getByRole('tabpanel', { name: 'Table' }).getByRole('searchbox', { name: 'Filter rows' }).fill('Night bake');
  const status = page.getByRole('tabpanel', { name: 'Table' }).getByRole('status').filter({ hasText: /^[\d,]+ of [\d,]+ rows$/ });
  await expect(status).toHaveText(/^\d+ of \d+ rows$/);
  await expect.poll(async () => Number(/^(\d+) of/.exec((await status.textContent()) ?? '')?.[1])).toBeLessThan(Number(/of (\d+)/.exec((await status.textContent()) ?? '')?.[1]));
  const matched = Number(/^(\d+) of/.exec((await status.textContent())!)![1]);

  await responsePanel(page).getByRole('tab', { name: 'Chart' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Chart' });
  await expect(panel.getByRole('searchbox', { name: 'Filter rows' })).toHaveValue('Night bake');
  await expect(panel.getByRole('status').filter({ hasText: /rows/ })).toHaveText(`${matched} rows`);
  await panel.getByRole('button', { name: 'Show data table' }).click();
  const counts = (await tableRows(panel.getByRole('table', { name: 'Count of rows per day' }))).map((row) => Number(row[1]));
  expect(counts.reduce((sum, n) => sum + n, 0)).toBe(matched);

  await panel.getByRole('searchbox', { name: 'Filter rows' }).fill('no such text anywhere');
  await expect(panel).toContainText('No row contains “no such text anywhere”, so there is nothing to chart.');
  await expect(panel.getByRole('img')).toHaveCount(0);
  expect(consoleErrors(app)).toEqual([]);
});

test('a Pull range is charted by week from the rows main keeps', async () => {
  app = await launchApp({ viewport: { width: 1500, height: 950 } });
  const { page } = app;
  await trySandbox(page);
  const panel = await openPullRange(page, '2026-01-05', '2026-03-29');
  await panel.getByRole('button', { name: 'Start pull' }).click();
  await expect(panel.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  const pulled = Number(/([\d,]+) rows$/.exec((await panel.getByText(/of \d+ windows · [\d,]+ rows$/).textContent())!)![1]!.replace(/,/g, ''));
  expect(pulled).toBeGreaterThan(100);

  const show = panel.getByRole('button', { name: 'Show chart' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.click();
  await expect(panel.getByRole('button', { name: 'Hide chart' })).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByRole('img', { name: /^Chart: Count of rows per week, 12 weeks from 2026-01-05 to 2026-03-23\./ })).toBeVisible();
  await expect(panel.getByLabel('Group dates by')).toHaveValue('auto');
  await expect(panel.getByRole('option', { name: 'Automatic (week)' })).toBeAttached();
  await panel.getByRole('button', { name: 'Show data table' }).click();
  const weeks = await tableRows(panel.getByRole('table', { name: 'Count of rows per week' }));
  expect(weeks).toHaveLength(12);
  expect(weeks.reduce((sum, row) => sum + Number(row[1]!.replace(/,/g, '')), 0)).toBe(pulled);
  await screenshotOf(panel, 'chart-pull');

  // By month instead: three months, the same rows.
  await panel.getByLabel('Group dates by').selectOption('month');
  const months = await (async () => {
    const table = panel.getByRole('table', { name: 'Count of rows per month' });
    await expect(table.locator('tbody tr')).toHaveCount(3);
    return tableRows(table);
  })();
  expect(months.map((row) => row[0])).toEqual(['2026-01', '2026-02', '2026-03']);
  expect(months.reduce((sum, row) => sum + Number(row[1]!.replace(/,/g, '')), 0)).toBe(pulled);
  expect(consoleErrors(app)).toEqual([]);
});

test('a payroll report is charted as hours per employee, largest first', async () => {
  app = await launchApp({ viewport: { width: 1600, height: 1000 } });
  const { page } = app;
  await trySandbox(page);
  const query = { type: 'confirmedhours', start_date: '2026-03-02', end_date: '2026-03-15', employee: 'all' };
  await pathField(page).fill(`payroll/report?${new URLSearchParams(query)}`);
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await responsePanel(page).getByRole('tab', { name: 'Chart' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Chart' });
  await expect(panel.getByRole('img', { name: /^Chart: Sum of hours\.total per employee, \d+ values from / })).toBeVisible();
  await expect(panel.getByLabel('Y axis')).toHaveValue('sum:hours.total');
  await expect(panel.getByLabel('Group dates by')).toBeDisabled();

  const report = (await sandboxData(app.sandbox()!.url, 'payroll/report', query)) as Record<string, { employee: string; hours: { total: number } }>;
  const hours = new Map<string, number>();
  for (const [key, row] of Object.entries(report)) if (/^\d+$/.test(key)) hours.set(row.employee, (hours.get(row.employee) ?? 0) + row.hours.total);
  await screenshotOf(responsePanel(page), 'chart-payroll-light');
  await panel.getByRole('button', { name: 'Show data table' }).click();
  const rows = await tableRows(panel.getByRole('table', { name: 'Sum of hours.total per employee' }));
  expect(rows.map((row) => row[0])).toEqual([...hours.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name));
  for (const [name, total] of rows) expect(Number(total!.replace(/,/g, ''))).toBeCloseTo(hours.get(name!)!, 2);
  expect(consoleErrors(app)).toEqual([]);
});
