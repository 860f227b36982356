// A 50 MB Humanity-like /shifts answer end to end in Chromium: the first rows show, the tree
// scrolls to its last row, a text search finds a value near the end and jumps to it, a path
// search works, expand all and collapse all, the raw text scrolls to its end. The renderer never
// receives a big message (asserted on the harness's IPC traffic). An answer over the size
// ceiling is stopped with a sentence and "Save to file" writes it; temporary files are gone after
// close. Functional, never timed.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { makeShiftsBody, shiftsBodyBytes, shiftsRoute, type ShiftsBody } from '../src-main/testing/large-shifts';
import { startScriptedHost, type ScriptedHost } from '../src-main/testing/scripted-host';
import { SPILL_PREFIX } from '../src-main/response/main/spill-folder';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { pathField, responsePanel, sendButton } from './support/locators';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

const MB = 1024 * 1024;
/** The most any one answer to the renderer may weigh, as JSON: far below the body. */
const MESSAGE_MAX = MB;

let big: ShiftsBody;
let small: ShiftsBody;
let host: ScriptedHost;
let app: LaunchedApp | null = null;
let downloads: string;

test.beforeAll(async () => {
  big = makeShiftsBody(50 * MB);
  small = makeShiftsBody(2 * MB);
  host = await startScriptedHost({ '/api/v2/shifts': shiftsRoute(big), '/api/v2/shifts-small': shiftsRoute(small) });
  downloads = mkdtempSync(join(tmpdir(), 'hae-large-e2e-'));
});
test.afterAll(async () => {
  await host?.close();
  rmSync(downloads, { recursive: true, force: true });
});
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const tree = (page: Page) => page.getByRole('tree', { name: 'Response body' });
const spillFolders = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith(SPILL_PREFIX)));

/** The scripted host takes any app and user. */
const signInToHost = (page: Page) =>
  signIn(page, { host: host.url, appId: 'large-app', appSecret: 'large-app-secret', username: 'admin@example.com', password: 'large-password' });

async function send(page: Page, path: string) {
  await pathField(page).fill(path);
  await sendButton(page).click();
}

test('a 50 MB answer: first rows, the last row, text and path search, expand all, raw text at its end; no big message', async () => {
  test.setTimeout(240_000);
  const before = spillFolders();
  app = await launchApp({ viewport: { width: 1400, height: 900 } });
  const { page } = app;
  // A small memory budget: the body goes to a temporary file, which must be gone after close.
  expect(await app.core.handlers.settings.update({ memoryBudgetMB: 16 })).toMatchObject({ memoryBudgetMB: 16 });
  await signInToHost(page);

  await send(page, 'shifts');
  await expect(responsePanel(page)).toContainText('Success', { timeout: 60_000 });
  const last = big.shifts - 1;

  // The first rows: the envelope, with `data` opened.
  const rows = tree(page).getByRole('treeitem');
  await expect(rows.filter({ hasText: /^data:/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(rows.filter({ hasText: /^0:/ })).toBeVisible();
  expect(await rows.count()).toBeLessThan(120);

  // The last row, by keyboard: End.
  await rows.first().focus();
  await page.keyboard.press('End');
  await expect(rows.filter({ hasText: /^error:\s*null/ })).toBeFocused();
  await expect(rows.filter({ hasText: new RegExp(`^${last}:`) })).toBeVisible();
  expect(await rows.count()).toBeLessThan(120);
  await screenshot(page, 'large-tree');

  // A text search for a value near the end: hits stream in, Enter goes to the first one.
  const box = page.getByRole('searchbox', { name: 'Search response' });
  const status = page.getByRole('status').filter({ hasText: /hits?\b|No hits/ });
  await page.keyboard.press('Home');
  await box.fill(String(big.lastShiftId));
  await box.press('Enter');
  await expect(status).toHaveText(/^1 hit$/, { timeout: 60_000 });
  const hits = page.getByRole('listbox', { name: 'Search hits' });
  await expect(hits.getByRole('option')).toHaveCount(1);
  await expect(hits.getByRole('option').first()).toContainText(`data[${last}].id`);
  await box.press('Enter');
  const hitRow = rows.filter({ hasText: new RegExp(`^id:\\s*${big.lastShiftId}$`) });
  await expect(hitRow).toHaveAttribute('aria-current', 'true');
  await expect(hitRow).toBeInViewport();
  await expect(box).toBeFocused();
  await expect(rows.filter({ hasText: new RegExp(`^${last}:`) })).toHaveAttribute('aria-expanded', 'true');
  // Choosing it in the list moves focus to the row.
  await hits.getByRole('option').first().click();
  await expect(hitRow).toBeFocused();
  await screenshot(page, 'large-search');
  // The search, its hits and the tree hold no serious or critical accessibility finding.
  const audit = await new AxeBuilder({ page }).include('.response-panel').analyze();
  expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // A path search: capped at 10,000 hits; the third one opens its shift and employee.
  await page.getByLabel('Search by').selectOption('path');
  await box.fill('data[*].employees[*].name');
  await box.press('Enter');
  await expect(status).toHaveText('10,000+ hits (showing the first 10,000)', { timeout: 60_000 });
  await expect(hits.getByRole('option').first()).toContainText('data[0].employees[0].name');
  await hits.getByRole('option').nth(2).click();
  await expect(rows.filter({ hasText: /^name:/ }).and(page.locator('[aria-current="true"]'))).toBeFocused();
  await box.fill('data[5].id');
  await box.press('Enter');
  await expect(status).toHaveText('1 hit');
  await box.fill('data[');
  await box.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'is not valid' })).toBeVisible();

  // Expand all: every node is a row, down to the last; collapse all leaves the envelope.
  await responsePanel(page).getByRole('button', { name: 'Expand all' }).click();
  await rows.first().focus();
  await page.keyboard.press('Home');
  await expect(rows.filter({ hasText: /^0:/ }).first()).toHaveAttribute('aria-expanded', 'true');
  await expect(rows.filter({ hasText: /^start_date:/ }).first()).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('End');
  await expect(rows.filter({ hasText: /^error:\s*null/ })).toBeFocused();
  await expect(rows.filter({ hasText: /^lon:/ }).last()).toBeVisible();
  expect(await rows.count()).toBeLessThan(120);
  // Collapsing one row while everything is open.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows.filter({ hasText: /^data:/ })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(rows.filter({ hasText: /^data:/ })).toHaveAttribute('aria-expanded', 'false');
  await expect(rows.filter({ hasText: /^metadata:/ })).toBeVisible();
  await responsePanel(page).getByRole('button', { name: 'Collapse all' }).click();
  await expect(rows).toHaveCount(6);
  await expect(rows.filter({ hasText: /^data:/ })).toHaveAttribute('aria-expanded', 'false');

  // Raw text: windows of it, scrolled to its end.
  await responsePanel(page).getByRole('tab', { name: 'Raw' }).click();
  const raw = page.getByRole('region', { name: 'Raw response' });
  await expect(raw).toContainText('"status": 1');
  await expect.poll(async () => {
    await raw.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    return raw.textContent();
  }, { timeout: 30_000 }).toContain('"token": "[REDACTED]"');
  await expect(raw).toContainText('"error": null');
  expect(await raw.locator('.raw-line').count()).toBeLessThan(150);
  await screenshot(page, 'large-raw');
  await responsePanel(page).getByLabel('Pretty print').uncheck();
  await expect(raw).toContainText('{"status":1,"data":[{"id":');
  await expect.poll(async () => {
    await raw.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    return raw.textContent();
  }, { timeout: 30_000 }).toContain('"metadata":[],"token":"[REDACTED]","error":null}');

  // Ctrl/Cmd+F (the menu's Find in response): back to the tree, in the search box.
  await app.sendCommand('find-in-response');
  await expect(responsePanel(page).getByRole('tab', { name: 'Tree' })).toHaveAttribute('aria-selected', 'true');
  await expect(box).toBeFocused();

  // What the renderer received: never a big message.
  const bodyChannels = app.ipc.filter(({ channel }) => channel.startsWith('response:') || channel.startsWith('table:'));
  expect(bodyChannels.length).toBeGreaterThan(10);
  for (const { channel, output } of app.ipc) expect(JSON.stringify(output).length, channel).toBeLessThan(MESSAGE_MAX);
  expect(app.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'))).toEqual([]);

  const spill = app.core.responses.spillFolder;
  expect(spill).not.toBeNull();
  expect(readdirSync(spill!).length).toBeGreaterThan(0);
  await app.close();
  app = null;
  expect(existsSync(spill!)).toBe(false);
  expect([...spillFolders()].filter((name) => !before.has(name))).toEqual([]);
});

test('an answer over the size ceiling is stopped with a sentence, and Save to file writes it', async () => {
  test.setTimeout(120_000);
  const saved = join(downloads, 'shifts-small.json');
  app = await launchApp({ dialogs: { saveFile: async () => saved } });
  const { page } = app;
  expect(await app.core.handlers.settings.update({ maxResponseMB: 1 })).toMatchObject({ maxResponseMB: 1 });
  await signInToHost(page);

  await send(page, 'shifts-small');
  const alert = responsePanel(page).getByRole('alert');
  await expect(alert).toContainText('The answer is larger than 1 MB');
  await expect(alert).toContainText('Save to file');
  await responsePanel(page).getByRole('button', { name: 'Save to file' }).click();
  const bytes = shiftsBodyBytes(small, '[REDACTED]').length;
  await expect(responsePanel(page).getByRole('status').filter({ hasText: 'Saved' })).toHaveText(`Saved ${(bytes / MB).toFixed(1)} MB to ${saved}`);
  expect(statSync(saved).size).toBe(bytes);
  expect(app.core.responses.count).toBe(0);
});

test('an answer whose parse runs the body worker out of memory: the tree says why, Raw shows it as sent', async () => {
  test.setTimeout(120_000);
  // 32 MB of heap: parsing the 50 MB answer outgrows it (src-main/response/parse-out-of-memory.test.ts).
  app = await launchApp({ viewport: { width: 1400, height: 900 }, bodyWorkerHeapMB: 32 });
  const { page } = app;
  await signInToHost(page);

  await send(page, 'shifts');
  await expect(responsePanel(page)).toContainText('Success', { timeout: 60_000 });
  // However far the first rows got, the rest cannot be read: the tree says so (the query the death
  // cut short says it stopped, those after it that the response is too large).
  await responsePanel(page).getByRole('button', { name: 'Expand all' }).click();
  await expect(responsePanel(page).getByRole('alert').first()).toContainText('ran out of memory', { timeout: 60_000 });

  await responsePanel(page).getByRole('tab', { name: 'Raw' }).click();
  const raw = page.getByRole('region', { name: 'Raw response' });
  await expect(raw).toContainText('{"status":1,"data":[{');
  await expect(responsePanel(page).getByRole('checkbox', { name: 'Pretty print' })).not.toBeChecked();
  await expect(responsePanel(page).getByRole('checkbox', { name: 'Pretty print' })).toBeDisabled();
  await expect(responsePanel(page).getByText('Shown as sent: this response is too large to pretty-print.')).toBeVisible();
  await screenshot(page, 'raw-too-large');
});
