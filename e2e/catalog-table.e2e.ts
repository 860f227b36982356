// The endpoint catalog and the table view end to end: find "Get shifts", fill its dates in the
// builder, send, and read the shifts as a table that filters, sorts and exports what it shows.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from './support/csv';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { pathField, responsePanel, sendButton } from './support/locators';
import { screenshot } from './support/screenshots';
import { trySandbox } from './support/sign-in';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const consoleErrors = (launched: LaunchedApp) => launched.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'));


/** "12 of 80 rows" → [12, 80]. */
async function rowCounts(page: Page): Promise<[number, number]> {
  const status = page.getByRole('status').filter({ hasText: /^[\d,]+ of [\d,]+ rows$/ });
  await expect(status).toBeVisible();
  const match = /^([\d,]+) of ([\d,]+) rows$/.exec((await status.textContent()) ?? '')!;
  return [Number(match[1]!.replace(/,/g, '')), Number(match[2]!.replace(/,/g, ''))];
}

test('picks Get shifts in the catalog, fills its dates in the builder, and filters, sorts and exports the table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hae-table-'));
  const csvPath = join(dir, 'night-shifts.csv');
  app = await launchApp({ dialogs: { saveFile: async () => csvPath } });
  const { page } = app;
  await trySandbox(page);

  // The catalog: searchable, grouped by resource, with a confidence tag on every entry.
  await page.getByRole('tab', { name: 'Catalog' }).click();
  const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
  await expect(sidebar.getByRole('heading', { name: 'Employees' })).toBeVisible();
  await expect(sidebar.getByRole('heading', { name: 'Payroll' })).toBeVisible();
  // The tags say in words what is confirmed: the counts name each level, and an entry is
  // described by its path and by what its tag means.
  await expect(sidebar.getByRole('status')).toHaveText(/^\d+ endpoints: \d+ confirmed, \d+ path confirmed, \d+ reported, \d+ inferred$/);
  const search = sidebar.getByRole('searchbox', { name: 'Search endpoints' });
  await search.fill('report');
  await expect(sidebar.getByRole('button', { name: 'GET Get payroll report', exact: true })).toHaveAccessibleDescription(
    "payroll/report Path and permission confirmed by Humanity's API reference; parameters reported by working clients, not confirmed.",
  );
  await expect(sidebar.getByRole('button', { name: 'GET Get custom report', exact: true })).toHaveAccessibleDescription(
    "reports/custom Path, permission and parameters confirmed by Humanity's API reference.",
  );
  await expect(sidebar.getByRole('heading', { name: 'How sure we are' })).toBeVisible();
  await screenshot(page, 'catalog-confidence');
  await search.fill('shifts date');
  await expect(sidebar.getByRole('heading', { name: 'Employees' })).toBeHidden();
  const getShifts = sidebar.getByRole('button', { name: 'GET Get shifts', exact: true });
  await expect(getShifts).toBeVisible();
  await search.press('Escape');
  await expect(sidebar.getByRole('heading', { name: 'Employees' })).toBeVisible();
  await search.fill('shifts');
  await getShifts.click();
  await expect(getShifts).toHaveAttribute('aria-current', 'true');

  // The editor holds the endpoint: method, path and the builder with its parameters.
  await expect(page.getByLabel('Method')).toHaveValue('GET');
  await expect(pathField(page)).toHaveValue('shifts');
  await expect(page.getByRole('heading', { name: 'Get shifts', level: 2 })).toBeVisible();
  const details = page.getByRole('region', { name: 'Endpoint details' });
  await expect(details).toContainText('Lists shifts in a date window');
  await expect(details).toContainText('Permission');
  await expect(details).toContainText("How sure Path, permission and parameters confirmed by Humanity's API reference.");
  await expect(details.getByRole('link', { name: 'Humanity reference' })).toHaveAttribute('href', /^https:\/\/platform\.humanity\.com\//);
  await expect(details.getByRole('link', { name: 'Humanity reference' })).toHaveAttribute('target', '_blank');

  // Dates from the builder become query rows as YYYY-MM-DD; an enum is a select.
  await details.getByLabel('start_date').fill('2026-03-02');
  await details.getByLabel('end_date').fill('2026-03-15');
  await details.getByRole('button', { name: /Show \d+ more parameters/ }).click();
  await details.getByLabel('mode').selectOption('overview');
  await expect(page.getByLabel('Parameter 1 name')).toHaveValue('start_date');
  await expect(page.getByLabel('Parameter 1 value')).toHaveValue('2026-03-02');
  await expect(page.getByLabel('Parameter 2 value')).toHaveValue('2026-03-15');
  await expect(page.getByLabel('Parameter 3 name')).toHaveValue('mode');
  await expect(page.getByLabel('Parameter 3 value')).toHaveValue('overview');
  // Clearing an optional field takes its row away again.
  await details.getByLabel('mode').selectOption('');
  await expect(page.getByLabel('Parameter 3 name')).toHaveCount(0);
  await details.getByRole('button', { name: 'Show fewer' }).click();
  await page.getByRole('region', { name: 'Request' }).evaluate((editor) => editor.scrollTo(0, 0));
  await screenshot(page, 'catalog-builder');

  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await expect(responsePanel(page)).toContainText('start_date=2026-03-02');

  // The table: every shift of the window, flattened, a window of rows at a time.
  await responsePanel(page).getByRole('tab', { name: 'Table' }).click();
  const grid = page.getByRole('grid', { name: 'Response rows' });
  await expect(grid.getByRole('columnheader', { name: 'title' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'location.name' })).toBeVisible();
  const [allShown, total] = await rowCounts(page);
  expect(allShown).toBe(total);
  expect(total).toBeGreaterThan(30);
  const tableCalls = app.ipc.filter((call) => call.channel === 'table:rows');
  expect(tableCalls.length).toBeGreaterThan(0);
  for (const call of tableCalls) expect((call.input as { limit: number }).limit).toBeLessThanOrEqual(500);

  // Filter: the count follows.
  await page.getByRole('searchbox', { name: 'Filter rows' }).fill('Night bake');
  await expect.poll(async () => (await rowCounts(page))[0]).toBeLessThan(total);
  const [filtered] = await rowCounts(page);
  expect(filtered).toBeGreaterThan(0);
  const titleCells = () => grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect(titleCells().first()).toContainText('Night bake');

  // Sort by id, descending, with the mouse and then the keyboard.
  const idHeader = grid.getByRole('columnheader', { name: 'id', exact: true });
  await idHeader.click();
  await expect(idHeader).toHaveAttribute('aria-sort', 'ascending');
  const firstIdAscending = Number(await titleCells().first().getByRole('gridcell').first().textContent());
  await idHeader.press('Enter');
  await expect(idHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => Number(await titleCells().first().getByRole('gridcell').first().textContent())).toBeGreaterThan(firstIdAscending);
  expect((await rowCounts(page))[0]).toBe(filtered);

  // Arrow keys move between cells; Ctrl+C copies the focused one.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const focused = page.locator('[role="gridcell"]:focus');
  await expect(focused).toContainText('Night bake');
  await page.keyboard.press('ControlOrMeta+c');
  await expect(page.getByRole('status').filter({ hasText: 'Copied “Night bake”' })).toBeVisible();

  // The column picker: hide a column; the last one cannot be hidden.
  await page.getByRole('button', { name: 'Columns' }).click();
  const picker = page.getByRole('menu', { name: 'Columns' });
  await picker.getByRole('menuitemcheckbox', { name: 'notes' }).click();
  await expect(picker.getByRole('menuitemcheckbox', { name: 'notes' })).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(grid.getByRole('columnheader', { name: 'notes' })).toHaveCount(0);
  const visibleColumns = await grid.getByRole('columnheader').allTextContents();
  await screenshot(page, 'table-view');

  // Export CSV: the rows as filtered and sorted, with the visible columns.
  await page.getByRole('tabpanel', { name: 'Table' }).getByRole('button', { name: 'Export CSV' }).click();
  await expect(page.getByText(`Saved ${filtered} ${filtered === 1 ? 'row' : 'rows'} to ${csvPath}`)).toBeVisible();
  const csv = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '')).filter((row) => row.some((cell) => cell !== ''));
  expect(csv[0]).toEqual(visibleColumns);
  expect(csv).toHaveLength(filtered + 1);
  const titleIndex = csv[0]!.indexOf('title');
  expect(csv.slice(1).every((row) => row.join(' ').includes('Night bake'))).toBe(true);
  expect(csv[1]![titleIndex]).toBe('Night bake');
  const ids = csv.slice(1).map((row) => Number(row[0]));
  expect(ids).toEqual([...ids].sort((a, b) => b - a));
  expect(consoleErrors(app)).toEqual([]);
});

test('a response without a list says so in the table; Rows at points at one', async () => {
  app = await launchApp();
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await pathField(page).fill('me');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await responsePanel(page).getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('tabpanel', { name: 'Table' });
  await expect(table).toContainText('no list');
  await expect(page.getByRole('grid')).toHaveCount(0);
  await table.getByLabel('Rows at').fill('/data/positions');
  await expect(page.getByRole('grid', { name: 'Response rows' })).toBeVisible();
  expect(await rowCounts(page)).toEqual([1, 1]);
  expect(consoleErrors(app)).toEqual([]);
});
