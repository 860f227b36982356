// Settings > Network in Chromium over the real core: the proxy choice by keyboard, the manual
// proxy with a write-only password, and the extra trusted certificates file chosen in the native
// dialog. The proxy path itself is tested in Node (src-main/network/proxy-path.integration.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeTestCertificates } from '../src-main/testing/test-network';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { networkSection, pathField, responsePanel, sendButton, settingsDialog } from './support/locators';
import { SCREENSHOT_DIR } from './support/screenshots';
import { trySandbox } from './support/sign-in';

const PASSWORD = 'proxy-pass-e2e-7731';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

test('Settings > Network: manual proxy with a write-only password, and an extra certificates file', async () => {
  const pemPath = join(mkdtempSync(join(tmpdir(), 'hae-e2e-net-')), 'corp-ca.pem');
  writeFileSync(pemPath, makeTestCertificates('Corp Inspection CA', ['proxy.test']).caPem);
  app = await launchApp({ viewport: { width: 1100, height: 1000 }, dialogs: { openFile: async () => pemPath } });
  const { page } = app;
  await trySandbox(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const network = networkSection(page);
  const proxy = network.getByRole('group', { name: 'Proxy' });
  await expect(proxy.getByRole('radio', { name: /^System/ })).toBeChecked();

  // By keyboard: arrows move through the choices.
  await proxy.getByRole('radio', { name: /^System/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(proxy.getByRole('radio', { name: /^Manual/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(network.getByLabel('Proxy address')).toBeFocused();
  await page.keyboard.type('proxy.corp');
  await settingsDialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(network.getByText('This is not a proxy address; use the form http://proxy.example.com:8080.')).toBeVisible();

  await network.getByLabel('Proxy address').fill('http://proxy.example.com:8080');
  await network.getByLabel('Proxy user name').fill('alex');
  await network.getByLabel('Proxy password').fill(PASSWORD);
  await settingsDialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(settingsDialog(page).getByText('Settings saved.')).toBeVisible();
  // Write-only: the field empties and says the password is saved.
  await expect(network.getByLabel('Proxy password')).toHaveValue('');
  await expect(network.getByLabel('Proxy password')).toHaveAttribute('placeholder', 'Saved (type to replace)');
  await expect(network.getByText('Password saved, encrypted with the system key store.')).toBeVisible();

  await network.getByRole('button', { name: 'Choose certificates file…' }).click();
  await expect(network.getByText(pemPath)).toBeVisible();
  await expect(network.getByText('— Corp Inspection CA')).toBeVisible();

  // For people to look at (test-results/screenshots); the README shows copies in docs/screenshots.
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
    await network.screenshot({ path: join(SCREENSHOT_DIR, `settings-network-${scheme}.png`) });
  }

  // The password never came to the window, and is not in the settings file.
  expect(JSON.stringify(app.ipc.map((call) => call.output))).not.toContain(PASSWORD);
  expect(readFileSync(join(app.userDataDir, 'settings.json'), 'utf8')).not.toContain(PASSWORD);
  expect(await app.core.handlers.settings.get({})).toMatchObject({ proxyMode: 'manual', proxyUrl: 'http://proxy.example.com:8080', proxyUsername: 'alex', extraCertificatesFile: pemPath });

  // Both can be undone from here.
  await network.getByRole('button', { name: 'Forget proxy password' }).click();
  await expect(network.getByText('No proxy password saved.')).toBeVisible();
  await expect(network.getByLabel('Proxy password')).toHaveAttribute('placeholder', '');
  await network.getByRole('button', { name: 'Remove certificates file' }).click();
  await expect(network.getByText(/^No extra file\./)).toBeVisible();

  // The sandbox is on this computer: it is reached directly, whatever the proxy.
  await settingsDialog(page).getByRole('button', { name: 'Close' }).click();
  await pathField(page).fill('employees');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
});
