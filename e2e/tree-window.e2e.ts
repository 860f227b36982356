// The response tree renders only the rows in view (features/response/useRowWindow.ts): the rows
// follow the wheel, the keys and the viewport's height, with no row missing from what is shown.
import { expect, test, type Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { pathField, responsePanel } from './support/locators';
import { screenshot } from './support/screenshots';
import { trySandbox } from './support/sign-in';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const tree = (page: Page) => responsePanel(page).getByRole('tree', { name: 'Response body' });
const rows = (page: Page) => tree(page).getByRole('treeitem');

/** The indexes under `data` of the rows the tree shows within its own box, in order. */
async function shownIndexes(page: Page): Promise<number[]> {
  return tree(page).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return [...element.querySelectorAll('[role="treeitem"]')]
      .filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.bottom > box.top && rect.top < box.bottom;
      })
      .map((row) => /^(\d+):/.exec(row.textContent ?? '')?.[1])
      .filter((index): index is string => index !== undefined)
      .map(Number);
  });
}

/** True when `indexes` runs on without a gap: no row in view is missing. */
const unbroken = (indexes: number[]) => indexes.every((index, at) => at === 0 || index === indexes[at - 1]! + 1);

test('the tree shows every row in view as the wheel, the keys and the window move it, and renders little more', async () => {
  app = await launchApp({ viewport: { width: 1280, height: 700 } });
  const { page } = app;
  await trySandbox(page);
  await pathField(page).fill('shifts?start_date=2026-03-01&end_date=2026-03-31');
  await page.keyboard.press('Control+Enter');
  await expect(rows(page).filter({ hasText: /^data:/ })).toHaveAttribute('aria-expanded', 'true');
  const first = await shownIndexes(page);
  expect(first[0]).toBe(0);
  expect(unbroken(first)).toBe(true);

  // The wheel: later rows, none missing.
  await tree(page).hover();
  await page.mouse.wheel(0, 2000);
  await expect.poll(async () => (await shownIndexes(page))[0]).toBeGreaterThan(first.at(-1)!);
  const wheeled = await shownIndexes(page);
  expect(unbroken(wheeled)).toBe(true);
  expect(await rows(page).count()).toBeLessThan(wheeled.length + 30);

  // A taller window shows more rows at once.
  await page.setViewportSize({ width: 1280, height: 1000 });
  await expect.poll(async () => (await shownIndexes(page)).length).toBeGreaterThan(wheeled.length);
  expect(unbroken(await shownIndexes(page))).toBe(true);

  // The keys: PageDown moves focus a page on, and the focused row is in view.
  const focused = rows(page).filter({ hasText: new RegExp(`^${(await shownIndexes(page))[0]}:`) });
  await focused.focus();
  await page.keyboard.press('PageDown');
  await expect(focused).not.toBeFocused();
  const now = page.locator('[role="treeitem"]:focus');
  await expect(now).toBeInViewport();
  await screenshot(page, 'tree-window');
});
