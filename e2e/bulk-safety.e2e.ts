// Date-range pulls and write safety end to end: a long /shifts pull through rate limits and an
// expired token, Cancel and Resume; "Confirm change" before writes to a real account, "Don't ask
// again", Read-only mode; group-account companies; and permission failures in words.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SANDBOX_DEMO, startSandbox, type SandboxServer } from '../src-main/sandbox/server';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { pathField, responsePanel, sendButton, signOutButton } from './support/locators';
import { signIn, trySandbox } from './support/sign-in';
import { screenshot } from './support/screenshots';
import { openPullRange, pickEndpoint } from './support/pull-range';
import { sandboxToken } from './support/sandbox-oracle';

let app: LaunchedApp | null = null;
let server: SandboxServer | null = null;
let proxy: Server | null = null;
test.afterEach(async () => {
  await app?.close();
  await server?.close();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  app = null;
  server = null;
  proxy = null;
});

const consoleErrors = (launched: LaunchedApp) => launched.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'));

// ---- an independent oracle: the sandbox asked directly, with a token of our own ----

const DAY_MS = 86_400_000;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The distinct shift ids in [from, to], asked 28 days at a time. */
async function shiftIds(url: string, from: string, to: string): Promise<Set<number>> {
  const token = await sandboxToken(url);
  const ids = new Set<number>();
  const [first, last] = [Date.parse(from) / DAY_MS, Date.parse(to) / DAY_MS];
  for (let day = first; day <= last; day += 28) {
    const query = new URLSearchParams({ start_date: isoDay(day), end_date: isoDay(Math.min(day + 27, last)), access_token: token });
    const body = (await (await fetch(`${url}/api/v2/shifts?${query}`)).json()) as { data: Array<{ id: number }> };
    for (const shift of body.data) ids.add(shift.id);
  }
  return ids;
}

// ---- the UI ----

const windowsDone = async (page: Page) => Number(await page.getByRole('progressbar', { name: 'Pull progress' }).getAttribute('aria-valuenow'));

test('a 6-month pull of /shifts rides out 429s and an expired token and exports every row', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hae-pull-'));
  const csvPath = join(dir, 'shifts.csv');
  app = await launchApp({ dialogs: { saveFile: async () => csvPath } });
  const { page } = app;
  await trySandbox(page);
  const sandbox = app.sandbox()!;

  const [from, to] = ['2025-07-01', '2025-12-31'];
  const panel = await openPullRange(page, from, to);
  await expect(panel).toContainText('184 days: 7 windows of at most 28 days.');
  sandbox.setFaults({ rateLimitNext: { count: 2, retryAfterSeconds: 1 }, latencyMs: 150 });
  const refreshesBefore = sandbox.stats().refreshGrants;
  await panel.getByRole('button', { name: 'Start pull' }).click();

  const progress = page.getByRole('progressbar', { name: 'Pull progress' });
  await expect(progress).toHaveAttribute('aria-valuemax', '7');
  // The first window waits out the 429s and says so. The token expires during that wait, so the
  // pull cannot have ended before it (expiring after a window count raced a fast pull).
  await expect(panel.getByRole('status').filter({ hasText: /HTTP 429/ })).toBeVisible();
  sandbox.expireAccessTokens();
  await expect.poll(() => windowsDone(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await expect(panel).toContainText(/Window \d of 7 · [\d,]+ rows · (about \d+ s left|estimating time left)/);
  await screenshot(page, 'bulk-pull');

  await expect(panel.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(progress).toHaveAttribute('aria-valuenow', '7');
  sandbox.clearFaults();
  expect(sandbox.stats().rejectedTokens).toBeGreaterThan(0);
  expect(sandbox.stats().refreshGrants).toBeGreaterThan(refreshesBefore);

  const expected = (await shiftIds(sandbox.url, from, to)).size;
  expect(expected).toBeGreaterThan(400);
  await expect(panel).toContainText(`Pulled ${expected.toLocaleString('en-US')} rows from 7 windows.`);
  await expect(panel).toContainText(`7 of 7 windows · ${expected.toLocaleString('en-US')} rows`);

  await panel.getByRole('button', { name: 'Export CSV' }).click();
  await expect(panel.getByText(`Saved ${expected.toLocaleString('en-US')} rows to ${csvPath}`)).toBeVisible();
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^\uFEFF?id,title,/);
  expect(lines).toHaveLength(expected + 1);
  await screenshot(page, 'bulk-pull-done');
  await expect(panel.getByRole('button', { name: 'Export NDJSON' })).toBeEnabled();
  await expect(panel.getByRole('button', { name: 'Export JSON' })).toBeEnabled();
  expect(consoleErrors(app)).toEqual([]);
});

test('Cancel stops a 12-month pull within one window; Resume finishes it without refetching', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  const sandbox = app.sandbox()!;

  const [from, to] = ['2025-01-01', '2025-12-31'];
  const panel = await openPullRange(page, from, to);
  sandbox.setFaults({ latencyMs: 400 });
  await panel.getByRole('button', { name: 'Start pull' }).click();
  await expect.poll(() => windowsDone(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  const doneAtCancel = await windowsDone(page);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: /^Cancelled after \d+ of 14 windows\.$/ })).toBeVisible();
  const stoppedAt = await windowsDone(page);
  expect(stoppedAt).toBeLessThanOrEqual(doneAtCancel + 1);
  expect(stoppedAt).toBeLessThan(14);

  // Nothing moves after a cancel: no window finishes, no request leaves. (The sandbox counts the
  // aborted request once its 400 ms latency has passed, so the count is read after that.)
  await page.waitForTimeout(800);
  const callsAfterCancel = sandbox.stats().apiCalls;
  await page.waitForTimeout(1500);
  expect(await windowsDone(page)).toBe(stoppedAt);
  expect(sandbox.stats().apiCalls).toBe(callsAfterCancel);

  sandbox.clearFaults();
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(panel.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Pull progress' })).toHaveAttribute('aria-valuenow', '14');
  // Finished windows were not fetched again: one call per remaining window (the cancelled one included).
  expect(sandbox.stats().apiCalls - callsAfterCancel).toBe(14 - stoppedAt);
  const expected = (await shiftIds(sandbox.url, from, to)).size;
  await expect(panel).toContainText(`14 of 14 windows · ${expected.toLocaleString('en-US')} rows`);
  expect(consoleErrors(app)).toEqual([]);
});

test('a write to a real account asks first; Cancel sends nothing; "Don\'t ask again" lasts until sign-out; Read-only blocks it', async () => {
  server = await startSandbox();
  app = await launchApp();
  const { page } = app;
  await signIn(page, { host: server.url });
  await expect(page.getByText('Sandbox', { exact: true })).toHaveCount(0);
  const shiftId = [...(await shiftIds(server.url, '2026-03-02', '2026-03-02'))][0]!;

  await pickEndpoint(page, 'update shift', 'PUT Update shift / assign staff');
  const details = page.getByRole('region', { name: 'Endpoint details' });
  await details.getByLabel('id', { exact: true }).fill(String(shiftId));
  await details.getByLabel('add', { exact: true }).fill('1002');
  await expect(pathField(page)).toHaveValue(`shifts/${shiftId}`);
  await expect(page.getByLabel('Field 1 name')).toHaveValue('add');

  // Send asks first, naming method, path and account; Cancel sends nothing.
  const calls = server.stats().apiCalls;
  await sendButton(page).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm change' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('PUT');
  await expect(confirm).toContainText(`/api/v2/shifts/${shiftId}`);
  await expect(confirm).toContainText(server.url);
  await expect(confirm).toContainText(SANDBOX_DEMO.username);
  await expect(confirm).toContainText('add=1002');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await screenshot(page, 'confirm-change');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(server.stats().apiCalls).toBe(calls);
  await expect(responsePanel(page)).not.toContainText('200');

  // Send, and don't ask again: the next write goes straight out.
  await sendButton(page).click();
  await confirm.getByRole('checkbox', { name: "Don't ask again until I sign out" }).check();
  await confirm.getByRole('button', { name: 'Send' }).click();
  await expect(responsePanel(page)).toContainText('Success');
  expect(server.stats().apiCalls).toBe(calls + 1);
  await details.getByLabel('add', { exact: true }).fill('1003');
  await sendButton(page).click();
  await expect.poll(() => server!.stats().apiCalls).toBe(calls + 2);
  await expect(confirm).toBeHidden();

  // Read-only mode: a badge, and the write is refused with main's sentence.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('checkbox', { name: 'Read-only mode' }).check();
  await expect(settings.getByRole('checkbox', { name: 'Read-only mode' })).toHaveAccessibleDescription(/Blocks POST, PUT, PATCH and DELETE/);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();
  const sessionBar = page.getByRole('banner', { name: 'Session' });
  await expect(sessionBar.getByText('Read-only', { exact: true })).toBeVisible();
  await sendButton(page).click();
  await expect(responsePanel(page).getByRole('alert').filter({ hasText: 'Read-only mode is on' })).toHaveText(
    `Read-only mode is on, so PUT /shifts/${shiftId} was not sent. Turn it off in Settings to make changes.`,
  );
  expect(server.stats().apiCalls).toBe(calls + 2);
  await screenshot(page, 'read-only');

  // Off again, then sign out and in: the question is back.
  await page.getByRole('button', { name: 'Settings' }).click();
  await settings.getByRole('checkbox', { name: 'Read-only mode' }).uncheck();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(sessionBar.getByText('Read-only', { exact: true })).toHaveCount(0);
  await signOutButton(page).click();
  await signIn(page, { host: server.url });
  // Signing in reads /me; nothing else may leave.
  const callsAfterSignIn = server.stats().apiCalls;
  await sendButton(page).click();
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(server.stats().apiCalls).toBe(callsAfterSignIn);
  expect(consoleErrors(app)).toEqual([]);
});

test('"Try the sandbox" sends writes without asking', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  const shiftId = [...(await shiftIds(app.sandbox()!.url, '2026-03-02', '2026-03-02'))][0]!;
  await pickEndpoint(page, 'update shift', 'PUT Update shift / assign staff');
  const details = page.getByRole('region', { name: 'Endpoint details' });
  await details.getByLabel('id', { exact: true }).fill(String(shiftId));
  await details.getByLabel('add', { exact: true }).fill('1002');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await expect(page.getByRole('dialog', { name: 'Confirm change' })).toHaveCount(0);
  expect(consoleErrors(app)).toEqual([]);
});

test('group-account companies: listed in Settings, picked in the session bar, sent as child_company_id', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  const sessionBar = page.getByRole('banner', { name: 'Session' });
  await expect(sessionBar.getByLabel('Company')).toHaveCount(0);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Add company' }).click();
  await settings.getByLabel('Company 1 id').fill('48x');
  await settings.getByLabel('Company 1 name').fill('North site');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('alert')).toContainText('Company 1: the ID must be');
  await settings.getByLabel('Company 1 id').fill('4821');
  await settings.getByRole('button', { name: 'Add company' }).click();
  await settings.getByLabel('Company 2 id').fill('5150');
  await settings.getByLabel('Company 2 name').fill('Harbour');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();
  await screenshot(page, 'settings-companies');
  await settings.getByRole('button', { name: 'Close' }).click();

  const company = sessionBar.getByLabel('Company');
  await expect(company.getByRole('option')).toHaveText(['Parent account', 'North site (4821)', 'Harbour (5150)']);
  await company.selectOption('5150');
  await expect.poll(async () => (await app!.core.handlers.settings.get({})).activeCompanyId).toBe('5150');
  await pathField(page).fill('me');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('child_company_id=5150');

  // Taking the company off the list sends requests to the parent account again.
  await page.getByRole('button', { name: 'Settings' }).click();
  await settings.getByRole('button', { name: 'Remove company 2' }).click();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(company).toHaveValue('');
  expect((await app.core.handlers.settings.get({})).activeCompanyId).toBeNull();
  expect(consoleErrors(app)).toEqual([]);
});

test('permission failures say "your role may not allow this", from the envelope and from HTTP 403', async () => {
  server = await startSandbox();
  const upstream = new URL(server.url);
  // A Humanity that refuses two endpoints to this user; everything else goes to the sandbox.
  proxy = createServer((req, res) => {
    if (req.url?.startsWith('/api/v2/payroll/report')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 20, data: null, metadata: [], token: null, error: 'You do not have access to payroll' }));
      return;
    }
    if (req.url?.startsWith('/api/v2/reports/custom')) {
      res.writeHead(403, { 'content-type': 'text/html' });
      res.end('<html><body><h1>403 Forbidden</h1></body></html>');
      return;
    }
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  app = await launchApp();
  const { page } = app;
  await signIn(page, { host: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` });

  await pathField(page).fill('payroll/report');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('your role may not allow this');
  await expect(responsePanel(page)).toContainText('You do not have access to payroll');
  await screenshot(page, 'permission-envelope');

  await pathField(page).fill('reports/custom');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('403');
  await expect(responsePanel(page)).toContainText('Forbidden: your role may not allow this.');
  await screenshot(page, 'permission-403');
  expect(consoleErrors(app)).toEqual([]);
});
