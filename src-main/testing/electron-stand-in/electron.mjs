// A recording stand-in for Electron's main-process API: what out/main/index.js (and the real
// electron-store) use on the path drive-main.mjs drives, with what main wires up kept in
// `standIn`. It refuses what Electron refuses about timing: privileged schemes after ready,
// protocol handlers before it, and a second handler for one IPC channel.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

let markReady;
const whenReady = new Promise((resolve) => (markReady = resolve));

export const standIn = {
  /** Set by the driver before the bundle loads: app.getPath('userData'). */
  userData: '',
  ready: false,
  /** What was called, in order, and whether the app was ready then. */
  calls: [],
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  permissionHandlers: { request: null, check: null },
  windows: [],
  /** URLs main asked the session's proxy about (Settings > Network, System). */
  proxyQuestions: [],
  becomeReady() {
    standIn.ready = true;
    markReady();
  },
};

const record = (name) => standIn.calls.push({ name, ready: standIn.ready });

class App extends EventEmitter {
  requestSingleInstanceLock() {
    return true;
  }
  enableSandbox() {
    record('app.enableSandbox');
  }
  whenReady() {
    return whenReady;
  }
  getPath(name) {
    return name === 'userData' ? standIn.userData : join(standIn.userData, name);
  }
  getVersion() {
    return '0.0.0-stand-in';
  }
  quit() {
    record('app.quit');
  }
}
export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (standIn.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    record('protocol.registerSchemesAsPrivileged');
    standIn.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    if (!standIn.ready) throw new Error('protocol.handle can only be used after app is ready');
    record(`protocol.handle(${scheme})`);
    standIn.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      standIn.permissionHandlers.request = handler;
    },
    setPermissionCheckHandler(handler) {
      standIn.permissionHandlers.check = handler;
    },
    // A proxy on a closed loopback port: a request that takes it fails at once, without DNS.
    resolveProxy(url) {
      standIn.proxyQuestions.push(url);
      return Promise.resolve('PROXY 127.0.0.1:1; DIRECT');
    },
  },
};

export const ipcMain = {
  handle(channel, handler) {
    if (standIn.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    standIn.ipcHandlers.set(channel, handler);
  },
  // electron-store listens for its renderer helper; nothing here sends it.
  on() {},
};

class WebContents extends EventEmitter {
  windowOpenHandler = null;
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  loaded = [];
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    standIn.windows.push(this);
    // As in Electron: every new webContents is announced on app.
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.loaded.push({ url });
    return Promise.resolve();
  }
  // Recorded rather than missing, so that a return to file:// shows in the report.
  loadFile(file) {
    this.loaded.push({ file });
    return Promise.resolve();
  }
  /** The save dialog's owner; the stand-in's window is never focused. */
  static getFocusedWindow() {
    return null;
  }
}

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: () => record('Menu.setApplicationMenu'),
};
export const nativeTheme = { themeSource: 'system' };
// No protected key store: the vault keeps secrets in memory, as on Linux basic_text.
export const safeStorage = {
  isAsyncEncryptionAvailable: async () => false,
  getSelectedStorageBackend: () => 'basic_text',
};
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
// Imported by main, used only by dialogs, Copy and documentation links. The driver reaches one
// save dialog (an Excel export from the built bundle): it answers a file in the user-data folder.
export const clipboard = {};
export const dialog = {
  showSaveDialog: async () => {
    record('dialog.showSaveDialog');
    return { canceled: false, filePath: join(standIn.userData, 'export.xlsx') };
  },
};
export const shell = {};

export default { app, protocol, session, ipcMain, BrowserWindow, Menu, nativeTheme, safeStorage, screen, clipboard, dialog, shell };
