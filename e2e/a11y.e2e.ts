// Accessibility: an axe-core scan of every screen and dialog, in both themes where colours
// matter, with no serious or critical violation; and a keyboard-only path from setup through
// send and save to an export.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startSandbox, SANDBOX_DEMO, type SandboxServer } from '../src-main/sandbox/server';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { collectionsTree, pathField, reauthDialog, responsePanel, sendButton, signOutButton } from './support/locators';
import { signIn, trySandbox } from './support/sign-in';

let app: LaunchedApp | null = null;
let sandbox: SandboxServer | null = null;
test.afterEach(async () => {
  await app?.close();
  await sandbox?.close();
  app = null;
  sandbox = null;
});


type Finding = { screen: string; rule: string; impact: string; help: string; targets: string[] };

/** Runs axe over the page (or one part of it) and returns the serious and critical findings. */
async function scan(page: Page, screen: string, include?: string): Promise<Finding[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      screen,
      rule: violation.id,
      impact: violation.impact!,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`),
    }));
}

/** Scans in light and in dark (the default System setting follows the emulated OS). */
async function scanBothThemes(page: Page, screen: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
    findings.push(...(await scan(page, `${screen} (${colorScheme})`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return findings;
}

async function sendPath(page: Page, path: string) {
  await pathField(page).fill(path);
  await page.keyboard.press('Control+Enter');
  await expect(responsePanel(page).getByText(`/api/v2/${path}`).first()).toBeVisible();
}

async function openDialog(trigger: () => Promise<unknown>, dialog: Locator) {
  await trigger();
  await expect(dialog).toBeVisible();
}

test('axe finds no serious or critical violation on any screen or dialog', async () => {
  test.setTimeout(180_000);
  sandbox = await startSandbox();
  app = await launchApp();
  const { page } = app;
  const findings: Finding[] = [];

  // ---- setup, then the same with its validation messages ----
  await expect(page.getByRole('heading', { name: 'Sign in to Humanity' })).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'setup')));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter the App ID.')).toBeVisible();
  findings.push(...(await scan(page, 'setup with errors')));
  await signIn(page, { host: sandbox.url });

  // ---- the explorer with a response, in each response view ----
  findings.push(...(await scanBothThemes(page, 'explorer, no response')));
  await sendPath(page, 'employees');
  await expect(responsePanel(page)).toContainText('Success');
  const views = responsePanel(page).getByRole('tablist', { name: 'Response views' });
  for (const view of ['Tree', 'Table', 'Chart', 'Raw', 'Headers']) {
    await views.getByRole('tab', { name: view }).click();
    await expect(views.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true');
    // Let the view load its first page.
    await page.waitForTimeout(400);
    findings.push(...(await scanBothThemes(page, `explorer, response ${view}`)));
  }
  await views.getByRole('tab', { name: 'Tree' }).click();

  // ---- several tabs, one unsaved; the request preview and a JSON body ----
  await page.keyboard.press('Control+n');
  await page.getByLabel('Method').selectOption('POST');
  await pathField(page).fill('positions');
  await page.getByRole('radio', { name: 'JSON' }).check();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('region', { name: 'Resolved request' })).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'explorer, tabs, JSON body and preview')));

  // ---- the sidebar's tabs ----
  await page.getByRole('button', { name: 'New collection' }).click();
  const name = collectionsTree(page).getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('HR');
  await name.press('Enter');
  await expect(page.getByRole('treeitem', { name: 'HR' })).toBeVisible();
  // A saved request inside it, and a folder: the tree has levels.
  await page.getByRole('tab', { name: /GET Untitled request/ }).click();
  await page.keyboard.press('Control+s');
  const saving = page.getByRole('dialog', { name: 'Save request' });
  await saving.getByRole('textbox', { name: 'Name', exact: true }).fill('Everyone');
  await saving.getByRole('button', { name: 'Save' }).click();
  await expect(saving).toBeHidden();
  await page.getByRole('button', { name: 'More actions for HR' }).click();
  await page.getByRole('menuitem', { name: 'New folder' }).click();
  await name.fill('Weekly');
  await name.press('Enter');
  await expect(page.getByRole('treeitem', { name: 'GET Everyone' })).toHaveAttribute('aria-current', 'true');
  findings.push(...(await scanBothThemes(page, 'sidebar: Collections')));
  const variables = page.getByRole('dialog', { name: 'Collection variables' });
  await page.getByRole('button', { name: 'More actions for HR' }).click();
  await openDialog(() => page.getByRole('menuitem', { name: 'Collection variables…' }).click(), variables);
  await variables.getByRole('button', { name: 'Add variable' }).click();
  findings.push(...(await scan(page, 'dialog: Collection variables')));
  await variables.getByRole('button', { name: 'Cancel' }).click();
  const move = page.getByRole('dialog', { name: 'Move Everyone' });
  await page.getByRole('button', { name: 'More actions for Everyone' }).click();
  await openDialog(() => page.getByRole('menuitem', { name: 'Move to…' }).click(), move);
  findings.push(...(await scan(page, 'dialog: Move')));
  await move.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: /POST Untitled request/ }).click();
  await page.getByRole('treeitem', { name: 'HR' }).click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'sidebar: context menu')));
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('list', { name: 'History' }).getByRole('button').first()).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'sidebar: History')));
  await page.getByRole('tab', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { name: 'How sure we are' })).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'sidebar: Catalog')));
  // An endpoint from the catalog: its builder, and the Pull range panel.
  await page.keyboard.press('Control+n');
  await page.getByRole('button', { name: 'GET Get shifts', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Endpoint details' })).toBeVisible();
  await page.getByRole('button', { name: 'Pull range' }).click();
  await expect(page.getByRole('region', { name: 'Pull range' })).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'explorer: catalog endpoint, builder and Pull range')));
  await page.keyboard.press('Control+w');
  await page.getByRole('tab', { name: /POST Untitled request/ }).click();

  // ---- dialogs ----
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await openDialog(() => page.getByRole('button', { name: 'Settings' }).click(), settings);
  findings.push(...(await scanBothThemes(page, 'dialog: Settings')));
  const about = page.getByRole('dialog', { name: 'About Humanity API Explorer' });
  await openDialog(() => settings.getByRole('button', { name: 'About Humanity API Explorer' }).click(), about);
  await expect(about.getByRole('region', { name: 'Third-party licenses' })).toContainText('react');
  findings.push(...(await scanBothThemes(page, 'dialog: About')));
  await about.getByRole('button', { name: 'Close' }).click();
  await settings.getByRole('button', { name: 'Close' }).click();

  const saveDialog = page.getByRole('dialog', { name: 'Save request' });
  await openDialog(() => page.keyboard.press('Control+s'), saveDialog);
  findings.push(...(await scanBothThemes(page, 'dialog: Save request')));
  await saveDialog.getByRole('button', { name: 'Cancel' }).click();

  const environments = page.getByRole('dialog', { name: 'Manage environments' });
  await openDialog(() => page.getByRole('button', { name: 'Manage environments' }).click(), environments);
  await environments.getByRole('button', { name: 'Add environment' }).click();
  await environments.getByRole('button', { name: 'Add variable' }).click();
  findings.push(...(await scanBothThemes(page, 'dialog: Manage environments')));
  await environments.getByRole('button', { name: 'Cancel' }).click();

  const discard = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await openDialog(() => page.keyboard.press('Control+w'), discard);
  findings.push(...(await scan(page, 'dialog: Discard unsaved changes')));
  await discard.getByRole('button', { name: 'Cancel' }).click();

  // A POST to a real account (this session is not the built-in sandbox) asks first.
  const confirm = page.getByRole('dialog', { name: 'Confirm change' });
  await openDialog(() => sendButton(page).click(), confirm);
  findings.push(...(await scanBothThemes(page, 'dialog: Confirm change')));
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // The refresh token is rejected: sign in again.
  sandbox.revokeRefreshTokens();
  sandbox.expireAccessTokens();
  await page.getByRole('tab', { name: /GET Everyone/ }).click();
  await sendButton(page).click();
  const reauth = reauthDialog(page);
  await expect(reauth).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'dialog: Sign in again')));

  // Reported in full, so one run names everything to fix.
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  expect(app.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'))).toEqual([]);
});

/** Presses one key per character: no typing API, no clicks. */
async function pressKeys(page: Page, text: string) {
  for (const character of text) await page.keyboard.press(character);
}

/** Presses Tab (or Shift+Tab) until the focused element matches, at most `limit` times. */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; limit?: number } = {}) {
  for (let i = 0; i < (options.limit ?? 60); i += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * The element with keyboard focus shows a visible focus indicator: an outline or a box shadow on
 * it, its ::after (splitters, catalog rows) or its row (tree items).
 */
async function expectVisibleFocus(page: Page) {
  const style = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const styles = [getComputedStyle(element), getComputedStyle(element, '::after')];
    const row = element.querySelector(':scope > .nav-row');
    if (row) styles.push(getComputedStyle(row));
    return {
      outline: styles.some((style) => style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0),
      shadow: styles.some((style) => style.boxShadow !== 'none'),
      tag: element.outerHTML.slice(0, 80),
    };
  });
  expect(style.outline || style.shadow, `no visible focus on ${style.tag}`).toBe(true);
}

test('keyboard only: setup, send, save and export without a single click', async () => {
  sandbox = await startSandbox();
  const dir = mkdtempSync(join(tmpdir(), 'hae-keyboard-'));
  const exported = join(dir, 'employees.json');
  app = await launchApp({ dialogs: { saveFile: async () => exported } });
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Sign in to Humanity' })).toBeVisible();

  // Setup: every field by Tab, every character by a key press, Enter signs in.
  const fields: Array<[Locator, string]> = [
    [page.getByLabel('App ID'), SANDBOX_DEMO.clientId],
    [page.getByLabel('App Secret'), SANDBOX_DEMO.clientSecret],
    [page.getByLabel('Username'), SANDBOX_DEMO.username],
    [page.getByLabel('Password', { exact: true }), SANDBOX_DEMO.password],
    [page.getByLabel('API host'), sandbox.url],
  ];
  for (const [field, value] of fields) {
    await tabTo(page, field);
    await expectVisibleFocus(page);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await pressKeys(page, value);
    await expect(field).toHaveValue(value);
  }
  await page.keyboard.press('Enter');
  await expect(signOutButton(page)).toBeVisible();

  // Send: Ctrl+L to the path, type, Ctrl+Enter.
  await page.keyboard.press('Control+l');
  await expect(pathField(page)).toBeFocused();
  await expectVisibleFocus(page);
  await pressKeys(page, 'employees');
  await page.keyboard.press('Control+Enter');
  await expect(responsePanel(page)).toContainText('Success');
  // Send by its button: focus goes to Cancel while it runs and back to Send with the answer.
  const sendButton = page.getByRole('button', { name: 'Send', exact: true });
  await tabTo(page, sendButton);
  await page.keyboard.press('Enter');
  await expect(responsePanel(page)).toContainText('Success');
  await expect(sendButton).toBeFocused();

  // Save: Ctrl+S, a name, Tab to the new collection's name, Enter.
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save request' });
  const nameField = save.getByRole('textbox', { name: 'Name', exact: true });
  await expect(nameField).toBeFocused();
  await pressKeys(page, 'Everyone');
  const collection = save.getByLabel('New collection name');
  await tabTo(page, collection);
  await page.keyboard.press('Control+a');
  await pressKeys(page, 'People');
  await page.keyboard.press('Enter');
  await expect(save).toBeHidden();
  await expect(page.getByRole('tab', { selected: true, name: /GET Everyone/ })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: 'GET Everyone' })).toBeVisible();

  // Export: Tab through the editor and the splitter to the response's Save JSON, then Enter.
  await page.keyboard.press('Control+l');
  const saveJson = responsePanel(page).getByRole('button', { name: 'Save JSON' });
  const visited: string[] = [];
  for (let i = 0; i < 60 && !(await saveJson.evaluate((element) => element === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
    visited.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.slice(0, 30) ?? ''));
  }
  await expect(saveJson).toBeFocused();
  expect(visited).toContain('Resize request and response');
  await page.keyboard.press('Enter');
  await expect(responsePanel(page).getByRole('status').filter({ hasText: 'Saved to' })).toHaveText(`Saved to ${exported}`);
  expect(existsSync(exported)).toBe(true);
  expect((JSON.parse(readFileSync(exported, 'utf8')) as { data: unknown[] }).data.length).toBeGreaterThan(0);

  // The tabs and the sidebar splitter from the keyboard too.
  await page.keyboard.press('Control+n');
  await expect(pathField(page)).toBeFocused();
  await page.keyboard.press('Control+Shift+Tab');
  await expect(page.getByRole('tab', { selected: true, name: /GET Everyone/ })).toBeVisible();
  await expect(page.getByRole('tab', { selected: true, name: /GET Everyone/ })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { selected: true, name: /Untitled request/ })).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab')).toHaveCount(1);
  const sidebarSplitter = page.getByRole('separator', { name: 'Resize sidebar' });
  await tabTo(page, sidebarSplitter, { back: true });
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowLeft');
  await expect(sidebarSplitter).toHaveAttribute('aria-valuenow', '280');
  expect(app.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'))).toEqual([]);
});

test('visible focus: every stop of the Tab order shows where the focus is, in both themes', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  await page.getByRole('button', { name: 'New collection' }).click();
  const name = collectionsTree(page).getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Ops');
  await name.press('Enter');
  await sendPath(page, 'employees');
  await page.keyboard.press('Control+n');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.getByRole('button', { name: 'Settings' }).focus();
    const seen = new Set<string>();
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        if (element === document.body) return null;
        element.dataset.focusProbe ??= String(Math.random());
        return element.dataset.focusProbe;
      });
      // Past the last stop the page itself has focus, then the first stop again.
      if (id === null) continue;
      if (seen.has(id)) break;
      seen.add(id);
      await expectVisibleFocus(page);
    }
    expect(seen.size).toBeGreaterThan(20);
  }
});
