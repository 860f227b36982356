// The window's side of the compare figure (h): the built app in Chromium (e2e/support/launch-app.ts)
// signed in to a host serving two big /shifts answers, each sent from its own tab; then "Compare
// with…" the other tab, the summary awaited, the list scrolled to its end, filtered and searched.
// Reports the longest main-thread task the page saw meanwhile (PerformanceObserver 'longtask',
// tasks of 50 ms and more), as figure c does for the response views.
import { launchApp } from '../../e2e/support/launch-app';
import type { BenchContext } from './context';
import { ensureBuilt, LONG_TASKS_SCRIPT } from './renderer-run';

const LONG = { timeout: 180_000 };

export async function compareInWindow(context: BenchContext, hostUrl: string, paths: readonly [string, string]): Promise<{ longestMs: number; tasks: number }> {
  ensureBuilt();
  const app = await launchApp({ userDataDir: context.tempDir(), viewport: { width: 1400, height: 900 } });
  try {
    const { page, core } = app;
    const credentials = { host: hostUrl, appId: 'bench-app', appSecret: 'bench-secret', username: 'bench@example.com', password: 'bench-password', redirectUri: '', rememberPassword: false };
    const login = await core.dispatch('auth:login', { frameUrl: page.url(), isMainFrame: true }, credentials);
    if (!(login as { ok: boolean }).ok) throw new Error(`Sign-in for the bench failed: ${JSON.stringify(login)}`);
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    for (const [index, path] of paths.entries()) {
      if (index > 0) await page.getByRole('button', { name: 'New tab' }).click();
      await page.getByLabel('Path').fill(path);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByRole('button', { name: 'Compare with…' }).waitFor(LONG);
    }
    await page.evaluate(LONG_TASKS_SCRIPT);

    await page.getByRole('button', { name: 'Compare with…' }).click();
    await page.getByRole('region', { name: 'Open tabs' }).getByRole('button').first().click();
    const view = page.getByRole('dialog', { name: 'Compare responses' });
    await view.getByRole('status').filter({ hasText: / added| removed| changed/ }).waitFor(LONG);
    const items = view.getByRole('listitem');
    await items.first().waitFor(LONG);
    await items.first().getByRole('button', { name: /in after$/ }).focus();
    await page.keyboard.press('End');
    await view.locator('.compare-scroll').hover();
    for (let turn = 0; turn < 20; turn += 1) await page.mouse.wheel(0, 2000);
    await view.getByText(/^Changed \(/).click();
    await view.getByRole('searchbox', { name: 'Search differences' }).fill('moved');
    await items.first().waitFor(LONG);
    await page.waitForTimeout(500);
    const entries = await page.evaluate<Array<{ duration: number }>>('window.__benchLongTasks');
    return { longestMs: entries.length ? Math.max(...entries.map((entry) => entry.duration)) : 0, tasks: entries.length };
  } finally {
    await app.close();
  }
}
