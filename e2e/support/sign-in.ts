// Signing in through the setup form with the sandbox's demo app and user, against any host that
// answers like the sandbox (the sandbox itself, or a proxy in front of it).
import { expect, type Page } from '@playwright/test';
import { SANDBOX_DEMO } from '../../src-main/sandbox/server';

export async function signInWithDemo(page: Page, host: string): Promise<void> {
  await page.getByLabel('API host').fill(host);
  await page.getByLabel('App ID').fill(SANDBOX_DEMO.clientId);
  await page.getByLabel('App Secret').fill(SANDBOX_DEMO.clientSecret);
  await page.getByLabel('Username').fill(SANDBOX_DEMO.username);
  await page.getByLabel('Password', { exact: true }).fill(SANDBOX_DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
