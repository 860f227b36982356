// Collections, variables and import end to end: the sidebar as a user drives it, over the real
// main-side core and the sandbox, with a restart on the same user-data folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { collectionsTree, pathField, responsePanel, sendButton } from './support/locators';
import { screenshot } from './support/screenshots';
import { trySandbox } from './support/sign-in';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const item = (page: Page, name: string | RegExp) => collectionsTree(page).getByRole('treeitem', { name, exact: typeof name === 'string' });
const unsavedMarker = (page: Page) => page.getByRole('img', { name: 'Unsaved changes' });

/** Types a name into the inline "Name" box of the tree and confirms it with Enter. */
async function typeName(page: Page, name: string) {
  const box = collectionsTree(page).getByRole('textbox', { name: 'Name', exact: true });
  await box.fill(name);
  await box.press('Enter');
  await expect(box).toHaveCount(0);
}

async function newCollection(page: Page, name: string) {
  await page.getByRole('button', { name: 'New collection' }).click();
  await typeName(page, name);
  await expect(item(page, name)).toBeVisible();
}

async function menuAction(page: Page, nodeName: string, action: string) {
  await page.getByRole('button', { name: `More actions for ${nodeName}` }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: action, exact: true }).click();
}

async function newFolder(page: Page, parent: string, name: string) {
  await menuAction(page, parent, 'New folder');
  await typeName(page, name);
  await expect(item(page, name)).toBeVisible();
}

async function setPath(page: Page, path: string) {
  await pathField(page).fill(path);
}

/** A new request with this path, saved with Ctrl+S into the folder shown as `folder`. */
async function saveNew(page: Page, options: { path: string; name: string; folder: string; method?: string }) {
  await page.getByRole('button', { name: 'New request' }).click();
  if (options.method) await page.getByLabel('Method').selectOption(options.method);
  await setPath(page, options.path);
  await pathField(page).press('Control+s');
  const dialog = page.getByRole('dialog', { name: 'Save request' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(options.name);
  await dialog.getByLabel('Folder').selectOption({ label: options.folder });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: options.name })).toBeVisible();
}

function consoleErrors(launched: LaunchedApp): string[] {
  return launched.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'));
}

test('saves a request into nested folders with Ctrl+S, tracks unsaved changes, and keeps it all after a restart', async () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'hae-collections-'));
  app = await launchApp({ userDataDir });
  let { page } = app;
  await trySandbox(page);
  await expect(page.getByText('No collections yet.')).toBeVisible();

  await newCollection(page, 'HR');
  await newFolder(page, 'HR', 'Reports');
  await newFolder(page, 'Reports', 'Weekly');
  await expect(item(page, 'Weekly')).toHaveAttribute('aria-level', '3');

  // The first request: sent, then saved with a name and description into HR › Reports › Weekly.
  await setPath(page, 'employees');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await pathField(page).press('Control+s');
  const dialog = page.getByRole('dialog', { name: 'Save request' });
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('GET employees');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('All employees');
  await dialog.getByLabel('Description').fill('Everyone on the payroll');
  await dialog.getByLabel('Folder').selectOption({ label: 'HR › Reports › Weekly' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'All employees' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Request' })).toContainText('HR › Reports › Weekly');
  await expect(item(page, 'GET All employees')).toHaveAttribute('aria-level', '4');
  await expect(unsavedMarker(page)).toHaveCount(0);

  // An edit shows the marker; Ctrl+S overwrites the saved request without asking again.
  await page.getByLabel('Parameter 1 name').fill('status');
  await page.getByLabel('Parameter 1 value').fill('1');
  await expect(unsavedMarker(page)).toBeVisible();
  await page.getByLabel('Parameter 1 value').press('Control+s');
  await expect(page.getByRole('dialog', { name: 'Save request' })).toBeHidden();
  await expect(unsavedMarker(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Request' }).getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved');

  // A few more, for a tree that looks like real use.
  await saveNew(page, { path: 'shifts?start_date={{startOfWeek}}&end_date={{endOfWeek}}', name: 'Shifts this week', folder: 'HR › Reports › Weekly' });
  await saveNew(page, { path: 'leaves', name: 'Leave requests', folder: 'HR › Reports' });
  await saveNew(page, { path: 'me', name: 'Who am I', folder: 'HR' });
  await saveNew(page, { path: 'employees', name: 'Add employee', folder: 'HR', method: 'POST' });
  expect(consoleErrors(app)).toEqual([]);
  await app.close();

  // Same folder, new app: the tree, the saved request and the history are all there.
  app = await launchApp({ userDataDir });
  page = app.page;
  await trySandbox(page);
  await expect(item(page, 'HR')).toHaveAttribute('aria-expanded', 'true');
  await item(page, 'Reports').click();
  await item(page, 'Weekly').click();
  await item(page, 'GET All employees').click();
  await expect(page.getByRole('heading', { name: 'All employees' })).toBeVisible();
  await expect(pathField(page)).toHaveValue('employees');
  await expect(page.getByLabel('Parameter 1 name')).toHaveValue('status');
  await expect(page.getByLabel('Parameter 1 value')).toHaveValue('1');
  await expect(item(page, 'GET All employees')).toHaveAttribute('aria-current', 'true');
  await expect(item(page, 'GET Shifts this week')).toBeVisible();
  await expect(item(page, 'POST Add employee')).toBeVisible();
  await page.getByRole('button', { name: 'More actions for Weekly' }).hover();
  await screenshot(page, 'sidebar-nested');

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.getByRole('button')).toHaveCount(1);
  await expect(history.getByRole('button').first()).toContainText('employees');
  await expect(history.getByRole('button').first()).toContainText('200');
  expect(consoleErrors(app)).toEqual([]);
});

test('duplicate, move, rename and delete with undo; search by name and path; keyboard in the tree', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);
  await newCollection(page, 'Ops');
  await newFolder(page, 'Ops', 'Archive');
  await saveNew(page, { path: 'locations', name: 'Sites', folder: 'Ops' });

  // Duplicate, then move the copy into Archive through the dialog (no dragging needed).
  await menuAction(page, 'Sites', 'Duplicate');
  await expect(item(page, 'GET Sites copy')).toBeVisible();
  await menuAction(page, 'Sites copy', 'Move to…');
  const move = page.getByRole('dialog', { name: 'Move Sites copy' });
  await move.getByLabel('Destination').selectOption({ label: 'Ops › Archive' });
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(move).toBeHidden();
  // The tree is one flat list with levels: inside Archive is level 3, right after Archive.
  const inArchive = async () => {
    await expect(item(page, 'GET Sites copy')).toHaveAttribute('aria-level', '3');
    const names = await collectionsTree(page).getByRole('treeitem').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-node-id')));
    const archiveId = await item(page, 'Archive').getAttribute('data-node-id');
    const copyId = await item(page, 'GET Sites copy').getAttribute('data-node-id');
    expect(names.indexOf(copyId)).toBe(names.indexOf(archiveId) + 1);
  };
  await inArchive();

  // Delete with the Delete key, then Undo puts it back where it was.
  await item(page, 'GET Sites copy').focus();
  await page.keyboard.press('Delete');
  await expect(item(page, 'GET Sites copy')).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'Deleted Sites copy' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(item(page, 'GET Sites copy')).toBeVisible();
  await inArchive();

  // Dragging does the same as Move to…: the copy goes back up into Ops.
  await item(page, 'GET Sites copy').dragTo(item(page, 'Ops'), { targetPosition: { x: 60, y: 12 } });
  await expect(item(page, 'GET Sites copy')).toHaveAttribute('aria-level', '2');

  // Delete from the menu, then rename with F2 (Escape cancels, Enter saves).
  await menuAction(page, 'Sites copy', 'Delete');
  await expect(item(page, 'GET Sites copy')).toHaveCount(0);
  await item(page, 'GET Sites').focus();
  await page.keyboard.press('F2');
  await collectionsTree(page).getByRole('textbox', { name: 'Name', exact: true }).fill('Nope');
  await page.keyboard.press('Escape');
  await expect(item(page, 'GET Sites')).toBeFocused();
  await page.keyboard.press('F2');
  await typeName(page, 'Store sites');
  await expect(item(page, 'GET Store sites')).toBeFocused();

  // The keyboard: Home, arrows, collapse and expand, the Menu key, Enter opens.
  await page.keyboard.press('Home');
  await expect(item(page, 'Ops')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, 'Ops')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(item(page, 'Ops')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(item(page, 'Archive')).toBeFocused();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'New folder' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(item(page, 'Archive')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item(page, 'GET Store sites')).toBeFocused();
  await page.getByRole('button', { name: 'New request' }).click();
  await expect(page.getByRole('heading', { name: 'Untitled request' })).toBeVisible();
  await item(page, 'GET Store sites').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Store sites' })).toBeVisible();
  await expect(pathField(page)).toHaveValue('locations');

  // Opening another request over unsaved changes loses nothing: the request open in a tab of
  // its own is shown, and the edited one keeps its changes in its tab. Closing that tab asks.
  await saveNew(page, { path: 'positions', name: 'Positions', folder: 'Ops › Archive' });
  await setPath(page, 'positions/301');
  await expect(unsavedMarker(page)).toBeVisible();
  await item(page, 'GET Store sites').click();
  await expect(page.getByRole('heading', { name: 'Store sites' })).toBeVisible();
  const discard = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(discard).toHaveCount(0);
  const positionsTab = page.getByRole('tab', { name: /GET Positions/ });
  await expect(positionsTab.getByRole('img', { name: 'Unsaved changes' })).toBeVisible();
  await page.getByRole('button', { name: 'Close Positions' }).click();
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Cancel' }).click();
  await positionsTab.click();
  await expect(pathField(page)).toHaveValue('positions/301');
  await page.getByRole('button', { name: 'Close Positions' }).click();
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(positionsTab).toHaveCount(0);
  await expect(unsavedMarker(page)).toHaveCount(0);

  // Search finds by path as well as by name; Escape clears it and the tree comes back.
  const search = page.getByRole('searchbox', { name: 'Search saved requests' });
  await search.fill('locations');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results.getByRole('button')).toContainText('Store sites');
  await expect(results.getByRole('button')).toContainText('Ops');
  await search.fill('posit');
  await expect(results.getByRole('button')).toContainText('Positions');
  await results.getByRole('button').click();
  await expect(page.getByRole('heading', { name: 'Positions' })).toBeVisible();
  await search.fill('zzz');
  await expect(page.getByText('No saved request matches “zzz”.')).toBeVisible();
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(item(page, 'GET Positions')).toBeVisible();
  expect(consoleErrors(app)).toEqual([]);
});

test('environment and collection variables fill {{name}}; an unresolved one blocks sending and says which', async () => {
  app = await launchApp();
  const { page } = app;
  await trySandbox(page);

  await page.getByRole('button', { name: 'Manage environments' }).click();
  const manage = page.getByRole('dialog', { name: 'Manage environments' });
  await manage.getByRole('button', { name: 'Add environment' }).click();
  await manage.getByLabel('Environment name').fill('Sandbox');
  await manage.getByRole('button', { name: 'Add variable' }).click();
  await manage.getByLabel('Variable 1 name').fill('emp');
  await manage.getByLabel('Variable 1 value').fill('1002');
  await manage.getByRole('button', { name: 'Save' }).click();
  await expect(manage).toBeHidden();
  await page.getByRole('combobox', { name: 'Environment', exact: true }).selectOption({ label: 'Sandbox' });

  await setPath(page, 'employees/{{emp}}');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Resolved request' });
  await expect(preview).toContainText('/api/v2/employees/1002');
  await expect(preview).toContainText('Every variable has a value.');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await expect(responsePanel(page)).toContainText('employees/1002');

  await setPath(page, 'employees/{{nope}}');
  await expect(preview).toContainText('Not resolved: {{nope}}');
  await sendButton(page).click();
  await expect(responsePanel(page).getByRole('alert')).toContainText('The variable {{nope}} has no value');

  // Collection variables: used by the requests saved in that collection.
  await newCollection(page, 'Sites');
  await menuAction(page, 'Sites', 'Collection variables…');
  const variables = page.getByRole('dialog', { name: 'Collection variables' });
  await variables.getByRole('button', { name: 'Add variable' }).click();
  await variables.getByLabel('Variable 1 name').fill('loc');
  await variables.getByLabel('Variable 1 value').fill('201');
  await variables.getByRole('button', { name: 'Save' }).click();
  await expect(variables).toBeHidden();
  await saveNew(page, { path: 'locations/{{loc}}', name: 'Main site', folder: 'Sites' });
  await expect(preview).toContainText('/api/v2/locations/201');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await expect(responsePanel(page)).toContainText('locations/201');
  await screenshot(page, 'variables-preview');
  expect(consoleErrors(app)).toEqual([]);
});

test('imports a Postman v2.1 collection with folders and variables and lists what was not imported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hae-import-'));
  const good = join(dir, 'hr.postman_collection.json');
  const broken = join(dir, 'broken.json');
  writeFileSync(
    good,
    JSON.stringify({
      info: { name: 'Humanity HR', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
      variable: [{ key: 'location', value: '201' }],
      item: [
        {
          name: 'Employees',
          item: [
            {
              name: 'List employees',
              event: [{ listen: 'test', script: { exec: ['pm.test("ok", () => {});'] } }],
              request: {
                method: 'GET',
                url: { raw: 'https://www.humanity.com/api/v2/employees?location={{location}}', host: ['www', 'humanity', 'com'], path: ['api', 'v2', 'employees'], query: [{ key: 'location', value: '{{location}}' }] },
              },
              response: [{ name: 'Example', code: 200, body: '{}' }],
            },
            { name: 'Nested', item: [{ name: 'Leave types', request: { method: 'GET', url: 'https://www.humanity.com/api/v2/leaves' } }] },
          ],
        },
        {
          name: 'Add position',
          request: {
            method: 'POST',
            url: 'https://www.humanity.com/api/v2/positions',
            body: { mode: 'urlencoded', urlencoded: [{ key: 'name', value: 'Greeter' }] },
          },
        },
      ],
    }),
  );
  writeFileSync(broken, '{ "info": ');
  const chosen = [broken, good];
  app = await launchApp({ dialogs: { openFile: async () => chosen.shift() ?? null } });
  const { page } = app;
  await trySandbox(page);

  // A broken file changes nothing and says so.
  await page.getByRole('button', { name: 'Import collection' }).click();
  await expect(page.getByRole('alert')).toContainText('not a valid JSON file');
  await expect(page.getByRole('alert')).toContainText('Nothing was imported.');
  await expect(collectionsTree(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Import collection' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Imported Humanity HR' });
  await expect(status).toContainText('Imported Humanity HR: 3 requests. Not imported:');
  await expect(status.getByRole('listitem').filter({ hasText: 'authentication not imported' })).toHaveCount(1);
  await expect(status.getByRole('listitem').filter({ hasText: 'saved example response not imported' })).toHaveCount(1);
  await expect(status.getByRole('listitem').filter({ hasText: 'not imported' }).first()).toBeVisible();
  await screenshot(page, 'import-result');

  await expect(item(page, 'Humanity HR')).toHaveAttribute('aria-expanded', 'true');
  await item(page, 'Employees').click();
  await item(page, 'Nested').click();
  await expect(item(page, 'GET Leave types')).toHaveAttribute('aria-level', '4');
  await item(page, 'GET List employees').click();
  await expect(pathField(page)).toHaveValue('employees');
  await expect(page.getByLabel('Parameter 1 value')).toHaveValue('{{location}}');
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText('Success');
  await expect(responsePanel(page)).toContainText('location=201');

  await item(page, 'POST Add position').click();
  await expect(page.getByLabel('Field 1 name')).toHaveValue('name');
  await expect(page.getByLabel('Field 1 value')).toHaveValue('Greeter');

  await menuAction(page, 'Humanity HR', 'Collection variables…');
  const variables = page.getByRole('dialog', { name: 'Collection variables' });
  await expect(variables.getByLabel('Variable 1 name')).toHaveValue('location');
  await expect(variables.getByLabel('Variable 1 value')).toHaveValue('201');
  await variables.getByRole('button', { name: 'Cancel' }).click();
  expect(consoleErrors(app)).toEqual([]);
});
