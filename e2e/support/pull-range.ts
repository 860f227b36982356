// The Pull range panel as a user reaches it: pick GET shifts in the catalog, open the panel, type
// the dates.
import { expect, type Locator, type Page } from '@playwright/test';

export async function pickEndpoint(page: Page, search: string, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Catalog' }).click();
  await page.getByRole('searchbox', { name: 'Search endpoints' }).fill(search);
  await page.getByRole('button', { name, exact: true }).click();
}

export async function openPullRange(page: Page, from: string, to: string): Promise<Locator> {
  await pickEndpoint(page, 'shifts', 'GET Get shifts');
  await page.getByRole('button', { name: 'Pull range' }).click();
  const panel = page.getByRole('region', { name: 'Pull range' });
  await expect(panel).toContainText('split into windows of at most 28 days');
  await panel.getByLabel('From').fill(from);
  await panel.getByLabel('To').fill(to);
  return panel;
}
