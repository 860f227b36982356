// Saved accounts end to end: the built-in sandbox and a second account on a second sandbox with
// other credentials and data, switched back and forth with requests in flight. Each sandbox
// marks the tokens it issues, so its request log shows whether anything of the other arrived.
import { expect, test, type Page } from '@playwright/test';
import type { SandboxServer } from '../src-main/sandbox/server';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { historyList, pathField, responsePanel, sendButton, sessionBar, switchAccountButton, switchAccountMenu } from './support/locators';
import { screenshot } from './support/screenshots';
import { chooseAccountMenuItem, signIn, switchAccount, trySandbox } from './support/sign-in';

const SECOND = {
  clientId: 'second-app',
  clientSecret: 'second-app-secret-0123456789',
  username: 'second.admin@other.example',
  password: 'second-password-long-enough',
};

/** Tokens that say which sandbox issued them. */
const marked = (letter: 'a' | 'b') => {
  let n = 0;
  return (kind: 'access' | 'refresh') => `${kind}-token-of-${letter}-${(n += 1)}-0123456789abcdef`;
};

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

async function send(page: Page, path: string) {
  await pathField(page).fill(path);
  await sendButton(page).click();
}

/** Nothing `server` received carries a token, secret or password of the other account. */
function expectNothingFrom(server: SandboxServer, foreign: RegExp) {
  const log = server.requestLog();
  expect(log.length).toBeGreaterThan(0);
  expect(log.filter((entry) => foreign.test(JSON.stringify(entry)))).toEqual([]);
}

test('two accounts on two sandboxes: each answer lands under its account, switching stops what is in flight, history filters by account, no token crosses hosts', async () => {
  app = await launchApp({ sandbox: { tokenFactory: marked('a') }, secondSandbox: { ...SECOND, tokenFactory: marked('b') } });
  const { page } = app;
  const second = app.secondSandbox!;

  await trySandbox(page);
  await expect(sessionBar(page).getByLabel('Account: Sandbox')).toBeVisible();
  await expect(page).toHaveTitle('Sandbox — Humanity API Explorer');

  // "Add account…": the setup form, blank, with a name for the new account.
  await chooseAccountMenuItem(page, 'Add account…');
  await expect(page.getByRole('heading', { name: 'Sign in to Humanity' })).toBeVisible();
  await expect(page.getByLabel('Account name')).toHaveValue('');
  await page.getByLabel('Account name').fill('Other company');
  await signIn(page, { host: second.url, appId: SECOND.clientId, appSecret: SECOND.clientSecret, username: SECOND.username, password: SECOND.password, rememberPassword: true });
  await expect(sessionBar(page).getByLabel('Account: Other company')).toBeVisible();
  await expect(page).toHaveTitle('Other company — Humanity API Explorer');

  await send(page, 'me');
  await expect(responsePanel(page)).toContainText('From Other company');
  await expect(responsePanel(page)).toContainText(SECOND.username);

  // The open tab keeps its answer, marked with the account it came from.
  await switchAccount(page, 'Sandbox');
  await expect(responsePanel(page)).toContainText('From Other company');

  // A request in flight on the sandbox stops when the user switches away: nothing of its answer
  // is shown, and History records it as stopped under the sandbox (checked below).
  app.sandbox()!.setFaults({ latencyMs: 1500 });
  await send(page, 'me');
  await expect(responsePanel(page)).toContainText(/Sending|Waiting|Cancel/);
  await switchAccount(page, 'Other company');
  await expect(page.getByText(/Stopped: you switched to the account Other company/)).toBeVisible();
  app.sandbox()!.clearFaults();

  // And the other way round.
  second.setFaults({ latencyMs: 1500 });
  await send(page, 'me');
  await switchAccount(page, 'Sandbox');
  await expect(page.getByText(/Stopped: you switched to the account Sandbox/)).toBeVisible();
  second.clearFaults();

  await send(page, 'me');
  await expect(responsePanel(page)).toContainText('From Sandbox');
  await expect(responsePanel(page)).toContainText('demo.admin@sandbox.example');
  await switchAccount(page, 'Other company');
  await send(page, 'employees');
  await expect(responsePanel(page)).toContainText('From Other company');

  // History: every entry names its account; the filter shows one account's entries only, each
  // stopped request under the account it was sent for and never under the one switched to.
  await page.getByRole('tab', { name: 'History' }).click();
  const entries = historyList(page).getByRole('button');
  await expect(entries).toHaveCount(5);
  const filter = page.getByRole('combobox', { name: 'Account' });
  await filter.focus();
  await filter.selectOption({ label: 'Other company' });
  await expect(entries).toHaveCount(3);
  for (const entry of await entries.all()) await expect(entry).toContainText('Other company');
  await expect(entries.filter({ hasText: 'Stopped: you switched to the account Sandbox' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'Stopped: you switched to the account Other company' })).toHaveCount(0);
  await filter.selectOption({ label: 'Sandbox' });
  await expect(entries).toHaveCount(2);
  for (const entry of await entries.all()) await expect(entry).toContainText('Sandbox');
  await expect(entries.filter({ hasText: 'Stopped: you switched to the account Other company' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'Stopped: you switched to the account Sandbox' })).toHaveCount(0);

  // The sandboxes' own logs: nothing of one account ever reached the other's host.
  expectNothingFrom(app.sandbox()!, /token-of-b-|second-app-secret|second-password/);
  expectNothingFrom(second, /token-of-a-|sandbox-app-secret|sandbox-demo/);

  // The session bar with the Switch account menu open (test-results/screenshots; the README shows a copy).
  await switchAccountButton(page).click();
  await expect(switchAccountMenu(page)).toBeVisible();
  await screenshot(page, 'accounts-switch-menu');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'accounts-switch-menu-dark');
  await page.keyboard.press('Escape');
  await expect(switchAccountMenu(page)).toBeHidden();
  expect(app.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'))).toEqual([]);
});

test('Manage accounts renames one and removes another after asking; the write confirmation names the account', async () => {
  app = await launchApp({ secondSandbox: SECOND });
  const { page } = app;
  const second = app.secondSandbox!;
  await trySandbox(page);
  await send(page, 'me');
  await expect(responsePanel(page)).toContainText('From Sandbox');
  await chooseAccountMenuItem(page, 'Add account…');
  await signIn(page, { host: second.url, appId: SECOND.clientId, appSecret: SECOND.clientSecret, username: SECOND.username, password: SECOND.password });
  const defaultName = `${SECOND.username} @ ${new URL(second.url).host}`;
  await expect(sessionBar(page).getByLabel(`Account: ${defaultName}`)).toBeVisible();
  await send(page, 'me');
  await expect(responsePanel(page)).toContainText(`From ${defaultName}`);

  // History filtered to the account about to be removed.
  await page.getByRole('tab', { name: 'History' }).click();
  const filter = page.getByRole('combobox', { name: 'Account' });
  await filter.selectOption({ label: 'Sandbox' });
  await expect(historyList(page).getByRole('button')).toHaveCount(1);

  await chooseAccountMenuItem(page, 'Manage accounts…');
  const dialog = page.getByRole('dialog', { name: 'Manage accounts' });
  const name = dialog.getByLabel(`Name of ${SECOND.username} at ${second.url}`);
  await name.fill('Acme staging');
  await name.press('Enter');
  await expect(sessionBar(page).getByLabel('Account: Acme staging')).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove Sandbox' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove Sandbox?' });
  await expect(confirm).toContainText('App Secret, refresh token and remembered password are deleted');
  await confirm.getByRole('button', { name: 'Remove account' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Its entries stay under All accounts (the filter falls back to it), and under Removed accounts.
  await expect(filter).toHaveValue('');
  await expect(historyList(page).getByRole('button')).toHaveCount(2);
  await filter.selectOption({ label: 'Removed accounts' });
  await expect(historyList(page).getByRole('button')).toHaveCount(1);
  await expect(historyList(page).getByRole('button')).toContainText('Sandbox');
  await screenshot(page, 'history-removed-accounts');

  // A write to this real account asks first, naming it.
  await page.getByRole('combobox', { name: 'Method' }).selectOption('DELETE');
  await send(page, 'shifts/1');
  const change = page.getByRole('dialog', { name: /Confirm change/ });
  await expect(change).toContainText('Acme staging');
  await change.getByRole('button', { name: 'Cancel' }).click();
});

test('an account whose secrets were kept in memory only asks just for the password when switched back to', async () => {
  app = await launchApp({ keyStore: { backend: 'basic_text' }, secondSandbox: SECOND });
  const { page } = app;
  const second = app.secondSandbox!;
  await page.getByLabel('Account name').fill('Acme');
  await signIn(page, { host: second.url, appId: SECOND.clientId, appSecret: SECOND.clientSecret, username: SECOND.username, password: SECOND.password });
  await chooseAccountMenuItem(page, 'Add account…');
  await trySandbox(page);

  await chooseAccountMenuItem(page, /^Acme \(/);
  await expect(page.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Enter the password of this account' })).toBeVisible();
  await expect(page.getByLabel('App Secret')).toHaveCount(0);
  await expect(page.getByLabel('App ID')).toHaveValue(SECOND.clientId);
  await expect(page.getByLabel('Username')).toHaveValue(SECOND.username);
  await screenshot(page, 'accounts-missing-password');
  await page.getByLabel('Password', { exact: true }).fill(SECOND.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(sessionBar(page).getByLabel('Account: Acme')).toBeVisible();
});
