// What only Electron can show: the real window's preferences and safeStorage. Runs wherever an
// Electron binary is installed; skipped with the reason where it is not (our CI cannot download it).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');

function electronBinary(): string | null {
  const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON = 'No Electron binary is installed here (only the npm and Debian registries are reachable), so the Electron-only checks are skipped.';
if (!binary) console.log(`electron.e2e.ts: ${SKIP_REASON}`);

test.describe('in Electron', () => {
  test.skip(!binary, SKIP_REASON);

  test('the renderer has no Node and the preload exposes only a frozen window.api', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'hae-electron-'))}`] });
    try {
      const page = await app.firstWindow();
      const globals = await page.evaluate(() => ({
        api: Object.keys((window as unknown as { api: object }).api).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        frozen: Object.isFrozen((window as unknown as { api: object }).api),
      }));
      expect(globals).toEqual({ api: ['auth', 'request', 'response', 'settings'], require: 'undefined', process: 'undefined', frozen: true });
      await expect(page.getByRole('heading', { name: 'Sign in to Humanity' })).toBeVisible();
      const opened = await page.evaluate(() => window.open('https://example.com') === null);
      expect(opened).toBe(true);
    } finally {
      await app.close();
    }
  });

  test('safeStorage answers through the async API', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'hae-electron-'))}`] });
    try {
      const roundTrip = await app.evaluate(async ({ safeStorage }) => {
        if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable';
        const sealed = await safeStorage.encryptStringAsync('probe');
        return (await safeStorage.decryptStringAsync(sealed)).result;
      });
      expect(['probe', 'unavailable']).toContain(roundTrip);
    } finally {
      await app.close();
    }
  });
});
