// The explorer end to end in Chromium, wired to the real main-side core and the sandbox.
import { expect, test, type Page } from '@playwright/test';
import { startSandbox, type SandboxServer } from '../src-main/sandbox/server';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { pathField, reauthDialog, responsePanel, sendButton, signOutButton } from './support/locators';
import { screenshot } from './support/screenshots';
import { fillSetup, signIn, trySandbox } from './support/sign-in';

let app: LaunchedApp | null = null;
let sandbox: SandboxServer | null = null;
test.afterEach(async () => {
  await app?.close();
  await sandbox?.close();
  app = null;
  sandbox = null;
});

async function send(page: Page, path: string) {
  await pathField(page).fill(path);
  await sendButton(page).click();
}


test('signs in to a Humanity host through the setup form and reads GET /employees', async () => {
  sandbox = await startSandbox();
  app = await launchApp();
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Sign in to Humanity' })).toBeVisible();
  await expect(page.getByLabel('API host')).toHaveValue('https://www.humanity.com');
  await expect(page.getByLabel('Remember password')).not.toBeChecked();
  await screenshot(page, 'setup');

  await fillSetup(page, { host: sandbox.url, appId: 'sandbox-app', appSecret: 'sandbox-app-secret', username: 'demo.admin@sandbox.example', password: 'sandbox-demo' });
  await page.getByRole('button', { name: 'Sign in' }).click();

  const session = page.getByRole('region', { name: 'Session' }).or(page.getByRole('banner', { name: 'Session' }));
  await expect(session).toContainText(sandbox.url.replace('http://', ''));
  await expect(session).toContainText(/min left/);
  await expect(session).toContainText('Encrypted');

  await send(page, 'employees');
  await expect(responsePanel(page)).toContainText('200');
  await expect(responsePanel(page)).toContainText('Success');
  const tree = page.getByRole('tree', { name: 'Response body' });
  await expect(tree.getByRole('treeitem').first()).toBeVisible();
  const dataRow = tree.getByRole('treeitem').filter({ hasText: 'data' }).first();
  // The explorer opens the envelope's data on its own.
  await expect(dataRow).toHaveAttribute('aria-expanded', 'true');
  const firstEmployee = tree.getByRole('treeitem').filter({ hasText: /\b0:\s*\{/ }).first();
  await firstEmployee.click();
  await expect(tree).toContainText('firstname');
  await screenshot(page, 'explorer-response');
  expect(app.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'))).toEqual([]);
});

test('"Try the sandbox" signs in with one click; a short-lived token is renewed unnoticed', async () => {
  app = await launchApp({ sandbox: { tokenLifetimeSeconds: 2 } });
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByRole('region', { name: 'Session' }).or(page.getByRole('banner', { name: 'Session' }))).toContainText('Sandbox');
  await send(page, 'me');
  await expect(responsePanel(page)).toContainText('Success');

  await page.waitForTimeout(2_500);
  await send(page, 'positions');
  await expect(responsePanel(page)).toContainText('Success');
  await expect(responsePanel(page)).toContainText('positions');
  expect(app.sandbox()?.stats().refreshGrants).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(reauthDialog(page)).toHaveCount(0);
});

test('a wrong password shows its sentence and keeps the form', async () => {
  sandbox = await startSandbox();
  app = await launchApp();
  const { page } = app;
  const values = { host: sandbox.url, appId: 'sandbox-app', appSecret: 'sandbox-app-secret', username: 'demo.admin@sandbox.example', password: 'not-my-password' };
  await fillSetup(page, values);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong username or password');
  await expect(page.getByLabel('API host')).toHaveValue(values.host);
  await expect(page.getByLabel('App Secret')).toHaveValue(values.appSecret);
  await expect(page.getByLabel('Username')).toHaveValue(values.username);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue(values.password);
});

test('validates the form before sending: empty fields and plain-http hosts', async () => {
  app = await launchApp();
  const { page } = app;
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter the App ID.')).toBeVisible();
  await fillSetup(page, { host: 'http://example.com', appId: 'a', appSecret: 'b', username: 'c', password: 'd' });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/https:\/\//).first()).toBeVisible();
  expect(app.ipc.filter((c) => c.channel === 'auth:login')).toHaveLength(0);
});

test('a rejected refresh token asks to sign in again; the waiting request then goes through by itself', async () => {
  sandbox = await startSandbox();
  app = await launchApp();
  const { page } = app;
  // Through the form without Remember password ("Try the sandbox" remembers its public password).
  await signIn(page, { host: sandbox.url });
  await send(page, 'employees');
  await expect(responsePanel(page)).toContainText('Success');

  sandbox.revokeRefreshTokens();
  sandbox.expireAccessTokens();
  await send(page, 'positions');
  const dialog = reauthDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('no longer accepts it');
  await screenshot(page, 'sign-in-again');
  await expect(pathField(page)).toHaveValue('positions');

  await dialog.getByLabel('Password', { exact: true }).fill('sandbox-demo');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(pathField(page)).toHaveValue('positions');
  // The panel shows the last response while a request runs: wait for this one's own answer.
  const sends = () => app!.ipc.filter((call) => call.channel === 'request:send');
  await expect.poll(() => sends().length).toBe(2);
  expect(sends()[1]!.output).toMatchObject({ ok: true, data: { envelope: { kind: 'success' }, url: expect.stringContaining('/api/v2/positions?') } });
  await expect(responsePanel(page)).toContainText('/api/v2/positions?');
});

test('"Try the sandbox" renews its sessions by itself, whatever the sandbox does with refresh tokens', async () => {
  app = await launchApp();
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await send(page, 'employees');
  await expect(responsePanel(page)).toContainText('Success');
  app.sandbox()!.revokeRefreshTokens();
  app.sandbox()!.expireAccessTokens();
  await send(page, 'positions');
  await expect(responsePanel(page)).toContainText('Success');
  await expect(reauthDialog(page)).toHaveCount(0);
  expect(app.sandbox()!.stats().passwordGrants).toBe(2);
});

test('Ctrl+Enter sends; sign out returns to the setup screen', async () => {
  app = await launchApp();
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await pathField(page).fill('locations');
  await pathField(page).press('Control+Enter');
  await expect(responsePanel(page)).toContainText('Success');
  await signOutButton(page).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Humanity' })).toBeVisible();
});

test('pasting the same URL into Path twice keeps one row per parameter', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  const paste = (text: string) =>
    pathField(page).evaluate((input, pasted) => {
      const data = new DataTransfer();
      data.setData('text', pasted);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  const url = 'https://www.humanity.com/api/v2/employees?fields=id&limit=5';
  await pathField(page).fill('');
  await paste(url);
  await pathField(page).selectText();
  await paste(url);
  await expect(pathField(page)).toHaveValue('employees');
  const names = page.getByRole('textbox', { name: /^Parameter \d+ name$/ });
  await expect(names).toHaveCount(2);
  await expect(page.getByRole('textbox', { name: 'Parameter 1 value' })).toHaveValue('id');
  await expect(page.getByRole('textbox', { name: 'Parameter 2 value' })).toHaveValue('5');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
});

test('without a protected key store a banner says tokens stay in memory, and a remembered password stays in memory too', async () => {
  app = await launchApp({ keyStore: { backend: 'basic_text' } });
  const { page } = app;
  await expect(page.getByRole('status').filter({ hasText: 'memory only' }).first()).toBeVisible();
  await expect(page.getByLabel('Remember password')).toBeEnabled();
  await expect(page.getByText(/Kept in memory until you quit/)).toBeVisible();
  await screenshot(page, 'setup-memory-only');
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByText('Memory only').first()).toBeVisible();
});

test('Settings: the Authorization header delivery and the timeout are saved and used', async () => {
  app = await launchApp();
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByLabel('Timeout (seconds)')).toHaveValue('60');
  await dialog.getByLabel('Timeout (seconds)').fill('0');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Enter a whole number of seconds from 1 to 3600.')).toBeVisible();
  await dialog.getByRole('radio', { name: /Authorization: Bearer header/ }).check();
  await dialog.getByLabel('Timeout (seconds)').fill('5');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Settings saved.')).toBeVisible();
  await screenshot(page, 'settings');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await send(page, 'employees');
  await expect(responsePanel(page)).toContainText('Success');
  await expect(responsePanel(page)).not.toContainText('access_token');
  expect(await app.core.handlers.settings.get({})).toMatchObject({ tokenDelivery: 'header', timeoutSeconds: 5 });
});

test('Cancel stops a slow request and says so; the next request works', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  app.sandbox()!.setFaults({ latencyMs: 20_000 });
  await send(page, 'employees');
  // Send is disabled while the request runs: keyboard focus moves to Cancel, and back once it ends.
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(responsePanel(page).getByRole('alert')).toContainText('The request was cancelled.');
  await expect(sendButton(page)).toBeFocused();
  app.sandbox()!.clearFaults();
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
});

test('a quick answer replaces the last one with nothing between; a slow one shows "Sending…" and its tab is marked', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  await send(page, 'me');
  await expect(responsePanel(page)).toContainText('Success');
  // Per Send, in the page: how long from the click to the new response tree, and whether
  // "Sending…" was shown meanwhile.
  await page.evaluate(() => {
    const rounds: Array<{ clicked: number; shownMs: number | null; sending: boolean }> = [];
    const trees = new WeakSet<Element>(document.querySelectorAll('[role="tree"]'));
    Object.assign(window, { rounds });
    document.addEventListener('click', () => rounds.push({ clicked: performance.now(), shownMs: null, sending: false }), { capture: true });
    new MutationObserver(() => {
      const round = rounds.at(-1);
      if (!round || round.shownMs !== null) return;
      if (document.querySelector('.sending')) round.sending = true;
      for (const tree of document.querySelectorAll('[role="tree"][aria-label="Response body"]')) {
        if (!trees.has(tree)) round.shownMs = performance.now() - round.clicked;
        trees.add(tree);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  type Round = { shownMs: number | null; sending: boolean };
  const rounds = () => page.evaluate(() => (window as unknown as { rounds: Round[] }).rounds);
  for (let round = 1; round <= 5; round += 1) {
    await sendButton(page).click();
    await expect.poll(async () => (await rounds())[round - 1]?.shownMs ?? null).not.toBeNull();
  }
  // Every answer that came within the 100 ms before a request shows as running replaced the last
  // one with no "Sending…" between; most do on any machine (a loaded one may be slower now and then).
  const quick = (await rounds()).filter((round) => round.shownMs! < 90);
  expect(quick.length).toBeGreaterThanOrEqual(3);
  expect(quick.filter((round) => round.sending)).toEqual([]);

  app.sandbox()!.setFaults({ latencyMs: 1_500 });
  await sendButton(page).click();
  await expect(responsePanel(page).getByRole('status').filter({ hasText: 'Sending…' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Open requests' }).locator('.doc-tab-running')).toHaveCount(1);
  await expect(responsePanel(page)).toContainText('Success');
  await expect(page.getByRole('tablist', { name: 'Open requests' }).locator('.doc-tab-running')).toHaveCount(0);
});
