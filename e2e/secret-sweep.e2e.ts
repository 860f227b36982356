// Sentinel secrets through a whole session: nothing the renderer received, no console line and
// no file under the user-data folder may contain any of them in clear.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSandbox, type SandboxServer } from '../src-main/sandbox/server';
import { readWorkbook } from '../src-main/testing/read-workbook';
import { launchApp } from './support/launch-app';
import { collectionsTree, pathField, responsePanel, sendButton, signOutButton } from './support/locators';
import { openPullRange } from './support/pull-range';
import { signIn } from './support/sign-in';

const MARK = 'SENTINEL';
const APP_SECRET = `${MARK}-app-secret-5be1`;
const PASSWORD = `${MARK}-password-0c77`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('no sentinel token, secret or password reaches the renderer, the console or the disk', async () => {
  let issued = 0;
  const sandbox = await startSandbox({
    clientSecret: APP_SECRET,
    password: PASSWORD,
    tokenLifetimeSeconds: 2,
    // Rotation puts the most refresh tokens through the vault and onto the disk.
    refreshBehaviour: 'rotate',
    tokenFactory: (kind) => `${MARK}-${kind}-${(issued += 1)}-${Math.random().toString(36).slice(2)}`,
  });
  const exportDir = mkdtempSync(join(tmpdir(), 'hae-sweep-exports-'));
  let exportCount = 0;
  const app = await launchApp({ dialogs: { saveFile: async ({ defaultName }) => join(exportDir, `${(exportCount += 1)}-${defaultName}`) } });
  try {
    const { page } = app;
    await signIn(page, { host: sandbox.url, appSecret: APP_SECRET, password: PASSWORD, rememberPassword: true });
    const panel = responsePanel(page);

    for (const path of ['me', 'employees', 'employees/99999999']) {
      await pathField(page).fill(path);
      await sendButton(page).click();
      await expect(panel).toContainText(/Success|status/);
      // An Excel workbook of the list, with its About sheet naming the request and the account.
      if (path === 'employees') {
        await panel.getByRole('button', { name: 'Export Excel' }).click();
        await expect(panel.getByText(/^Saved \d+ rows to /)).toBeVisible();
      }
    }
    await page.getByRole('tab', { name: 'Raw' }).click();
    await expect(page.getByLabel('Raw response')).toContainText('[REDACTED]');
    await page.getByRole('tab', { name: 'Headers' }).click();

    // The new stores and exports: a saved collection, exported response and collection, cURL.
    await page.getByRole('button', { name: 'New collection' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Sweep');
    await page.getByRole('textbox', { name: 'Name', exact: true }).press('Enter');
    await collectionsTree(page).getByText('Sweep').waitFor();
    await page.keyboard.press('Control+s');
    const saveDialog = page.getByRole('dialog', { name: 'Save request' });
    await saveDialog.getByLabel('Name', { exact: true }).fill('Bad employee');
    await saveDialog.getByRole('button', { name: 'Save' }).click();
    await expect(saveDialog).toBeHidden();
    await panel.getByRole('button', { name: 'Save JSON' }).click();
    await expect(panel.getByText(/Saved to/)).toBeVisible();
    await page.getByRole('button', { name: 'More actions for Sweep' }).click();
    await page.getByRole('menuitem', { name: 'Export as Postman collection' }).click();
    await page.getByRole('button', { name: 'Copy as cURL' }).click();
    await expect.poll(() => exportCount).toBe(3);
    await expect.poll(() => app.clipboard.length).toBe(1);

    await page.waitForTimeout(2_200);
    await pathField(page).fill('positions');
    await sendButton(page).click();
    await expect(panel).toContainText('Success');
    sandbox.revokeRefreshTokens();
    sandbox.expireAccessTokens();
    await sendButton(page).click();
    await expect(panel).toContainText('Success');
    expect(sandbox.stats().refreshGrants).toBeGreaterThanOrEqual(1);
    expect(sandbox.stats().passwordGrants).toBe(2);
    expect(issued).toBeGreaterThanOrEqual(6);

    await signOutButton(page).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Humanity' })).toBeVisible();

    const received = JSON.stringify(app.ipc.map((call) => call.output));
    expect(app.ipc.length).toBeGreaterThan(10);
    expect(received).not.toContain(MARK);
    expect(app.console.join('\n')).not.toContain(MARK);
    const files = [...filesUnder(app.userDataDir), ...filesUnder(exportDir)];
    expect(files.map((file) => basename(file))).toEqual(expect.arrayContaining(['auth.json', 'settings.json', 'collections.json', 'history.json', 'main.log']));
    expect(filesUnder(exportDir)).toHaveLength(3);
    for (const file of files) expect(readFileSync(file, 'latin1'), file).not.toContain(MARK);
    // A workbook is a zip: its parts are read unpacked.
    const workbooks = files.filter((name) => name.endsWith('.xlsx'));
    expect(workbooks).toHaveLength(1);
    for (const file of workbooks) expect([...(await readWorkbook(file)).parts.values()].join('\n'), file).not.toContain(MARK);
    expect(app.clipboard.join('\n')).not.toContain(MARK);
  } finally {
    await app.close();
    await sandbox.close();
  }
});

test('sign-out mid-request and mid-pull, and a second account signed in with a refresh in flight: no sentinel anywhere', async () => {
  const marked = (name: string) => {
    let issued = 0;
    return startSandbox({
      clientSecret: `${MARK}-${name}-secret`,
      password: `${MARK}-${name}-password`,
      refreshBehaviour: 'rotate',
      tokenLifetimeSeconds: 2,
      tokenFactory: (kind) => `${MARK}-${name}-${kind}-${(issued += 1)}`,
    });
  };
  const [first, second] = await Promise.all([marked('first'), marked('second')]);
  const app = await launchApp();
  const { page } = app;
  const signInTo = (sandbox: SandboxServer, name: string) =>
    signIn(page, { host: sandbox.url, appSecret: `${MARK}-${name}-secret`, password: `${MARK}-${name}-password` });
  const signOut = async () => {
    await signOutButton(page).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Humanity' })).toBeVisible();
  };
  try {
    // A slow request, and sign-out before its answer (which echoes the token) arrives.
    await signInTo(first, 'first');
    first.setFaults({ latencyMs: 1500 });
    await pathField(page).fill('employees');
    await sendButton(page).click();
    await signOut();
    first.clearFaults();
    // The sandbox counts that request once its latency is over: let it, before counting.
    await page.waitForTimeout(1_700);

    // A Pull range waiting out a 429, and sign-out.
    await signInTo(first, 'first');
    const panel = await openPullRange(page, '2025-01-01', '2025-06-30');
    first.setFaults({ rateLimitNext: { count: 50, retryAfterSeconds: 30 } });
    await panel.getByRole('button', { name: 'Start pull' }).click();
    await expect(panel.getByRole('status').filter({ hasText: /HTTP 429/ })).toBeVisible();
    const callsAtSignOut = first.stats().apiCalls;
    await signOut();
    first.clearFaults();

    // A renewal of the first account in flight (its token ran out: the send renews first, slowly)
    // while the second one signs in.
    await signInTo(first, 'first');
    await page.waitForTimeout(2_100);
    const refreshesBefore = first.stats().refreshGrants;
    first.setFaults({ latencyMs: 1500 });
    await pathField(page).fill('me');
    await sendButton(page).click();
    await page.waitForTimeout(300);
    await signOut();
    await signInTo(second, 'second');
    await pathField(page).fill('me');
    await sendButton(page).click();
    await expect(responsePanel(page)).toContainText('Success');
    // Whatever of the first account was still under way has had time to arrive.
    await page.waitForTimeout(2_000);
    // The renewal did reach the first account's server, and its answer went nowhere.
    expect(first.stats().refreshGrants).toBe(refreshesBefore + 1);
    // The pull made no call after its sign-out: only the third sign-in's /me (the send waited for
    // its renewal and never went out).
    expect(first.stats().apiCalls - callsAtSignOut).toBe(1);

    expect(JSON.stringify(app.ipc.map((call) => call.output))).not.toContain(MARK);
    expect(app.console.join('\n')).not.toContain(MARK);
    expect(await page.content()).not.toContain(MARK);
    expect(app.clipboard.join('\n')).not.toContain(MARK);
    await app.close();
    for (const file of filesUnder(app.userDataDir)) expect(readFileSync(file, 'latin1'), file).not.toContain(MARK);
  } finally {
    await app.close();
    await Promise.all([first.close(), second.close()]);
  }
});
