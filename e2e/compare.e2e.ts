// Comparing responses end to end: /shifts sent, another user adds, removes and edits shifts in
// the sandbox, /shifts sent again; the history entry compared with the later response from the
// response panel and from the history list, the counts checked against the changes, a change
// shown in the response's tree, and the CSV export read back.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { dayWithShifts, editShifts } from '../src-main/testing/sandbox-shifts';
import { parseCsv } from './support/csv';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { compareDialog, historyList, pathField, responsePanel, sendButton } from './support/locators';
import { screenshot } from './support/screenshots';
import { trySandbox } from './support/sign-in';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

// A day with at least the 6 shifts the test removes (2) and edits (4).
const DAY = dayWithShifts(6);
const SHIFTS = `shifts?start_date=${DAY}&end_date=${DAY}`;

async function sendShifts(page: Page, sends: number) {
  await pathField(page).fill(SHIFTS);
  await sendButton(page).click();
  await expect(page.getByRole('tab', { name: 'History' })).toBeVisible();
  await expect.poll(() => app!.ipc.filter((call) => call.channel === 'request:send' && call.output !== undefined).length).toBe(sends);
  await expect(responsePanel(page).getByRole('button', { name: 'Compare with…' })).toBeVisible();
}

test('a history entry compared with a later /shifts answer counts what changed, shows it in the tree and exports it', async () => {
  const csvPath = join(mkdtempSync(join(tmpdir(), 'hae-compare-')), 'comparison.csv');
  app = await launchApp({ dialogs: { saveFile: async () => csvPath } });
  const { page } = app;
  await trySandbox(page);
  await sendShifts(page, 1);
  const edits = await editShifts(app.sandbox()!.url, { day: DAY, add: 3, remove: 2, edit: 4 });
  await sendShifts(page, 2);

  // From the response panel: the earlier answer, kept in history.
  await responsePanel(page).getByRole('button', { name: 'Compare with…' }).click();
  const pick = page.getByRole('dialog', { name: 'Compare with…' });
  // The later answer's own history entry is not offered: only the earlier one.
  await expect(pick.getByRole('region', { name: 'History' }).getByRole('button')).toHaveCount(1);
  await screenshot(page, 'compare-with');
  const search = pick.getByRole('searchbox', { name: 'Search history' });
  await search.fill('no-such-request');
  await expect(pick.getByRole('region', { name: 'History' })).toContainText('No history entry that kept its response matches.');
  await search.fill('shifts');
  await expect(pick.getByRole('region', { name: 'History' }).getByRole('button')).toHaveCount(1);
  await pick.getByRole('region', { name: 'History' }).getByRole('button', { name: /^GET shifts/ }).click();
  const view = compareDialog(page);
  await expect(view.getByRole('status').filter({ hasText: 'added' })).toHaveText('3 shifts added, 2 removed, 4 changed');
  const differences = view.getByRole('list', { name: 'Differences' });
  await expect(differences.getByRole('listitem')).toHaveCount(3 + 2 + 4 * 2);

  await view.getByText('Removed (2)').click();
  await expect(differences.getByRole('listitem')).toHaveCount(2);
  for (const id of edits.removed) await expect(differences).toContainText(String(id));
  await view.getByText('All (13)').click();

  // A change found by search, then shown where it is in the later response.
  const edited = edits.edited[0]!;
  await view.getByRole('searchbox', { name: 'Search differences' }).fill(`Edited ${edited}`);
  await expect(differences.getByRole('listitem')).toHaveCount(1);
  await differences.getByRole('button', { name: `Show ${edited} title in after` }).click();
  const tree = view.getByRole('region', { name: 'After response' });
  await expect(tree.getByRole('treeitem', { name: /title/ }).filter({ hasText: `Edited ${edited}` })).toBeVisible();
  // And where it was in the earlier answer, loaded from history: the old title.
  await differences.getByRole('button', { name: `Show ${edited} title in before` }).click();
  const earlier = view.getByRole('region', { name: 'Before response' });
  await expect(earlier.locator('[role="treeitem"][aria-current="true"]')).toContainText('title');
  await expect(earlier.locator('[role="treeitem"][aria-current="true"]')).not.toContainText('Edited');
  await differences.getByRole('button', { name: `Show ${edited} title in after` }).click();
  await expect(tree.locator('[role="treeitem"][aria-current="true"]')).toContainText(`Edited ${edited}`);

  await view.getByRole('searchbox', { name: 'Search differences' }).fill('');
  await expect(differences.getByRole('listitem')).toHaveCount(13);
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
    await screenshot(page, `compare-view-${colorScheme}`);
    // Contrast and names of the view's own controls, in each theme.
    const { violations } = await new AxeBuilder({ page }).include('dialog.dialog-compare').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }
  await view.getByRole('button', { name: 'Export CSV' }).click();
  await expect(view.getByText(`Saved 13 differences to ${csvPath}`)).toBeVisible();
  const rows = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''));
  expect(rows[0]).toEqual(['key', 'path', 'before', 'after', 'kind']);
  expect(rows).toHaveLength(14);
  const byKind = (kind: string) => rows.filter((row) => row[4] === kind).map((row) => Number(row[0])).sort();
  expect(byKind('added')).toEqual([...edits.added].sort());
  expect(byKind('removed')).toEqual([...edits.removed].sort());
  expect(rows).toContainEqual([String(edited), '/title', expect.any(String), `Edited ${edited}`, 'changed']);
  expect(rows.filter((row) => row[4] === 'changed').map((row) => row[1]).sort()).toEqual([...Array(4).fill('/notes'), ...Array(4).fill('/title')]);
  await view.getByRole('button', { name: 'Close' }).click();
  await expect(view).toBeHidden();

  // From the history list: two entries ticked by keyboard, then Compare.
  await page.getByRole('tab', { name: 'History' }).click();
  const ticks = historyList(page).getByRole('checkbox');
  await expect(ticks).toHaveCount(2);
  for (const tick of await ticks.all()) {
    await tick.focus();
    await page.keyboard.press('Space');
  }
  await screenshot(page, 'compare-history-ticks');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const summary = compareDialog(page).getByRole('status').filter({ hasText: 'added' });
  await expect(summary).toHaveText('3 shifts added, 2 removed, 4 changed');
  // Matched by title instead (a day's titles are all different): each of the 4 edited shifts is
  // its old title removed and "Edited <id>" added, beside the 3 added and 2 removed; nothing else changed.
  await compareDialog(page).getByLabel('Match records by').selectOption('title');
  await expect(summary).toHaveText(`${3 + 4} shifts added, ${2 + 4} removed`);
  await expect(compareDialog(page).getByLabel('Match records by')).toHaveValue('title');
  await compareDialog(page).getByRole('button', { name: 'Close' }).click();

  // Beyond the 200 most recent entries the picker says so, and search still finds the earlier answer.
  await page.evaluate(async () => {
    for (let n = 0; n < 200; n += 1) await window.api.request.send({ requestId: `fill${n}`, method: 'GET', path: 'me', query: [], body: { kind: 'none' } });
  });
  await responsePanel(page).getByRole('button', { name: 'Compare with…' }).click();
  await expect(pick.getByRole('note')).toHaveText('Showing the 200 most recent history entries. Search to find an older one.');
  await screenshot(page, 'compare-with-older');
  await expect(pick.getByRole('region', { name: 'History' }).getByRole('button', { name: /^GET shifts/ })).toHaveCount(0);
  await pick.getByRole('searchbox', { name: 'Search history' }).fill('shifts');
  await expect(pick.getByRole('region', { name: 'History' }).getByRole('button', { name: /^GET shifts/ })).toHaveCount(1);
  await expect(pick.getByRole('note')).toHaveCount(0);
  expect(app.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'))).toEqual([]);
});
