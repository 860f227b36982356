// Sessions against every token server: the sandbox in each refresh behaviour (rotate, keep,
// delete) × both ways of refusing an expired token (HTTP 401, envelope status 3). Sign in, send,
// expire, send, expire, send: data every time, "Sign in again" at most once (only where the
// server deletes used refresh tokens and sends none), and no sentinel secret in the DOM, the
// console, any IPC answer or any file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SANDBOX_DEMO, startSandbox, type AuthErrorStyle, type RefreshBehaviour, type SandboxServer } from '../src-main/sandbox/server';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { screenshot } from './support/screenshots';

const MARK = 'SENTINEL';
const APP_SECRET = `${MARK}-app-secret-91c2`;
const PASSWORD = `${MARK}-password-4d0e`;
const LIFETIME_S = 2;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * A sandbox that issues sentinel secrets, the app signed in to it through the setup form without
 * Remember password; `body` runs, then no sentinel may be anywhere, and both are closed.
 */
async function withSignedInApp(
  refreshBehaviour: RefreshBehaviour,
  authErrorStyle: AuthErrorStyle,
  body: (app: LaunchedApp, sandbox: SandboxServer) => Promise<void>,
): Promise<void> {
  let issued = 0;
  const sandbox = await startSandbox({
    clientSecret: APP_SECRET,
    password: PASSWORD,
    tokenLifetimeSeconds: LIFETIME_S,
    refreshBehaviour,
    authErrorStyle,
    tokenFactory: (kind) => `${MARK}-${kind}-${(issued += 1)}`,
  });
  const app = await launchApp();
  try {
    await signIn(app.page, sandbox.url);
    await sendAndSeeData(app.page, 'me');
    await body(app, sandbox);
    expectNoSecretAnywhere(app, await app.page.content());
  } finally {
    await app.close();
    await sandbox.close();
  }
}

async function signIn(page: Page, host: string): Promise<void> {
  await page.getByLabel('API host').fill(host);
  await page.getByLabel('App ID').fill(SANDBOX_DEMO.clientId);
  await page.getByLabel('App Secret').fill(APP_SECRET);
  await page.getByLabel('Username').fill(SANDBOX_DEMO.username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await expect(page.getByLabel('Remember password')).not.toBeChecked();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

const responsePanel = (page: Page) => page.getByRole('region', { name: 'Response' });
const reauthDialog = (page: Page) => page.getByRole('dialog', { name: 'Sign in again' });

/** Sends the path and waits for its data (the `/me` employee's name in the tree). */
async function sendAndSeeData(page: Page, path: string): Promise<void> {
  await page.getByLabel('Path').fill(path);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(responsePanel(page)).toContainText('Success');
}

/** Lets every token issued so far run out on the app's clock and the server's. */
const waitForExpiry = (page: Page) => page.waitForTimeout(LIFETIME_S * 1000 + 300);

function expectNoSecretAnywhere(app: LaunchedApp, dom: string): void {
  expect(dom).not.toContain(MARK);
  expect(JSON.stringify(app.ipc.map((call) => call.output))).not.toContain(MARK);
  expect(app.console.join('\n')).not.toContain(MARK);
  const files = filesUnder(app.userDataDir);
  expect(files.length).toBeGreaterThan(2);
  for (const file of files) expect(readFileSync(file, 'latin1'), file).not.toContain(MARK);
}

const prompts = (app: LaunchedApp) => app.ipc.filter((call) => call.channel === 'auth:reauth').length;

for (const style of ['http401', 'status3'] as const) {
  for (const behaviour of ['rotate', 'keep', 'delete'] as const) {
    test(`${behaviour} refresh tokens, expired tokens answered ${style}: data every time, at most one prompt, no secret anywhere`, async () => {
      await withSignedInApp(behaviour, style, async (app, sandbox) => {
        const { page } = app;
        // First expiry on the server only: the API refuses the token in its style, the app renews it.
        sandbox.expireAccessTokens();
        await sendAndSeeData(page, 'employees');
        expect(sandbox.stats().rejectedTokens).toBe(1);

        // Second expiry on both clocks. A server that deleted the used refresh token and sent none
        // makes the app ask once; the request waits and goes through after the sign-in.
        await waitForExpiry(page);
        await page.getByLabel('Path').fill('positions');
        await page.getByRole('button', { name: 'Send' }).click();
        if (behaviour === 'delete') {
          await expect(reauthDialog(page)).toBeVisible();
          await expect(reauthDialog(page)).toContainText('Humanity does not renew sessions for this app');
          await screenshot(page, `sign-in-again-not-renewing-${style}`);
          await reauthDialog(page).getByLabel('Password', { exact: true }).fill(PASSWORD);
          await reauthDialog(page).getByLabel('Remember password').check();
          await reauthDialog(page).getByRole('button', { name: 'Sign in' }).click();
          await expect(reauthDialog(page)).toBeHidden();
        }
        await expect(responsePanel(page)).toContainText('Success');

        // Third expiry: renewed silently in every behaviour (the remembered password where needed).
        await waitForExpiry(page);
        await sendAndSeeData(page, 'locations');
        await expect(reauthDialog(page)).toBeHidden();

        expect(prompts(app)).toBe(behaviour === 'delete' ? 1 : 0);
        // The sign-in, and where the server deleted the refresh token, the one prompt's grant (whose
        // fresh refresh token then served the third expiry).
        expect(sandbox.stats().passwordGrants).toBe(behaviour === 'delete' ? 2 : 1);
      });
    });
  }
}

test('cancelling "Sign in again" ends the waiting request with a sentence; the session bar offers it again', async () => {
  await withSignedInApp('delete', 'http401', async ({ page }, sandbox) => {
    sandbox.revokeRefreshTokens();
    await waitForExpiry(page);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(reauthDialog(page)).toBeVisible();
    await reauthDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(reauthDialog(page)).toBeHidden();
    await expect(responsePanel(page)).toContainText('you did not sign in again');
    // What was typed stays; signing in from the session bar sends nothing by itself.
    await expect(page.getByLabel('Path')).toHaveValue('me');
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await reauthDialog(page).getByLabel('Password', { exact: true }).fill(PASSWORD);
    await reauthDialog(page).getByRole('button', { name: 'Sign in' }).click();
    await expect(reauthDialog(page)).toBeHidden();
    await sendAndSeeData(page, 'me');
  });
});
