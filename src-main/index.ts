// Composition root: the only runtime importer of electron and electron-store.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, ipcMain, safeStorage, session } from 'electron';
import Store from 'electron-store';
import { createAppCore, type AppCore } from './app-core';
import { listChannels } from './shared/contract';
import { createSenderCheck } from './ipc/router';
import { startSandbox, SANDBOX_DEMO } from './sandbox/server';
import { createSafeStorageVault } from './vault/vault';
import { createMainWindow, guardContents } from './window';

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardContents(contents));

const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const preloadFile = join(import.meta.dirname, '../preload/index.cjs');
let core: AppCore | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  core = await createAppCore({
    userDataDir: app.getPath('userData'),
    createConf: (options) => new Store({ ...options, projectName: 'humanity-api-explorer' } as ConstructorParameters<typeof Store>[0]),
    vault: createSafeStorageVault(safeStorage, process.platform),
    startSandbox: async () => {
      const server = await startSandbox();
      return {
        credentials: { host: server.url, appId: SANDBOX_DEMO.clientId, appSecret: SANDBOX_DEMO.clientSecret, username: SANDBOX_DEMO.username, password: SANDBOX_DEMO.password },
        close: () => server.close(),
      };
    },
    isTrustedSender: createSenderCheck(pathToFileURL(rendererFile).href),
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
  });

  const dispatch = core.dispatch;
  for (const [channel] of listChannels()) {
    ipcMain.handle(channel, (event, input: unknown) =>
      dispatch(channel, { frameUrl: event.senderFrame?.url ?? null, isMainFrame: event.senderFrame?.parent === null }, input),
    );
  }

  createMainWindow(preloadFile, rendererFile);
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  void core?.dispose();
});

void start();
