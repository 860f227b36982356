// The app's landmarks and controls as the specs find them: by role and accessible name, as a user
// of assistive technology does, so a spec fails when either changes.
import type { Page } from '@playwright/test';

export const responsePanel = (page: Page) => page.getByRole('region', { name: 'Response' });
export const pathField = (page: Page) => page.getByRole('textbox', { name: 'Path', exact: true });
/** The request line's Send; a dialog's own Send is found within the dialog. */
export const sendButton = (page: Page) => page.getByRole('button', { name: 'Send', exact: true });
export const signOutButton = (page: Page) => page.getByRole('button', { name: 'Sign out' });
export const sessionBar = (page: Page) => page.getByRole('banner', { name: 'Session' });
/** The session bar's "Switch account" menu button and the menu it opens. */
export const switchAccountButton = (page: Page) => page.getByRole('button', { name: 'Switch account' });
export const switchAccountMenu = (page: Page) => page.getByRole('menu', { name: 'Switch account' });
export const reauthDialog = (page: Page) => page.getByRole('dialog', { name: 'Sign in again' });
export const collectionsTree = (page: Page) => page.getByRole('tree', { name: 'Collections' });
/** The Settings dialog, and its Network section. */
export const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
export const networkSection = (page: Page) => settingsDialog(page).getByRole('region', { name: 'Network' });
export const historyList = (page: Page) => page.getByRole('list', { name: 'History' });
export const compareDialog = (page: Page) => page.getByRole('dialog', { name: 'Compare responses' });
