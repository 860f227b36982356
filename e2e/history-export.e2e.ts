// History and export end to end: what was sent is listed and reopened in one click, and what
// is exported (JSON, CSV, a Postman collection, cURL) is read back as another tool would.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
// A CommonJS package: Node's ESM loader offers only its default export.
import postman, { type Item } from 'postman-collection';
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

const MARK = 'SENTINELTOKEN';
let issued = 0;
const tokenFactory = (kind: string) => `${MARK}-${kind}-${(issued += 1)}`;

const historyList = (page: Page) => page.getByRole('list', { name: 'History' });

async function send(page: Page, path: string) {
  await pathField(page).fill(path);
  await sendButton(page).click();
  await expect(responsePanel(page).getByText(path, { exact: false }).first()).toBeVisible();
  await expect(responsePanel(page)).toContainText(/Success|status/);
}

/**
 * The body the Raw tab shows, parsed. The Raw view renders only the lines on screen, so the
 * whole text is read the way the view reads it: from main, by the shown response's id.
 */
async function rawBody(page: Page): Promise<unknown> {
  await responsePanel(page).getByRole('tab', { name: 'Raw' }).click();
  await expect(page.getByRole('region', { name: 'Raw response' })).toContainText('{');
  await responsePanel(page).getByRole('tab', { name: 'Tree' }).click();
  const sent = app!.ipc.filter((call) => call.channel === 'request:send').at(-1)!.output as { data: { responseId: string } };
  const { text } = await app!.core.handlers.response.text({ responseId: sent.data.responseId, offset: 0, length: 262_144, pretty: false });
  return JSON.parse(text);
}


function consoleErrors(launched: LaunchedApp): string[] {
  return launched.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'));
}

test('the history lists every send newest first, reopens one in one click, searches and clears', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  await send(page, 'me');
  await send(page, 'employees');
  await send(page, 'employees/99999999');
  await send(page, 'positions');

  await page.getByRole('tab', { name: 'History' }).click();
  const entries = historyList(page).getByRole('button');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toContainText('positions');
  await expect(entries.nth(1)).toContainText('employees/99999999');
  await expect(entries.nth(2)).toContainText('employees');
  await expect(entries.nth(3)).toContainText('me');
  await expect(entries.nth(0)).toContainText('200');
  await expect(entries.nth(0)).toContainText('Success');
  await expect(entries.nth(1)).not.toContainText('Success');
  await screenshot(page, 'history');

  // One click: the request is back in the editor and its kept response in the panel.
  await entries.nth(2).click();
  await expect(pathField(page)).toHaveValue('employees');
  await expect(responsePanel(page)).toContainText('Success');
  const body = page.getByRole('tree', { name: 'Response body' });
  await body.getByRole('treeitem').filter({ hasText: /\b0:\s*\{/ }).first().click();
  await expect(body).toContainText('firstname');
  await expect(responsePanel(page)).toContainText('/api/v2/employees');

  // The list follows new sends; Enter on an entry opens it too.
  await send(page, 'locations');
  await expect(entries).toHaveCount(5);
  await expect(entries.nth(0)).toContainText('locations');
  await entries.nth(4).focus();
  await page.keyboard.press('Enter');
  await expect(pathField(page)).toHaveValue('me');

  const search = page.getByRole('searchbox', { name: 'Search history' });
  await search.fill('employees');
  await expect(entries).toHaveCount(2);
  await search.press('Escape');
  await expect(entries).toHaveCount(5);

  await page.getByRole('button', { name: 'Clear history' }).click();
  const confirm = page.getByRole('dialog', { name: 'Clear history' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(entries).toHaveCount(5);
  await page.getByRole('button', { name: 'Clear history' }).click();
  await confirm.getByRole('button', { name: 'Clear history' }).click();
  await expect(confirm).toBeHidden();
  await expect(historyList(page)).toHaveCount(0);
  await expect(page.getByText('Requests you send are listed here, newest first.')).toBeVisible();
  expect(consoleErrors(app)).toEqual([]);
});

test('exports the response as JSON and CSV and a collection for Postman, through the save dialog', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hae-export-'));
  const answers: Array<string | null> = [join(dir, 'me.json'), null, join(dir, 'employees.csv'), join(dir, 'hr.postman_collection.json')];
  app = await launchApp({ sandbox: { tokenFactory }, dialogs: { saveFile: async () => answers.shift() ?? null } });
  const { page } = app;
  await trySandbox(page);

  // JSON: exactly the bytes received (the token Humanity echoes is redacted); the sandbox sends compact JSON.
  await send(page, 'me');
  const shown = await rawBody(page);
  await responsePanel(page).getByRole('button', { name: 'Save JSON' }).click();
  await expect(responsePanel(page).getByRole('status').filter({ hasText: 'Saved to' })).toHaveText(`Saved to ${join(dir, 'me.json')}`);
  const written = readFileSync(join(dir, 'me.json'), 'utf8');
  expect(JSON.parse(written)).toEqual(shown);
  expect(written).toBe(JSON.stringify(shown));
  expect(written).toContain('[REDACTED]');
  expect(written).not.toContain(MARK);

  // A cancelled save dialog shows nothing alarming.
  await responsePanel(page).getByRole('button', { name: 'Save JSON' }).click();
  await expect(responsePanel(page).getByRole('status').filter({ hasText: 'Saved to' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // CSV of GET /employees: one row per employee, nested objects as dotted columns.
  await send(page, 'employees');
  const employees = (await rawBody(page)) as { data: unknown[] };
  await responsePanel(page).getByRole('button', { name: 'Export CSV' }).click();
  const csvPath = join(dir, 'employees.csv');
  await expect(responsePanel(page).getByRole('status').filter({ hasText: 'Saved' })).toHaveText(`Saved ${employees.data.length} rows to ${csvPath}`);
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '')).filter((row) => row.some((cell) => cell !== ''));
  expect(header).toContain('avatar.small');
  expect(header).toContain('firstname');
  expect(rows).toHaveLength(employees.data.length);
  expect(rows.map((row) => row[header!.indexOf('firstname')])).toContain('Priya');
  await screenshot(page, 'response-export');

  // A collection exported for Postman loads in Postman's own library. With no collection yet,
  // saving offers to create one.
  await pathField(page).fill('shifts?start_date={{startOfWeek}}&end_date={{endOfWeek}}');
  await pathField(page).press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save request' });
  await save.getByRole('textbox', { name: 'Name', exact: true }).fill('Shifts this week');
  await expect(save.getByLabel('Folder')).toHaveCount(0);
  await save.getByLabel('New collection name').fill('HR');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();
  await page.getByRole('button', { name: 'More actions for HR' }).click();
  await page.getByRole('menuitem', { name: 'Export as Postman collection' }).click();
  const postmanPath = join(dir, 'hr.postman_collection.json');
  await expect(page.getByRole('status').filter({ hasText: `Saved to ${postmanPath}` })).toBeVisible();
  const exported = readFileSync(postmanPath, 'utf8');
  expect(exported).not.toContain(MARK);
  const collection = new postman.Collection(JSON.parse(exported));
  expect(collection.name).toBe('HR');
  const requests: Array<{ name: string; method: string; url: string }> = [];
  // forEachItem walks folders too; the library's type declarations leave it out.
  (collection as unknown as { forEachItem(each: (entry: Item) => void): void }).forEachItem((entry) => requests.push({ name: entry.name, method: entry.request.method, url: entry.request.url.toString() }));
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ name: 'Shifts this week', method: 'GET' });
  expect(requests[0]!.url).toContain('shifts?start_date={{startOfWeek}}&end_date={{endOfWeek}}');
  expect(consoleErrors(app)).toEqual([]);
});

test('Copy as cURL uses a placeholder; the token only after a warning, and never through IPC', async () => {
  app = await launchApp({ sandbox: { tokenFactory } });
  const { page } = app;
  await trySandbox(page);
  await pathField(page).fill('employees?status=1');
  await page.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied as cURL' })).toHaveText('Copied as cURL (token replaced by <ACCESS_TOKEN>)');
  expect(app.clipboard).toHaveLength(1);
  expect(app.clipboard[0]).toMatch(/^curl '.*\/api\/v2\/employees\?status=1/);
  expect(app.clipboard[0]).toContain('<ACCESS_TOKEN>');
  expect(app.clipboard[0]).not.toContain(MARK);

  // With the token: a warning first; Cancel copies nothing.
  await page.getByLabel('Include my access token').check();
  await page.getByRole('button', { name: 'Copy as cURL' }).click();
  const warning = page.getByRole('dialog', { name: 'Copy with your access token?' });
  await expect(warning).toContainText('Anyone who has the command can act as you');
  await screenshot(page, 'curl-token-warning');
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(warning).toBeHidden();
  expect(app.clipboard).toHaveLength(1);

  await page.getByRole('button', { name: 'Copy as cURL' }).click();
  await warning.getByRole('button', { name: 'Copy with token' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied as cURL' })).toContainText('with your access token');
  expect(app.clipboard).toHaveLength(2);
  expect(app.clipboard[1]).not.toContain('<ACCESS_TOKEN>');
  expect(app.clipboard[1]).toContain(MARK);
  expect(JSON.stringify(app.ipc.map((call) => call.output))).not.toContain(MARK);
  expect(app.console.join('\n')).not.toContain(MARK);
  expect(consoleErrors(app)).toEqual([]);
});
