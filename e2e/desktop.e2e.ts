// Desktop polish end to end: shortcuts and the same commands from the application menu, tabs,
// themes, the workspace restored after a restart, the About dialog and context menus.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { collectionsTree, pathField, responsePanel } from './support/locators';
import { screenshot } from './support/screenshots';
import { trySandbox } from './support/sign-in';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const tabList = (page: Page) => page.getByRole('tablist', { name: 'Open requests' });
const openTabs = (page: Page) => tabList(page).getByRole('tab');
const selectedTab = (page: Page) => tabList(page).getByRole('tab', { selected: true });

async function sendPath(page: Page, path: string) {
  await pathField(page).fill(path);
  await page.keyboard.press('Control+Enter');
  await expect(responsePanel(page).getByText(`/api/v2/${path}`).first()).toBeVisible();
  await expect(responsePanel(page)).toContainText('Success');
}

function consoleErrors(launched: LaunchedApp): string[] {
  return launched.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'));
}

/** True when keyboard focus is inside the response panel. */
const focusInResponse = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[aria-label="Response"]') !== null && document.activeElement !== document.body);

test('every shortcut works from the keyboard, and the same command from the application menu', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  await expect(openTabs(page)).toHaveCount(1);

  // Ctrl+L: the Path field, its text selected; Ctrl+Enter sends from anywhere.
  await page.getByRole('button', { name: 'Preview' }).focus();
  await page.keyboard.press('Control+l');
  await expect(pathField(page)).toBeFocused();
  await page.keyboard.type('employees');
  await page.getByRole('button', { name: 'Copy as cURL' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(responsePanel(page)).toContainText('Success');
  expect(app.ipc.filter((call) => call.channel === 'request:send')).toHaveLength(1);

  // Ctrl+F: into the response (its search box, or the body view).
  await page.keyboard.press('Control+f');
  await expect.poll(() => focusInResponse(page)).toBe(true);
  // Answered once: the next response, with a search box of its own, leaves focus where it is.
  const searchBox = page.getByRole('searchbox', { name: 'Search response' });
  const firstSearchBox = await searchBox.elementHandle();
  await pathField(page).focus();
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => firstSearchBox!.evaluate((element) => element.isConnected)).toBe(false);
  await expect(searchBox).toBeVisible();
  await expect(pathField(page)).toBeFocused();

  // Ctrl+S: the Save dialog for a new request.
  await pathField(page).focus();
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save request' });
  await expect(save).toBeVisible();
  // Shortcuts wait while a dialog is open.
  await page.keyboard.press('Control+n');
  await expect(openTabs(page)).toHaveCount(1);
  await save.getByRole('textbox', { name: 'Name', exact: true }).fill('Everyone');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();
  await expect(selectedTab(page)).toHaveAccessibleName(/GET Everyone/);

  // Ctrl+N: one new tab (not two: the menu's accelerator does not run as well), the Path ready.
  await page.keyboard.press('Control+n');
  await expect(openTabs(page)).toHaveCount(2);
  await expect(selectedTab(page)).toHaveAccessibleName(/Untitled request/);
  await expect(pathField(page)).toBeFocused();
  await expect(pathField(page)).toHaveValue('');

  // Ctrl+Tab and Ctrl+Shift+Tab go round the tabs.
  await page.keyboard.press('Control+Tab');
  await expect(selectedTab(page)).toHaveAccessibleName(/Everyone/);
  await expect(pathField(page)).toHaveValue('employees');
  await page.keyboard.press('Control+Shift+Tab');
  await expect(selectedTab(page)).toHaveAccessibleName(/Untitled request/);
  await page.keyboard.press('Control+Shift+Tab');
  await expect(selectedTab(page)).toHaveAccessibleName(/Everyone/);

  // Ctrl+W closes the active tab (nothing unsaved: no question).
  await page.keyboard.press('Control+w');
  await expect(openTabs(page)).toHaveCount(1);
  await expect(selectedTab(page)).toHaveAccessibleName(/Untitled request/);

  // Ctrl+, opens Settings.
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // ---- the same commands as main sends them from the application menu ----
  await page.getByRole('button', { name: 'Preview' }).focus();
  await app.sendCommand('focus-path');
  await expect(pathField(page)).toBeFocused();
  await page.keyboard.type('positions');
  await app.sendCommand('send');
  await expect(responsePanel(page)).toContainText('/api/v2/positions');
  expect(app.ipc.filter((call) => call.channel === 'request:send')).toHaveLength(3);

  await app.sendCommand('find-in-response');
  await expect.poll(() => focusInResponse(page)).toBe(true);

  await app.sendCommand('save');
  await expect(save).toBeVisible();
  await save.getByRole('textbox', { name: 'Name', exact: true }).fill('Positions');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();
  await expect(selectedTab(page)).toHaveAccessibleName(/GET Positions/);

  await app.sendCommand('new-request');
  await expect(openTabs(page)).toHaveCount(2);
  await expect(selectedTab(page)).toHaveAccessibleName(/Untitled request/);
  await app.sendCommand('previous-tab');
  await expect(selectedTab(page)).toHaveAccessibleName(/Positions/);
  await app.sendCommand('next-tab');
  await expect(selectedTab(page)).toHaveAccessibleName(/Untitled request/);
  await app.sendCommand('close-tab');
  await expect(openTabs(page)).toHaveCount(1);
  await expect(selectedTab(page)).toHaveAccessibleName(/Positions/);

  await app.sendCommand('settings');
  await expect(settings).toBeVisible();
  // Commands wait while a dialog is open.
  await app.sendCommand('new-request');
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(openTabs(page)).toHaveCount(1);

  await app.sendCommand('about');
  const about = page.getByRole('dialog', { name: 'About Humanity API Explorer' });
  await expect(about).toBeVisible();
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toBeHidden();
  expect(consoleErrors(app)).toEqual([]);
});

test('tabs: several requests, each with its own response; unsaved markers; closing asks before discarding', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);

  await sendPath(page, 'me');
  await page.keyboard.press('Control+n');
  await sendPath(page, 'positions');
  await page.getByRole('button', { name: 'New tab' }).click();
  await expect(openTabs(page)).toHaveCount(3);
  await pathField(page).fill('locations');
  // Typed but neither sent nor saved: this tab alone has the marker.
  const unsaved = page.getByRole('img', { name: 'Unsaved changes' });
  await expect(unsaved).toHaveCount(1);
  await expect(selectedTab(page).getByRole('img', { name: 'Unsaved changes' })).toBeVisible();
  await expect(responsePanel(page)).not.toContainText('/api/v2/');

  // Each tab shows its own request and its own response.
  await openTabs(page).nth(0).click();
  await expect(pathField(page)).toHaveValue('me');
  await expect(responsePanel(page)).toContainText('/api/v2/me');
  await openTabs(page).nth(1).click();
  await expect(pathField(page)).toHaveValue('positions');
  await expect(responsePanel(page)).toContainText('/api/v2/positions');
  // Arrow keys move between tabs (one tab stop).
  await openTabs(page).nth(1).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(openTabs(page).nth(0)).toBeFocused();
  await expect(pathField(page)).toHaveValue('me');
  await page.keyboard.press('End');
  await expect(pathField(page)).toHaveValue('locations');

  // Closing the unsaved tab asks; Cancel keeps it, Discard changes closes it.
  // All three are untitled: the third close button is the one beside the third tab.
  await page.getByRole('button', { name: 'Close Untitled request' }).nth(2).click();
  const discard = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Cancel' }).click();
  await expect(openTabs(page)).toHaveCount(3);
  await expect(pathField(page)).toHaveValue('locations');
  await openTabs(page).nth(2).focus();
  await page.keyboard.press('Delete');
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(openTabs(page)).toHaveCount(2);
  // Focus goes to the tab that took its place.
  await expect(selectedTab(page)).toBeFocused();
  await expect(unsaved).toHaveCount(0);
  await expect(pathField(page)).toHaveValue('positions');
  await expect(responsePanel(page)).toContainText('/api/v2/positions');

  // A catalog endpoint opens in a new tab: the active one has a response of its own.
  await page.getByRole('tab', { name: 'Catalog' }).click();
  await page.getByRole('button', { name: 'GET Get employees', exact: true }).click();
  await expect(openTabs(page)).toHaveCount(3);
  await expect(selectedTab(page)).toHaveAccessibleName(/GET Get employees/);
  // Untouched, it gives way to the next endpoint picked.
  await page.getByRole('button', { name: 'GET Get company', exact: true }).click();
  await expect(openTabs(page)).toHaveCount(3);
  await expect(selectedTab(page)).toHaveAccessibleName(/GET Get company/);

  // A saved request already open is focused, not opened twice.
  await openTabs(page).nth(0).click();
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save request' });
  await save.getByRole('textbox', { name: 'Name', exact: true }).fill('Who am I');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();
  await openTabs(page).nth(1).click();
  await page.getByRole('tab', { name: 'Collections' }).click();
  await collectionsTree(page).getByRole('treeitem', { name: 'GET Who am I' }).click();
  await expect(openTabs(page)).toHaveCount(3);
  await expect(selectedTab(page)).toHaveAccessibleName(/Who am I/);
  await expect(responsePanel(page)).toContainText('/api/v2/me');

  // A history entry opens in the active tab when that one is untouched, with its kept response.
  await page.keyboard.press('Control+n');
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('list', { name: 'History' }).getByRole('button').filter({ hasText: 'positions' }).click();
  await expect(openTabs(page)).toHaveCount(4);
  await expect(pathField(page)).toHaveValue('positions');
  await expect(responsePanel(page)).toContainText('/api/v2/positions');
  expect(consoleErrors(app)).toEqual([]);
});

test('themes: the OS decides by default; Settings overrides it with dark or light', async () => {
  app = await launchApp();
  const { page } = app;
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const LIGHT_BG = 'rgb(244, 245, 247)';
  const DARK_BG = 'rgb(21, 24, 28)';

  // System: follows prefers-color-scheme, live.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(theme).toBe('light');
  expect(await background()).toBe(LIGHT_BG);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(theme).toBe('dark');
  await expect.poll(background).toBe(DARK_BG);
  await trySandbox(page);

  // Dark, while the OS says light.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(theme).toBe('light');
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByLabel('Theme')).toHaveValue('system');
  await settings.getByLabel('Theme').selectOption('dark');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();
  await expect.poll(theme).toBe('dark');
  await expect.poll(background).toBe(DARK_BG);
  expect(await app.core.handlers.settings.get({})).toMatchObject({ theme: 'dark' });

  // Light, while the OS says dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await settings.getByLabel('Theme').selectOption('light');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect.poll(theme).toBe('light');
  await expect.poll(background).toBe(LIGHT_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await theme()).toBe('light');

  // The other settings of this issue are in the same dialog.
  await expect(settings.getByLabel('Retry safe requests')).toBeChecked();
  await expect(settings.getByLabel('Largest response (MB)')).toHaveValue('512');
  await expect(settings.getByLabel('Memory for responses (MB)')).toHaveValue('256');
  await settings.getByLabel('Retry safe requests').uncheck();
  await settings.getByLabel('Largest response (MB)').fill('600');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Enter a whole number of megabytes from 1 to 512.')).toBeVisible();
  await settings.getByLabel('Largest response (MB)').fill('64');
  await settings.getByLabel('Memory for responses (MB)').fill('128');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Settings saved.')).toBeVisible();
  expect(await app.core.handlers.settings.get({})).toMatchObject({ retrySafeRequests: false, maxResponseMB: 64, memoryBudgetMB: 128, theme: 'light' });
  expect(consoleErrors(app)).toEqual([]);
});

test('the main screen in both themes, with a response and a collection (screenshots)', async () => {
  app = await launchApp({ viewport: { width: 1360, height: 860 } });
  const { page } = app;
  await trySandbox(page);
  await page.getByRole('button', { name: 'New collection' }).click();
  const name = collectionsTree(page).getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('HR reports');
  await name.press('Enter');
  for (const [path, title] of [
    ['positions', 'Positions'],
    ['me', 'Who am I'],
    ['employees', 'All employees'],
  ] as const) {
    await page.keyboard.press('Control+n');
    // The new tab first: filled too early, the path would land in the saved one, which Ctrl+S saves without asking.
    await expect(selectedTab(page)).toHaveAccessibleName(/Untitled request/);
    await expect(pathField(page)).toHaveValue('');
    await pathField(page).fill(path);
    await page.keyboard.press('Control+s');
    const save = page.getByRole('dialog', { name: 'Save request' });
    await save.getByRole('textbox', { name: 'Name', exact: true }).fill(title);
    await save.getByRole('button', { name: 'Save' }).click();
    await expect(save).toBeHidden();
  }
  await page.keyboard.press('Control+Enter');
  await expect(responsePanel(page)).toContainText('Success');
  const body = page.getByRole('tree', { name: 'Response body' });
  await expect(body.getByRole('treeitem').first()).toBeVisible();
  await pathField(page).fill('employees?status=1');
  await pathField(page).blur();
  await page.mouse.move(0, 0);

  // The default theme setting, System: the OS decides.
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await screenshot(page, `main-${theme}`);
  }
  expect(consoleErrors(app)).toEqual([]);
});

test('restarted on the same folder: the tabs, the active tab and the panel sizes come back', async () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'hae-desktop-'));
  app = await launchApp({ userDataDir });
  let page = app.page;
  await trySandbox(page);

  await sendPath(page, 'me');
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save request' });
  await save.getByRole('textbox', { name: 'Name', exact: true }).fill('Who am I');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();
  await pathField(page).fill('me?fields=id');
  await page.keyboard.press('Control+n');
  await pathField(page).fill('positions');
  await page.keyboard.press('Control+n');
  await page.getByLabel('Method').selectOption('POST');
  await pathField(page).fill('employees');
  await openTabs(page).nth(1).click();

  // The splitters, from the keyboard.
  const sidebarSplitter = page.getByRole('separator', { name: 'Resize sidebar' });
  const split = page.getByRole('separator', { name: 'Resize request and response' });
  await expect(sidebarSplitter).toHaveAttribute('aria-orientation', 'vertical');
  await expect(sidebarSplitter).toHaveAttribute('aria-valuenow', '290');
  await sidebarSplitter.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(sidebarSplitter).toHaveAttribute('aria-valuenow', '350');
  await expect.poll(() => page.getByRole('navigation', { name: 'Sidebar' }).evaluate((nav) => nav.getBoundingClientRect().width)).toBe(350);
  const before = Number(await split.getAttribute('aria-valuenow'));
  await split.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(split).toHaveAttribute('aria-valuenow', String(before + 4));
  // And with the pointer: the sidebar follows a drag.
  const box = (await sidebarSplitter.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 30, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect(sidebarSplitter).toHaveAttribute('aria-valuenow', '320');
  await screenshot(page, 'resized-panels');

  // Saved half a second after the last change.
  await expect
    .poll(async () => {
      const workspace = await app!.core.handlers.workspace.get({});
      return [workspace.tabs.length, workspace.panelSizes.sidebarWidth, workspace.panelSizes.editorWidth];
    })
    .toEqual([3, 320, before + 4]);
  expect(consoleErrors(app)).toEqual([]);
  expect(await app.core.handlers.settings.update({ theme: 'dark' })).toMatchObject({ theme: 'dark' });
  await app.close();

  app = await launchApp({ userDataDir });
  page = app.page;
  // The chosen theme applies from the start, on the setup screen already.
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await trySandbox(page);
  await expect(openTabs(page)).toHaveCount(3);
  await expect(openTabs(page).nth(0)).toHaveAccessibleName(/GET Who am I/);
  await expect(openTabs(page).nth(1)).toHaveAccessibleName(/GET Untitled request/);
  await expect(openTabs(page).nth(2)).toHaveAccessibleName(/POST Untitled request/);
  await expect(selectedTab(page)).toHaveAccessibleName(/GET Untitled request/);
  await expect(pathField(page)).toHaveValue('positions');
  // The saved request's edit is still unsaved; responses are not kept.
  await expect(openTabs(page).nth(0).getByRole('img', { name: 'Unsaved changes' })).toBeVisible();
  await openTabs(page).nth(0).click();
  await expect(pathField(page)).toHaveValue('me');
  await expect(page.getByLabel('Parameter 1 name')).toHaveValue('fields');
  await expect(responsePanel(page)).not.toContainText('/api/v2/');
  await openTabs(page).nth(2).click();
  await expect(page.getByLabel('Method')).toHaveValue('POST');
  await expect(pathField(page)).toHaveValue('employees');
  await expect(page.getByRole('separator', { name: 'Resize sidebar' })).toHaveAttribute('aria-valuenow', '320');
  await expect(page.getByRole('separator', { name: 'Resize request and response' })).toHaveAttribute('aria-valuenow', String(before + 4));
  expect(await page.getByRole('navigation', { name: 'Sidebar' }).evaluate((nav) => nav.getBoundingClientRect().width)).toBe(320);
  expect(consoleErrors(app)).toEqual([]);
});

test('About lists the version, platform, the independence note and the third-party licenses', async () => {
  app = await launchApp();
  const { page } = app;
  // From the Help menu, on the setup screen already (once it shows: a menu is used on a window
  // the user sees; a command sent before the page listens is lost, in Electron as here).
  await page.getByRole('button', { name: 'Try the sandbox' }).waitFor();
  await app.sendCommand('about');
  const about = page.getByRole('dialog', { name: 'About Humanity API Explorer' });
  await expect(about).toBeVisible();
  await expect(about).toContainText('0.0.0-test');
  await expect(about).toContainText(/Linux|macOS|Windows/);
  await expect(about).toContainText('An independent tool, not made or endorsed by Humanity; Humanity is a trademark of its owner.');
  const licenses = about.getByRole('region', { name: 'Third-party licenses' });
  await expect(licenses.getByRole('row').filter({ hasText: /^react\s*19\.\d+\.\d+\s*MIT$/ })).toHaveCount(1);
  await expect(licenses.getByRole('row').filter({ hasText: 'react-dom' })).toHaveCount(1);
  await expect(licenses.getByRole('row').filter({ hasText: '@codemirror/view' })).toHaveCount(1);
  // The list scrolls, from the keyboard too.
  expect(await licenses.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  await expect(about.getByRole('button', { name: 'Close' })).toBeFocused();
  await screenshot(page, 'about');
  await page.keyboard.press('Shift+Tab');
  await expect(licenses).toBeFocused();
  await page.keyboard.press('End');
  await expect.poll(() => licenses.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();

  // And from Settings, once signed in.
  await trySandbox(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'About Humanity API Explorer' }).click();
  await expect(about).toBeVisible();
  await expect(about.getByRole('region', { name: 'Third-party licenses' })).toContainText('react');
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(settings.getByRole('button', { name: 'About Humanity API Explorer' })).toBeFocused();
  expect(consoleErrors(app)).toEqual([]);
});

test('a right click on a sidebar item opens its actions at the pointer; Escape closes them and returns focus', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  await page.getByRole('button', { name: 'New collection' }).click();
  const name = collectionsTree(page).getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Ops');
  await name.press('Enter');
  const item = collectionsTree(page).getByRole('treeitem', { name: 'Ops' });
  await expect(item).toBeVisible();
  const box = (await item.boundingBox())!;
  await page.mouse.click(box.x + 60, box.y + 10, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for Ops' });
  await expect(menu).toBeVisible();
  // The same actions as the "More actions" button, at the pointer.
  await expect(menu.getByRole('menuitem')).toHaveText(['New folder', 'Rename', 'Duplicate', 'Export as Postman collection', 'Export in app format', 'Collection variables…', 'Delete']);
  const at = (await menu.boundingBox())!;
  expect(Math.abs(at.x - (box.x + 60))).toBeLessThanOrEqual(2);
  expect(Math.abs(at.y - (box.y + 12))).toBeLessThanOrEqual(3);
  await expect(menu.getByRole('menuitem', { name: 'New folder' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(item).toBeFocused();

  // A choice from it works as from the button.
  await item.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await name.fill('Operations');
  await name.press('Enter');
  await expect(collectionsTree(page).getByRole('treeitem', { name: 'Operations' })).toBeVisible();
  expect(consoleErrors(app)).toEqual([]);
});
