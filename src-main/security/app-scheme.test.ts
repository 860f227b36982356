// The app scheme serves the built renderer and nothing else: every refused URL names a real file
// outside the folder where it can, so a resolver that let it through would be caught.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_PAGE_URL, contentTypeOf, createAppFileServer, resolveAppFile } from './app-scheme';

const parent = mkdtempSync(join(tmpdir(), 'hae-app-scheme-'));
const root = join(parent, 'renderer');
const files = {
  'renderer/index.html': '<!doctype html><title>app</title>',
  'renderer/assets/index-1.js': 'export {};',
  'renderer/assets/index-1.css': 'body{}',
  'renderer/notes.txt': 'not a kind the build emits',
  'secret.html': 'outside the renderer folder',
  'renderer-evil/index.html': 'a sibling whose name starts like the root',
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(parent, name, '..'), { recursive: true });
  writeFileSync(join(parent, name), text);
}
mkdirSync(join(root, 'folder.js'));

describe('resolveAppFile', () => {
  it('maps the page and its assets to files under the root, ignoring query and fragment', () => {
    expect(resolveAppFile(root, APP_ORIGIN, APP_PAGE_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, APP_ORIGIN, `${APP_ORIGIN}/assets/index-1.js?v=1#x`)).toBe(join(root, 'assets/index-1.js'));
    expect(resolveAppFile(root, 'https://app.test', 'https://app.test/assets/index-1.css')).toBe(join(root, 'assets/index-1.css'));
  });

  it.each([
    ['another host of the scheme', 'app://other/index.html'],
    ['another scheme', 'https://bundle/index.html'],
    ['a user in the URL', 'app://user@bundle/index.html'],
    ['a port', 'app://bundle:81/index.html'],
    ['a lookalike host', 'app://bundle.evil/index.html'],
    ['an encoded ../', `${APP_ORIGIN}/..%2fsecret.html`],
    ['encoded dots and slash', `${APP_ORIGIN}/%2e%2e%2fsecret.html`],
    ['an encoded backslash', `${APP_ORIGIN}/..%5csecret.html`],
    ['a sibling folder that starts like the root', `${APP_ORIGIN}/..%2frenderer-evil%2findex.html`],
    ['a NUL byte', `${APP_ORIGIN}/index.html%00.js`],
    ['a malformed escape', `${APP_ORIGIN}/%E0%A4%A.html`],
    ['a kind of file the build does not emit', `${APP_ORIGIN}/notes.txt`],
    ['the root folder itself', `${APP_ORIGIN}/`],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppFile(root, APP_ORIGIN, url)).toBeNull();
  });

  it('reads an encoded absolute path as a path under the root, not as the file it names', () => {
    const outside = join(parent, 'secret.html');
    expect(resolveAppFile(root, APP_ORIGIN, `${APP_ORIGIN}/${encodeURIComponent(outside)}`)).toBe(join(root, outside));
  });

  it('stands apart from the harness stand-in origin and vice versa', () => {
    expect(resolveAppFile(root, 'https://app.test', APP_PAGE_URL)).toBeNull();
    expect(resolveAppFile(root, APP_ORIGIN, 'https://app.test/index.html')).toBeNull();
    expect(resolveAppFile(root, 'https://app.test', 'https://app.test.evil.example/index.html')).toBeNull();
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['A.CSS', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['notes.txt', null],
    ['no-extension', null],
  ])('%s is served as %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});

describe('createAppFileServer', () => {
  const serve = createAppFileServer(root, APP_ORIGIN);

  it('answers the page and a module script with their bytes and types', async () => {
    const page = await serve(new Request(APP_PAGE_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe(readFileSync(join(root, 'index.html'), 'utf8'));
    const script = await serve(new Request(`${APP_ORIGIN}/assets/index-1.js`));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
  });

  it.each([
    ['an encoded traversal to a real file', 'GET', `${APP_ORIGIN}/..%2fsecret.html`],
    ['a dot-dot path (normalised by the URL parser to a file that is not there)', 'GET', `${APP_ORIGIN}/../secret.html`],
    ['a missing file', 'GET', `${APP_ORIGIN}/assets/missing.js`],
    ['a folder', 'GET', `${APP_ORIGIN}/folder.js`],
    ['another method', 'POST', APP_PAGE_URL],
    ['another origin', 'GET', 'app://other/index.html'],
    ['an encoded absolute path to a real file', 'GET', `${APP_ORIGIN}/${encodeURIComponent(join(parent, 'secret.html'))}`],
  ])('answers 404 to %s', async (_label, method, url) => {
    const response = await serve(new Request(url, { method }));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });
});
