// Sessions against every token server: the sandbox in each refresh behaviour (rotate, keep,
// delete) × both ways of refusing an expired token (HTTP 401, envelope status 3). Sign in, send,
// expire, send, expire, send: data every time, "Sign in again" at most once (only where the
// server deletes used refresh tokens and sends none), and no sentinel secret in the DOM, the
// console, any IPC answer or any file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startSandbox, type AuthErrorStyle, type RefreshBehaviour, type SandboxServer } from '../src-main/sandbox/server';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { pathField, reauthDialog, responsePanel, sendButton } from './support/locators';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

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
    await signIn(app.page, { host: sandbox.url, appSecret: APP_SECRET, password: PASSWORD, rememberPassword: false });
    await sendAndSeeData(app, 'me');
    await body(app, sandbox);
    expectNoSecretAnywhere(app, await app.page.content());
  } finally {
    await app.close();
    await sandbox.close();
  }
}


const sends = (app: LaunchedApp) => app.ipc.filter((call) => call.channel === 'request:send');

/**
 * Waits for the answer of the `count`-th send (counting from 1) and checks it is this path's data,
 * in main's answer and on screen: the panel keeps showing the previous response while one runs.
 */
async function expectDataFor(app: LaunchedApp, path: string, count: number): Promise<void> {
  await expect.poll(() => sends(app).length, { timeout: 15_000 }).toBe(count);
  expect(sends(app).at(-1)!.output).toMatchObject({ ok: true, data: { envelope: { kind: 'success' }, url: expect.stringContaining(`/api/v2/${path}?`) } });
  await expect(responsePanel(app.page)).toContainText(`/api/v2/${path}?`);
  await expect(responsePanel(app.page)).toContainText('Success');
}

/** Sends the path and waits for its own data. */
async function sendAndSeeData(app: LaunchedApp, path: string): Promise<void> {
  const count = sends(app).length + 1;
  await pathField(app.page).fill(path);
  await sendButton(app.page).click();
  await expectDataFor(app, path, count);
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
        await sendAndSeeData(app, 'employees');
        expect(sandbox.stats().rejectedTokens).toBe(1);

        // Second expiry on both clocks. A server that deleted the used refresh token and sent none
        // makes the app ask once; the request waits and goes through after the sign-in.
        await waitForExpiry(page);
        await pathField(page).fill('positions');
        await sendButton(page).click();
        if (behaviour === 'delete') {
          await expect(reauthDialog(page)).toBeVisible();
          await expect(reauthDialog(page)).toContainText('Humanity does not renew sessions for this app');
          await screenshot(page, `sign-in-again-not-renewing-${style}`);
          await reauthDialog(page).getByLabel('Password', { exact: true }).fill(PASSWORD);
          await reauthDialog(page).getByLabel('Remember password').check();
          await reauthDialog(page).getByRole('button', { name: 'Sign in' }).click();
          await expect(reauthDialog(page)).toBeHidden();
        }
        // The request that waited for the sign-in went through by itself.
        await expectDataFor(app, 'positions', 3);
        expect(sends(app)).toHaveLength(3);

        // Third expiry: renewed silently in every behaviour (the remembered password where needed).
        await waitForExpiry(page);
        await sendAndSeeData(app, 'locations');
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
  await withSignedInApp('delete', 'http401', async (app, sandbox) => {
    const { page } = app;
    sandbox.revokeRefreshTokens();
    await waitForExpiry(page);
    await sendButton(page).click();
    await expect(reauthDialog(page)).toBeVisible();
    await reauthDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(reauthDialog(page)).toBeHidden();
    await expect(responsePanel(page)).toContainText('you did not sign in again');
    // What was typed stays; signing in from the session bar sends nothing by itself.
    await expect(pathField(page)).toHaveValue('me');
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await reauthDialog(page).getByLabel('Password', { exact: true }).fill(PASSWORD);
    await reauthDialog(page).getByRole('button', { name: 'Sign in' }).click();
    await expect(reauthDialog(page)).toBeHidden();
    expect(sends(app)).toHaveLength(2);
    await sendAndSeeData(app, 'employees');
  });
});
