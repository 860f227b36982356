// The one BrowserWindow keeps its hardened preferences as literals (docs/architecture.md; the security checklist in the README).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const windowSource = readFileSync(join(import.meta.dirname, 'window.ts'), 'utf8');
const indexSource = readFileSync(join(import.meta.dirname, 'index.ts'), 'utf8');
const html = readFileSync(join(import.meta.dirname, '../src-renderer/index.html'), 'utf8');
const builderConfig = JSON.parse(readFileSync(join(import.meta.dirname, '../electron-builder.json'), 'utf8'));

describe('window hardening', () => {
  it.each([
    ['contextIsolation: true'],
    ['sandbox: true'],
    ['nodeIntegration: false'],
    ['webSecurity: true'],
    ['webviewTag: false'],
    ['allowRunningInsecureContent: false'],
  ])('webPreferences has %s', (literal) => {
    expect(windowSource).toContain(literal);
  });

  it('there is exactly one BrowserWindow and it denies navigation, redirects, webviews and window.open', () => {
    expect(windowSource.match(/new BrowserWindow\(/g)).toHaveLength(1);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) expect(windowSource).toContain(`'${event}', (event) => event.preventDefault()`);
    expect(windowSource).toMatch(/setWindowOpenHandler\([\s\S]*?action: 'deny'/);
  });

  it('the app enables the sandbox everywhere and denies every permission request and check', () => {
    expect(indexSource).toContain('app.enableSandbox()');
    expect(indexSource).toContain('setPermissionRequestHandler((_contents, _permission, callback) => callback(false))');
    expect(indexSource).toContain('setPermissionCheckHandler(() => false)');
    expect(indexSource).toContain("app.on('web-contents-created', (_event, contents) => guardContents(contents))");
  });

  it('the renderer page carries a strict CSP meta tag without inline script', () => {
    const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).toContain("frame-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // A meta CSP cannot carry it: Chromium ignores it there and logs a console error.
    expect(csp).not.toContain('frame-ancestors');
  });

  it('packages with the file protocol\'s extra privileges off: the page loads from the app scheme', () => {
    expect(builderConfig.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
    expect(windowSource).toContain('win.loadURL(pageUrl)');
    expect(windowSource).not.toContain('loadFile');
  });
});
