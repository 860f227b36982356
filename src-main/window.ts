// The one BrowserWindow, with literal hardened webPreferences and navigation guards.
import { BrowserWindow, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from './security/external-links';
import type { Bounds } from './window-state/window-bounds';

export function createMainWindow(preloadPath: string, pageUrl: string, bounds: Partial<Bounds> & { width: number; height: number }): BrowserWindow {
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Humanity API Explorer',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(pageUrl);
  return win;
}

/** The one place that calls shell.openExternal: https links to known documentation hosts only. */
export function openDocumentation(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

/** Applied to every webContents the app creates (see index.ts). */
export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to Humanity's documentation open in the system browser; nothing opens in the app.
    openDocumentation(url);
    return { action: 'deny' };
  });
}
