// Composition root: the only runtime importer of electron and electron-store.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeTheme, protocol, safeStorage, screen, session } from 'electron';
import Store from 'electron-store';
import { createAppCore, type AppCore } from './app-core';
import { listChannels } from './shared/contract';
import { createSenderCheck } from './ipc/router';
import { startSandbox, SANDBOX_DEMO } from './sandbox/server';
import { createSafeStorageVault } from './vault/vault';
import { createMainWindow, guardContents, openDocumentation } from './window';
import { APP_ORIGIN, APP_PAGE_URL, APP_SCHEME, createAppFileServer } from './security/app-scheme';
import { buildMenuTemplate } from './menu/menu-template';
import { COMMAND_EVENT } from './shared/channels';
import { restoreBounds, type Bounds } from './window-state/window-bounds';

// One running app: a second start focuses the first window instead.
if (!app.requestSingleInstanceLock()) app.exit(0);
app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win?.isMinimized()) win.restore();
  win?.focus();
});

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardContents(contents));
// The page's own origin (security/app-scheme.ts), granted before ready as Electron requires:
// standard (an origin and relative URLs), secure (a secure context, as https), fetch support.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererDir = join(import.meta.dirname, '../renderer');
const preloadFile = join(import.meta.dirname, '../preload/index.cjs');
// Built beside index.js from src-main/response/worker/body-worker.ts (electron.vite.config.ts).
const bodyWorkerFile = join(import.meta.dirname, 'body-worker.js');
let core: AppCore | null = null;
let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, createAppFileServer(rendererDir, APP_ORIGIN));

  core = await createAppCore({
    userDataDir: app.getPath('userData'),
    createConf: (options) => new Store({ ...options, projectName: 'humanity-api-explorer' } as ConstructorParameters<typeof Store>[0]),
    vault: createSafeStorageVault(safeStorage, process.platform),
    // Settings > Network "System": Chromium's answer for each URL (PAC, WPAD, the OS settings).
    systemProxy: { resolveProxy: (url) => session.defaultSession.resolveProxy(url) },
    startSandbox: async () => {
      const server = await startSandbox();
      return {
        credentials: { host: server.url, appId: SANDBOX_DEMO.clientId, appSecret: SANDBOX_DEMO.clientSecret, username: SANDBOX_DEMO.username, password: SANDBOX_DEMO.password },
        close: () => server.close(),
      };
    },
    isTrustedSender: createSenderCheck(APP_PAGE_URL),
    appVersion: app.getVersion(),
    dialogs: {
      async saveFile({ title, defaultName, filters }) {
        const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters };
        const owner = BrowserWindow.getFocusedWindow();
        const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      async openFile({ title, filters }) {
        const options = { title, filters, properties: ['openFile' as const] };
        const owner = BrowserWindow.getFocusedWindow();
        const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    },
    clipboard: { writeText: (text) => clipboard.writeText(text) },
    log: (level, message) => (level === 'error' ? console.error(message) : console.log(message)),
    createBodyWorker: () => new Worker(bodyWorkerFile),
    onSettingsChanged: (settings) => {
      nativeTheme.themeSource = settings.theme;
    },
    notifyPage: (command) => mainWindow?.webContents.send(COMMAND_EVENT, command),
  });

  const dispatch = core.dispatch;
  for (const [channel] of listChannels()) {
    ipcMain.handle(channel, (event, input: unknown) =>
      dispatch(channel, { frameUrl: event.senderFrame?.url ?? null, isMainFrame: event.senderFrame?.parent === null }, input),
    );
  }

  const windowState = new Store<{ bounds: Bounds | null; maximized: boolean }>({ name: 'window-state', defaults: { bounds: null, maximized: false } });
  const win = createMainWindow(preloadFile, APP_PAGE_URL, restoreBounds(windowState.get('bounds'), screen.getAllDisplays().map((d) => d.workArea)));
  mainWindow = win;
  win.on('closed', () => {
    mainWindow = null;
  });
  if (windowState.get('maximized')) win.maximize();
  win.on('close', () => {
    windowState.set({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, {
        command: (command) => win.webContents.send(COMMAND_EVENT, command),
        openDocs: openDocumentation,
      }),
    ),
  );
}

app.on('window-all-closed', () => app.quit());
// Quitting waits once for dispose: pending history is saved and temporary body files are removed.
app.on('will-quit', (event) => {
  const closing = core;
  if (!closing) return;
  core = null;
  event.preventDefault();
  void closing.dispose().finally(() => app.quit());
});

void start();
