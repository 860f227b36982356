// The composition root as built: out/main/index.js started in a child Node process on a recording
// stand-in for `electron` (src-main/testing/electron-stand-in/, through a module-resolution hook
// that stays in that process), driven as Electron and the window would drive it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_PAGE_URL, APP_SCHEME } from './security/app-scheme';
import { listChannels } from './shared/contract';
import { readWorkbook } from './testing/read-workbook';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'out');
const bundle = join(out, 'main/index.js');
const driver = join(import.meta.dirname, 'testing/electron-stand-in/drive-main.mjs');
const FOREIGN_FRAMES = [
  { url: 'https://evil.example/', parent: null },
  { url: APP_PAGE_URL, parent: { url: APP_PAGE_URL } },
  // Where the page used to live: no longer trusted.
  { url: `file://${join(out, 'renderer/index.html')}`, parent: null },
];

interface Answer {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: { code: string };
}
interface Report {
  beforeReady: { calls: Array<{ name: string }>; privilegedSchemes: unknown[] };
  calls: Array<{ name: string; ready: boolean }>;
  handledSchemes: string[];
  probes: Array<{ url: string; status: number; type: string; bytes: number }>;
  windows: Array<{ options: { webPreferences: Record<string, unknown> }; loaded: unknown[] }>;
  guards: Record<string, unknown>;
  permissions: { request: boolean | null; check: boolean };
  ipcChannels: string[];
  proxied: { answer: Answer & { error?: { message?: string } }; questions: string[] };
  ipc: { appInfo: Answer; signIn: Answer; sent: Answer; tree: Answer | null; foreign: Array<{ frame: unknown; answer: Answer }>; xlsx: Answer };
  quit: { prevented: boolean; sandboxAnswersAfterQuit: boolean | null };
}

const PROBES = {
  page: APP_PAGE_URL,
  // Both name real files (out/main/index.js, the project's package.json) outside out/renderer.
  traversalToMain: `${APP_ORIGIN}/..%2fmain%2findex.js`,
  traversalToProject: `${APP_ORIGIN}/..%2f..%2fpackage.json`,
  otherHost: `${APP_SCHEME}://other/index.html`,
};

let report: Report;
/** The module script the built page loads, e.g. assets/index-abc.js. */
let script: string;

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` builds here when the bundle is missing or older
  // than a main-side source, so the test never passes on a stale bundle.
  if (!existsSync(bundle) || newestSourceMs(join(root, 'src-main')) > statSync(bundle).mtimeMs) {
    execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
  }
  script = readFileSync(join(out, 'renderer/index.html'), 'utf8').match(/src="\.\/(assets\/[^"]+\.js)"/)![1]!;
  const probeUrls = [...Object.values(PROBES), `${APP_ORIGIN}/${script}`];
  const options = { bundle, userData: mkdtempSync(join(tmpdir(), 'hae-composition-')), pageUrl: APP_PAGE_URL, probeUrls, foreignFrames: FOREIGN_FRAMES };
  const stdout = execFileSync(process.execPath, [driver, JSON.stringify(options)], { encoding: 'utf8', timeout: 20_000 });
  const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`The driver printed no report:\n${stdout}`);
  report = JSON.parse(line.slice('REPORT '.length)) as Report;
}, 60_000);

function newestSourceMs(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return newestSourceMs(path);
      return /\.(ts|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? statSync(path).mtimeMs : 0;
    }),
  );
}

const probe = (url: string) => report.probes.find((p) => p.url === url)!;

describe('the composition root (out/main/index.js on a recording electron)', () => {
  it('registers the app scheme as privileged before ready, and serves the built page and its script from it', () => {
    expect(report.beforeReady.privilegedSchemes).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(report.handledSchemes).toEqual([APP_SCHEME]);
    expect(probe(PROBES.page)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', bytes: statSync(join(out, 'renderer/index.html')).size });
    expect(probe(`${APP_ORIGIN}/${script}`)).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', bytes: statSync(join(out, 'renderer', script)).size });
  });

  it('answers 404 to paths that leave out/renderer and to another host', () => {
    for (const url of [PROBES.traversalToMain, PROBES.traversalToProject, PROBES.otherHost]) expect(probe(url), url).toMatchObject({ status: 404 });
  });

  it('enables the sandbox before ready and opens one window with hardened preferences, loading the page from the app scheme', () => {
    expect(report.beforeReady.calls.map((c) => c.name)).toContain('app.enableSandbox');
    expect(report.windows).toHaveLength(1);
    const [win] = report.windows;
    expect(win!.loaded).toEqual([{ url: APP_PAGE_URL }]);
    expect(win!.options.webPreferences).toMatchObject({
      preload: join(out, 'preload/index.cjs'),
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, disableBlinkFeatures: 'Auxclick',
    });
    expect(existsSync(join(out, 'preload/index.cjs'))).toBe(true);
  });

  it('guards the window: navigation, redirects and webviews prevented, new windows denied, permissions refused', () => {
    expect(report.guards).toEqual({ 'will-navigate': true, 'will-redirect': true, 'will-attach-webview': true, windowOpen: { action: 'deny' } });
    expect(report.permissions).toEqual({ request: false, check: false });
  });

  it('handles every channel of the contract, and nothing else', () => {
    expect([...report.ipcChannels].sort()).toEqual(listChannels().map(([name]) => name).sort());
  });

  it('writes an Excel workbook from the built bundle (exceljs as main loads it), through the save dialog', async () => {
    expect(report.ipc.xlsx, JSON.stringify(report.ipc.xlsx)).toMatchObject({ ok: true, data: { saved: true } });
    const { sheets } = await readWorkbook(report.ipc.xlsx.data!.path as string);
    expect(sheets.get('Rows')).toHaveLength((report.ipc.xlsx.data!.rows as number) + 1);
    expect(sheets.get('About')![0]).toEqual(['Request', 'GET /api/v2/employees']);
  });

  it('a call from the page goes through the real core: app info, sandbox sign-in, a request, its tree from the body worker', () => {
    expect(report.ipc.appInfo).toMatchObject({ ok: true, data: { name: 'Humanity API Explorer', version: '0.0.0-stand-in' } });
    expect(report.ipc.signIn).toMatchObject({ ok: true, data: { sandbox: true } });
    expect(report.ipc.sent).toMatchObject({ ok: true, data: { httpStatus: 200, outcome: 'Success' } });
    // The tree is answered by the worker main starts from out/main/body-worker.js.
    expect(existsSync(join(out, 'main/body-worker.js'))).toBe(true);
    expect(report.ipc.tree).toMatchObject({ ok: true });
    expect((report.ipc.tree!.data!.rows as unknown[])[0]).toMatchObject({ path: '', kind: 'object', expanded: true });
  });

  it("asks Electron's session for the proxy of each non-loopback URL (Settings > Network, System) and takes it", () => {
    expect(report.proxied.questions).toEqual(['https://humanity-explorer.invalid/oauth2/token.php']);
    expect(report.proxied.answer).toMatchObject({ ok: false, error: { code: 'proxy_failed' } });
    expect(report.proxied.answer.error?.message).toContain('Could not reach the system proxy (http://127.0.0.1:1)');
  });

  it('refuses a foreign page, a subframe of ours, the old file:// page and a call without a frame', () => {
    expect(report.ipc.foreign.map((f) => f.frame)).toEqual([...FOREIGN_FRAMES, null]);
    for (const { frame, answer } of report.ipc.foreign) expect(answer, JSON.stringify(frame)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('quitting waits for dispose (which closes the sandbox), then quits', () => {
    expect(report.quit).toEqual({ prevented: true, sandboxAnswersAfterQuit: false });
    expect(report.calls.at(-1)).toEqual({ name: 'app.quit', ready: true });
  });
});
