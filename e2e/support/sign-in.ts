// Signing in as a user does: through the setup form (the sandbox's demo app and user unless told
// otherwise, against the sandbox or anything that answers like it), or with "Try the sandbox".
import { expect, type Page } from '@playwright/test';
import { SANDBOX_DEMO } from '../../src-main/sandbox/server';
import { sessionBar, signOutButton, switchAccountButton, switchAccountMenu } from './locators';

export type SetupValues = { host: string; appId: string; appSecret: string; username: string; password: string };

/** Fills the setup form; nothing is sent. */
export async function fillSetup(page: Page, values: SetupValues): Promise<void> {
  await page.getByLabel('API host').fill(values.host);
  await page.getByLabel('App ID').fill(values.appId);
  await page.getByLabel('App Secret').fill(values.appSecret);
  await page.getByLabel('Username').fill(values.username);
  await page.getByLabel('Password', { exact: true }).fill(values.password);
}

export type SignInOptions = Partial<SetupValues> & {
  host: string;
  /** Sets Remember password; left as the form shows it when not given. */
  rememberPassword?: boolean;
};

/** Signs in through the setup form and waits for the session. */
export async function signIn(page: Page, { rememberPassword, ...values }: SignInOptions): Promise<void> {
  await fillSetup(page, {
    appId: SANDBOX_DEMO.clientId,
    appSecret: SANDBOX_DEMO.clientSecret,
    username: SANDBOX_DEMO.username,
    password: SANDBOX_DEMO.password,
    ...values,
  });
  if (rememberPassword !== undefined) await page.getByLabel('Remember password').setChecked(rememberPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(signOutButton(page)).toBeVisible();
}

/** "Try the sandbox": one click, then the session. */
export async function trySandbox(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(signOutButton(page)).toBeVisible();
}

/** Chooses an item of the session bar's "Switch account" menu, by keyboard as its users may. */
export async function chooseAccountMenuItem(page: Page, item: string | RegExp): Promise<void> {
  await switchAccountButton(page).focus();
  await page.keyboard.press('ArrowDown');
  await switchAccountMenu(page).getByRole('menuitem', { name: item }).click();
}

/** Switches to a saved account from the session bar and waits until the bar names it. */
export async function switchAccount(page: Page, name: string): Promise<void> {
  await chooseAccountMenuItem(page, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`));
  await expect(sessionBar(page).getByLabel(`Account: ${name}`)).toBeVisible();
}
