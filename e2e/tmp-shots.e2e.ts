import { test } from '@playwright/test';
import { launchApp } from './support/launch-app';
import { contract } from '../src-main/shared/contract';
// Throwaway: issue 4's handlers are not in app-core yet.
for (const key of ['table', 'bulk']) if (!(key in ({} as Record<string, unknown>))) delete (contract as Record<string, unknown>)[key];

test('throwaway screenshots', async () => {
  const app = await launchApp();
  const { page } = app;
  try {
    await page.getByRole('button', { name: 'Try the sandbox' }).click();
    await page.getByRole('button', { name: 'New collection' }).waitFor();
    await page.screenshot({ path: '/tmp/shots/01-empty.png' });
    console.log(app.console.join('\n'));
  } finally {
    await app.close();
  }
});
