// launchApp: the built renderer in Chromium, wired to a fresh main-side core in this process.
// Only the IPC hop is replaced: the real preload bundle runs in the page over a DevTools binding
// (page-ipc.ts), and every call goes through the core's real router (sender check, validation).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createAppCore, type AppCore } from '../../src-main/app-core';
import { createSenderCheck } from '../../src-main/ipc/router';
import { createAppFileServer } from '../../src-main/security/app-scheme';
import { startSandbox, SANDBOX_DEMO, type SandboxOptions, type SandboxServer } from '../../src-main/sandbox/server';
import { createFakeSafeStorage, type FakeSafeStorageOptions } from '../../src-main/testing/fake-safe-storage';
import { testCoreDeps } from '../../src-main/testing/core-deps';
import type { NativeDialogs } from '../../src-main/ports/native';
import { COMMAND_EVENT, type AppCommand } from '../../src-main/shared/channels';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { PAGE_INVOKE_SOURCE, servePageIpc } from './page-ipc';

const OUT = resolve(import.meta.dirname, '../../out');
const RENDERER_DIR = join(OUT, 'renderer');
const RENDERER_FILE = join(RENDERER_DIR, 'index.html');
// The app serves the page as app://bundle/index.html (src-main/security/app-scheme.ts). Chromium
// hands a scheme it does not know to the OS instead of the network, so Playwright cannot route
// app://; the harness serves the same files through the same function from an https origin that
// never resolves, routed below. What matters is the same: a page with its own origin, which
// the CSP's 'self' and the sender check name, not file://.
const HARNESS_ORIGIN = 'https://app.humanity-api-explorer.invalid';
const HARNESS_PAGE_URL = `${HARNESS_ORIGIN}/index.html`;
const PRELOAD_FILE = join(OUT, 'preload/index.cjs');
const EMIT = '__humanityExplorerEmit';

export interface LaunchOptions {
  /** Reuse a folder to restart the app on the same data; a fresh temp folder by default. */
  userDataDir?: string;
  /** The OS key store as the vault sees it; protected (gnome_libsecret) by default. */
  keyStore?: Omit<FakeSafeStorageOptions, 'key'>;
  /** Options for the sandbox that "Try the sandbox" starts. */
  sandbox?: SandboxOptions;
  /** Starts a second sandbox with these options (other credentials, so other data), for a second account. */
  secondSandbox?: SandboxOptions;
  viewport?: { width: number; height: number };
  /** Replaces the native open/save dialogs; by default both act as if the user cancelled. */
  dialogs?: Partial<NativeDialogs>;
  /** Holds the body worker's heap small, so that parsing a big answer runs it out of memory. */
  bodyWorkerHeapMB?: number;
}

export interface IpcRecord {
  channel: string;
  input: unknown;
  output: unknown;
}

export interface LaunchedApp {
  page: Page;
  core: AppCore;
  userDataDir: string;
  /** Every call the renderer made and every value it received. */
  ipc: IpcRecord[];
  /** Console messages and page errors, as text. */
  console: string[];
  /** Everything the app wrote to the clipboard. */
  clipboard: string[];
  /** Sends a menu command to the page, as main does from the application menu. */
  sendCommand(command: AppCommand): Promise<void>;
  /** The sandbox server once "Try the sandbox" started it. */
  sandbox(): SandboxServer | null;
  /** The second sandbox when `secondSandbox` was given. */
  secondSandbox: SandboxServer | null;
  close(): Promise<void>;
}

export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  if (!existsSync(RENDERER_FILE) || !existsSync(PRELOAD_FILE)) {
    throw new Error('The app is not built: run `npx electron-vite build` first (npm test does).');
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'hae-e2e-'));
  let sandbox: SandboxServer | null = null;
  // Main's events reach the page once it exists (webContents.send in the app).
  let emitToPage: (command: AppCommand) => Promise<void> = async () => undefined;

  const { deps, clipboard } = testCoreDeps({
    userDataDir,
    keyStore: { ...options.keyStore, key: keyFor(userDataDir) },
    dialogs: options.dialogs,
    bodyWorkerHeapMB: options.bodyWorkerHeapMB,
    startSandbox: async () => {
      sandbox = await startSandbox(options.sandbox);
      const server = sandbox;
      return {
        credentials: {
          host: server.url,
          appId: options.sandbox?.clientId ?? SANDBOX_DEMO.clientId,
          appSecret: options.sandbox?.clientSecret ?? SANDBOX_DEMO.clientSecret,
          username: options.sandbox?.username ?? SANDBOX_DEMO.username,
          password: options.sandbox?.password ?? SANDBOX_DEMO.password,
        },
        close: () => server.close(),
      };
    },
    isTrustedSender: createSenderCheck(HARNESS_PAGE_URL),
    notifyPage: (command) => void emitToPage(command).catch(() => undefined),
  });
  const core = await createAppCore(deps);
  const secondSandbox = options.secondSandbox ? await startSandbox(options.secondSandbox) : null;

  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 820 } });
    const serve = createAppFileServer(RENDERER_DIR, HARNESS_ORIGIN);
    await context.route(`${HARNESS_ORIGIN}/**`, async (route) => {
      const response = await serve({ method: route.request().method(), url: route.request().url() });
      await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
    });
    const page = await context.newPage();
    // A slower renderer shakes out races that a CI machine under load meets (README, Tests).
    const slowdown = Number(process.env.E2E_CPU_SLOWDOWN ?? 1);
    if (slowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    const ipc: IpcRecord[] = [];
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));

    const pageIpc = await servePageIpc(
      page,
      async (channel, sender, input) => {
        const output = await core.dispatch(channel, sender, input);
        ipc.push({ channel, input, output });
        return output;
      },
      (message) => consoleLines.push(`pageerror: ${message}`),
    );
    await page.addInitScript({ content: preloadShim(readFileSync(PRELOAD_FILE, 'utf8')) });
    await page.goto(HARNESS_PAGE_URL);

    const opened = browser;
    emitToPage = (command) => pageIpc.callInMainFrame(`function (channel, payload) { window.${EMIT}(channel, payload); }`, [COMMAND_EVENT, command]);
    return {
      page,
      core,
      userDataDir,
      ipc,
      console: consoleLines,
      clipboard,
      sandbox: () => sandbox,
      secondSandbox,
      sendCommand: (command) => emitToPage(command),
      async close() {
        await opened.close();
        await core.dispose();
        await secondSandbox?.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await core.dispose();
    await secondSandbox?.close();
    throw error;
  }
}

/** Runs the real preload bundle with an `electron` module whose IPC is the harness's (page-ipc.ts). */
function preloadShim(preloadSource: string): string {
  return `(() => {
  const invoke = ${PAGE_INVOKE_SOURCE};
  const electron = {
    contextBridge: {
      exposeInMainWorld(name, value) {
        Object.defineProperty(window, name, { value, writable: false, configurable: false, enumerable: true });
      },
    },
    ipcRenderer: {
      invoke,
      on: (channel, handler) => { (listeners[channel] ??= new Set()).add(handler); },
      removeListener: (channel, handler) => { listeners[channel]?.delete(handler); },
    },
  };
  // Stands in for main's webContents.send: launchApp's sendCommand calls it.
  const listeners = {};
  Object.defineProperty(window, ${JSON.stringify(EMIT)}, { value: (channel, payload) => { for (const h of listeners[channel] ?? []) h({}, payload); } });
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('The sandboxed preload may only require electron, not ' + name);
  };
  const module = { exports: {} };
  (function (module, exports, require) {
${preloadSource}
  })(module, module.exports, require);
})();`;
}

/** The fake OS key for a user-data folder, kept beside it so a restart can decrypt. */
function keyFor(userDataDir: string): Buffer {
  const file = `${userDataDir.replace(/\/+$/, '')}.test-os-key`;
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8'), 'hex');
  const key = createFakeSafeStorage().key;
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
