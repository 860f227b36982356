// The window's page comes from app://bundle/, served from the built files in out/renderer, not
// from file:// — so Electron's GrantFileProtocolExtraPrivileges fuse can stay off and the page
// has a real origin of its own for the CSP's 'self' and the IPC sender check. index.ts registers
// the scheme and hands its requests to createAppFileServer; the e2e harness serves the same files
// through the same function (e2e/support/launch-app.ts).
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

// What the build emits; anything else is not served. Module scripts need a JavaScript type.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The content type a file is served with, or null when files of its kind are not served. */
export function contentTypeOf(file: string): string | null {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? null;
}

/**
 * The file under `root` that `url` names, or null: another origin (or user, port), an
 * undecodable path, one that leaves `root` (also `%2f`- or `%5c`-encoded), or a kind not served.
 */
export function resolveAppFile(root: string, origin: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // href, not origin: Node gives non-http schemes the origin "null", and href keeps any user or port.
  if (!parsed.href.startsWith(`${origin}/`)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  const inside = relative(base, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return contentTypeOf(file) ? file : null;
}

export type AppFileServer = (request: { method: string; url: string }) => Promise<Response>;

/** Answers GET requests for files under `root` on `origin`; everything else is a 404. */
export function createAppFileServer(root: string, origin: string): AppFileServer {
  return async ({ method, url }) => {
    const file = method === 'GET' ? resolveAppFile(root, origin, url) : null;
    // A folder or a missing file fails to read: the same 404 as a refused path.
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    return new Response(body, { status: 200, headers: { 'content-type': contentTypeOf(file)! } });
  };
}
