// What only Electron can show: the page served by the app scheme with its CSP, window.api as the
// contract builds it, new windows and navigation refused by the real window, and a sign-in kept
// through a relaunch by the real safeStorage. Runs wherever an Electron binary is installed;
// skipped with the reason where it is not (our CI cannot download it).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { APP_PAGE_URL } from '../src-main/security/app-scheme';
import { CHANNELS } from '@shared/channels';
import { SANDBOX_DEMO, startSandbox } from '../src-main/sandbox/server';
import { signIn } from './support/sign-in';

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

const freshDataDir = () => mkdtempSync(join(tmpdir(), 'hae-electron-'));
const launch = (userDataDir: string) => electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${userDataDir}`] });
const cspOf = (html: string) => html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? null;
const setupHeading = (page: Page) => page.getByRole('heading', { name: 'Sign in to Humanity' });
const sessionBar = (page: Page) => page.getByLabel('Session', { exact: true });

/** Resolves with the directive the page reports violated once `act` runs in the page. */
function violationOf(page: Page, act: 'frame' | 'form'): Promise<string> {
  return page.evaluate(
    (kind) =>
      new Promise<string>((done) => {
        document.addEventListener('securitypolicyviolation', (event) => done(event.effectiveDirective), { once: true });
        if (kind === 'frame') {
          const frame = document.createElement('iframe');
          frame.src = 'https://example.com/';
          document.body.append(frame);
        } else {
          const form = document.createElement('form');
          form.action = 'https://example.com/';
          form.method = 'post';
          document.body.append(form);
          form.submit();
        }
      }),
    act,
  );
}

test.describe('in Electron', () => {
  test.skip(!binary, SKIP_REASON);
  let app: ElectronApplication | null = null;

  test.afterEach(async () => {
    await app?.close();
    app = null;
  });

  test('the page comes from the app scheme with its CSP, and window.api is the contract, frozen, without Node', async () => {
    app = await launch(freshDataDir());
    const page = await app.firstWindow();
    await expect(setupHeading(page)).toBeVisible();
    expect(page.url()).toBe(APP_PAGE_URL);

    const seen = await page.evaluate(() => {
      const api = (window as unknown as { api: Record<string, object> }).api;
      return {
        api: Object.fromEntries(Object.entries(api).map(([domain, group]) => [domain, Object.keys(group).sort()])),
        frozen: Object.isFrozen(api) && Object.values(api).every((group) => Object.isFrozen(group)),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
      };
    });
    const contract = Object.fromEntries(Object.entries(CHANNELS).map(([domain, verbs]) => [domain, [...verbs].sort()]));
    expect(seen).toEqual({
      api: { ...contract, events: ['onCommand'] },
      frozen: true,
      require: 'undefined',
      process: 'undefined',
      csp: cspOf(readFileSync(join(root, 'out/renderer/index.html'), 'utf8')),
    });
    for (const directive of ["form-action 'none'", "frame-src 'none'"]) expect(seen.csp).toContain(directive);
    // The policy is in force, not only written down.
    expect(await violationOf(page, 'frame')).toBe('frame-src');
    expect(await violationOf(page, 'form')).toBe('form-action');
    expect(page.url()).toBe(APP_PAGE_URL);
  });

  test('new windows and navigation away from the page are refused', async () => {
    app = await launch(freshDataDir());
    const page = await app.firstWindow();
    await expect(setupHeading(page)).toBeVisible();

    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    const navigated = page.waitForEvent('framenavigated', { timeout: 1500 }).then(
      () => true,
      () => false,
    );
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    expect(await navigated).toBe(false);
    expect(page.url()).toBe(APP_PAGE_URL);
    await expect(setupHeading(page)).toBeVisible();
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('a sign-in with Remember password is restored after a relaunch, through the real safeStorage', async () => {
    const sandbox = await startSandbox();
    const userDataDir = freshDataDir();
    try {
      app = await launch(userDataDir);
      let page = await app.firstWindow();
      await signIn(page, { host: sandbox.url, rememberPassword: true });
      const user = sessionBar(page).locator('.session-user');
      await expect(user).not.toBeEmpty();
      const shownUser = await user.textContent();
      // The session bar says where the tokens are kept: "Encrypted" only with a protected key store.
      const encrypted = await sessionBar(page).getByText('Encrypted', { exact: true }).isVisible();
      test.skip(!encrypted, 'Electron finds no protected key store here (safeStorage), so the app keeps the sign-in in memory only and a relaunch cannot restore it.');

      const stored = readFileSync(join(userDataDir, 'auth.json'), 'utf8');
      for (const secret of [SANDBOX_DEMO.clientSecret, SANDBOX_DEMO.password]) expect(stored).not.toContain(secret);
      await app.close();
      app = null;

      app = await launch(userDataDir);
      page = await app.firstWindow();
      await expect(sessionBar(page).locator('.session-user')).toHaveText(shownUser!);
      await expect(setupHeading(page)).toHaveCount(0);
    } finally {
      await sandbox.close();
    }
  });
});
