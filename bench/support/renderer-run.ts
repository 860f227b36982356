// The renderer's side of a bench run, shared by figures a, b and c: for each body size, a fresh
// app (the built renderer in Chromium through e2e/support/launch-app.ts: the real preload over a
// Playwright binding, a real main-side core in this process), signed in to a big-body host on its
// own thread (threaded-host.ts), and one session:
//   1. heap before, signed in and idle (CDP: HeapProfiler.collectGarbage, then
//      Performance.getMetrics JSHeapUsedSize);
//   2. warm-up requests: the 1 MB body, as any session has made before its big one, then
//      WARM_UP_SENDS of the size measured. The first sends of a page run while V8 still compiles
//      its hot code (the app's and Playwright's selector engine, on background threads that take a
//      core from main): 90 ms and more at 10 MB, against 50 once warm. Steady state is what is
//      compared with JSON.parse, which needs no warming;
//   3. SENDS × (a pause, as a user reads, in which the app's work on the last answer ends;
//      JSON.parse of the same bytes in a thread of this process (parse-baseline.ts); then click
//      Send → the first tree rows of the new response painted, timed in the page with
//      performance.now: from the click event to a task after the first animation frame that has
//      rows of the new response in the DOM);
//   4. heap after, with the last response shown and `data` open (same GC and metric);
//   5. scroll the tree to its end, expand all, Home, End, a text search for a value near the end
//      and a path search, each until main says done, with jumps to hits; collapse all;
//   6. the longest main-thread task the page saw from the first timed Send on (PerformanceObserver
//      'longtask', which reports tasks of 50 ms and more), leaving out the bench's own forced GC.
// The JSON.parse baseline (figure a) is measured in this process on the same bytes, each time just
// before a timed Send, so both meet the same load on a shared machine (the ratio of the medians is
// what is judged), and in a thread of its own, so its garbage is not the app's. Sessions run once
// per bench run, whichever figure asks first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { shiftsBodyBytes } from '../../src-main/testing/large-shifts';
import { launchApp, type LaunchedApp } from '../../e2e/support/launch-app';
import { median } from './figure';
import type { BenchContext } from './context';
import { startParseBaseline } from './parse-baseline';
import { startThreadedHost, type ThreadedHost } from './threaded-host';

const ALL_SIZES_MB = [1, 10, 50, 100];
/** BENCH_SIZES_MB=1,10 measures only those sizes (a quick look at one); all of them by default. */
export const SIZES_MB = pickSizes(process.env.BENCH_SIZES_MB);

function pickSizes(list: string | undefined): number[] {
  if (!list) return ALL_SIZES_MB;
  const picked = list.split(',').map(Number);
  const unknown = picked.filter((size) => !ALL_SIZES_MB.includes(size));
  if (unknown.length || !picked.length) throw new Error(`BENCH_SIZES_MB takes sizes from ${ALL_SIZES_MB.join(', ')}, got "${list}".`);
  return picked;
}
/**
 * Timed sends per size. Both sides vary from send to send on a shared 2-core machine (JSON.parse
 * of 10 MB took 55 to 139 ms in one run, as its thread's garbage collection fell): eleven, not
 * seven, keep one run's medians from resting on two or three unlucky samples.
 */
const SENDS = 11;
/** Sends of the size measured before the timed ones (step 2 above). */
const WARM_UP_SENDS = 2;
/**
 * Before each baseline parse and Send: the app is idle again (the last answer's parse and
 * history written), as it is when a person sends; the parse's thread settles for SETTLE_MS.
 */
const PAUSE_MS = 1500;
const SETTLE_MS = 200;
const MB = 1024 * 1024;
const ROOT = resolve(import.meta.dirname, '../..');

export interface SizeRun {
  mb: number;
  bodyBytes: number;
  /** Click on Send → first rows of the new response painted, per send, ms. */
  firstRowsMs: number[];
  /** JSON.parse(bytes.toString()) of the same bytes in Node, per run, ms. */
  parseMs: number[];
  heapBeforeBytes: number;
  heapAfterBytes: number;
  /** The longest task the page reported (≥ 50 ms), or 0 when none. */
  longestTaskMs: number;
  /** Every task the page reported, with the step it began in. */
  longTasks: LongTask[];
}

/** A task of 50 ms or more, and the bench step (a performance mark of the page's) it began in. */
export interface LongTask {
  ms: number;
  during: string;
}

let runs: Promise<SizeRun[]> | null = null;

/** The sessions of this bench run (measured on first call). */
export function rendererRuns(context: BenchContext): Promise<SizeRun[]> {
  runs ??= measureAll(context);
  return runs;
}

async function measureAll(context: BenchContext): Promise<SizeRun[]> {
  ensureBuilt();
  // Every body is made before anything is measured, and what making them left is collected: the
  // app's main side runs in this process, and should not pay for the bench's own garbage.
  for (const mb of SIZES_MB) context.shiftsBody(mb);
  context.collectGarbage();
  const host = await startThreadedHost(new Map(SIZES_MB.map((mb) => [mb, context.shiftsBody(mb)])));
  try {
    const out: SizeRun[] = [];
    for (const mb of SIZES_MB) out.push(await measureSize(context, host, mb));
    return out;
  } finally {
    await host.close();
  }
}

/** Builds the app when the renderer sources are newer than the built renderer (or it is missing). */
export function ensureBuilt(): void {
  const built = join(ROOT, 'out/renderer/index.html');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const path = join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  const sources = Math.max(newest(join(ROOT, 'src-renderer')), newest(join(ROOT, 'src-main/preload')), newest(join(ROOT, 'src-main/shared')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const result = spawnSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`The app does not build: ${(result.stderr || result.stdout).slice(-2000)}`);
}

/** A fresh app signed in to `host` (the threaded host's token endpoint), its page reloaded and ready. */
export async function signedInApp(context: BenchContext, host: ThreadedHost): Promise<LaunchedApp> {
  const app = await launchApp({ userDataDir: context.tempDir(), viewport: { width: 1400, height: 900 } });
  try {
    const { page, core } = app;
    const login = await core.dispatch(
      'auth:login',
      { frameUrl: page.url(), isMainFrame: true },
      { host: host.url, appId: 'bench-app', appSecret: 'bench-secret', username: 'bench@example.com', password: 'bench-password', redirectUri: '', rememberPassword: false },
    );
    if (!(login as { ok: boolean }).ok) throw new Error(`Sign-in for the bench failed: ${JSON.stringify(login)}`);
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}

async function measureSize(context: BenchContext, host: ThreadedHost, mb: number): Promise<SizeRun> {
  const body = context.shiftsBody(mb);
  const bytes = shiftsBodyBytes(body, 'threaded-access-token');
  const parseMs: number[] = [];
  const baseline = startParseBaseline();
  const app = await signedInApp(context, host);
  try {
    const { page } = app;
    const path = page.getByLabel('Path');

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'JSHeapUsedSize')!.value;
    };
    const heapBeforeBytes = await heap();

    await path.fill('shifts-1');
    await timeFirstRows(page);
    await path.fill(`shifts-${mb}`);
    for (let send = 0; send < WARM_UP_SENDS; send += 1) {
      await page.waitForTimeout(PAUSE_MS);
      await timeFirstRows(page);
    }
    await page.evaluate(LONG_TASKS_SCRIPT);

    const firstRowsMs: number[] = [];
    for (let send = 0; send < SENDS; send += 1) {
      await page.waitForTimeout(PAUSE_MS);
      parseMs.push(await baseline.time(bytes));
      await page.waitForTimeout(SETTLE_MS);
      firstRowsMs.push(await timeFirstRows(page));
    }
    // Shown: `data` opened and its rows in.
    const tree = page.getByRole('tree', { name: 'Response body' });
    await tree.getByRole('treeitem').filter({ hasText: /^0:/ }).first().waitFor();
    await page.waitForTimeout(500);
    await markStep(page, 'idle, data open');
    const gcFrom = await page.evaluate<number>('performance.now()');
    const heapAfterBytes = await heap();
    const gcTo = await page.evaluate<number>('performance.now()');

    await exercise(page, body.lastShiftId, body.shifts);
    await page.waitForTimeout(300);
    const entries = await page.evaluate<Array<{ start: number; duration: number }>>('window.__benchLongTasks');
    const steps = await page.evaluate<Array<{ name: string; at: number }>>(STEPS_SCRIPT);
    // The bench's own forced GC is no task of the app's.
    const tasks = entries
      .filter(({ start, duration }) => start + duration < gcFrom || start > gcTo)
      .map(({ start, duration }) => ({ ms: duration, during: steps.findLast((step) => step.at <= start)?.name ?? 'before the first send' }));
    return {
      mb,
      bodyBytes: bytes.length,
      firstRowsMs,
      parseMs,
      heapBeforeBytes,
      heapAfterBytes,
      longestTaskMs: Math.max(0, ...tasks.map(({ ms }) => ms)),
      longTasks: tasks,
    };
  } finally {
    await app.close();
    await baseline.close();
  }
}

// In-page scripts are strings: tsx compiles functions with name helpers the page does not have.
export const LONG_TASKS_SCRIPT = `
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
`;

/** The page's bench steps, in order: performance marks named `bench: …`. */
const STEPS_SCRIPT = `performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('bench: ')).map((mark) => ({ name: mark.name.slice(7), at: mark.startTime }))`;

/** Marks the start of a bench step in the page's timeline, to tell which step a long task fell in. */
const markStep = (page: Page, step: string) => page.evaluate(`performance.mark(${JSON.stringify(`bench: ${step}`)})`);

const FIRST_ROWS_SCRIPT = `(() => {
  let painted;
  window.__bench = { t0: 0, t1: 0, painted: new Promise((resolve) => (painted = resolve)) };
  const earlier = new Set(document.querySelectorAll('[role="tree"]'));
  const onClick = (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button || button.textContent.trim() !== 'Send') return;
    window.__bench.t0 = performance.now();
    document.removeEventListener('click', onClick, true);
  };
  document.addEventListener('click', onClick, true);
  const observer = new MutationObserver(() => {
    const fresh = [...document.querySelectorAll('[role="tree"]')].find((tree) => !earlier.has(tree));
    if (!fresh || !fresh.querySelector('[role="treeitem"]:not([aria-busy])')) return;
    observer.disconnect();
    // The frame that shows the rows, then a task after its paint.
    requestAnimationFrame(() => setTimeout(() => { window.__bench.t1 = performance.now(); performance.mark('bench: after first rows'); painted(); }, 0));
  });
  observer.observe(document.body, { childList: true, subtree: true });
})()`;

const FRAME_MS = 1000 / 60;
/** Sends so far, for the moment in a frame of the next click (clickSend). */
let clicks = 0;

/**
 * Clicks Send (found by its role and name) as a person's click lands: at any moment of a frame,
 * focusing the button as the press does, then the click. Not Playwright's click, which waits for
 * the button to stand still over two animation frames: every click of a run then landed at the
 * same moment of a frame, so whether an answer made the next frame or the one after was decided
 * once per run, not per send, and a run's median jumped by most of a frame from one run to the
 * next (figure h: bare + 11.6 and + 18.9 ms in two runs of the same build; figure a at 1 MB + 21
 * and + 41 ms). Nor do its checks that the click hit the button then run beside the request, in
 * the page and in this process, which is also the app's main process here. The moments step
 * through the frame by the golden ratio, the same in every run.
 */
async function clickSend(page: Page): Promise<void> {
  const send = await page.getByRole('button', { name: 'Send' }).elementHandle();
  if (!send) throw new Error('The Send button is not there.');
  clicks += 1;
  const wait = ((clicks * 0.618034) % 1) * FRAME_MS;
  await send.evaluate((button, ms) => requestAnimationFrame(() => setTimeout(() => ((button as HTMLElement).focus(), (button as HTMLElement).click()), ms)), wait);
  await send.dispose();
}

/** Clicks Send and resolves with the ms from the click to the first painted rows of the new tree. */
export async function timeFirstRows(page: Page): Promise<number> {
  await page.evaluate(FIRST_ROWS_SCRIPT);
  await markStep(page, 'Send until first rows');
  await clickSend(page);
  // Waits on the page's own promise rather than polling it: the bench must not load the machine
  // while it measures. A function, not a string: the page's CSP forbids evaluating strings (no
  // inner named functions, so tsx adds no helper to it).
  await page.evaluate(() => (window as unknown as { __bench: { painted: Promise<void> } }).__bench.painted);
  return page.evaluate<number>('window.__bench.t1 - window.__bench.t0');
}

/** Scroll to the end, expand all and go to the end, a text search and a path search with jumps. */
async function exercise(page: Page, lastShiftId: number, shifts: number): Promise<void> {
  const tree = page.getByRole('tree', { name: 'Response body' });
  const rows = tree.getByRole('treeitem');
  const long = { timeout: 120_000 };
  await markStep(page, 'scroll to end');
  await rows.first().focus();
  await page.keyboard.press('End');
  await rows.filter({ hasText: new RegExp(`^${shifts - 1}:`) }).waitFor(long);

  await markStep(page, 'expand all');
  await page.getByRole('button', { name: 'Expand all' }).click();
  await rows.first().focus();
  await page.keyboard.press('Home');
  await rows.filter({ hasText: /^start_date:/ }).first().waitFor(long);
  await page.keyboard.press('End');
  await rows.filter({ hasText: /^lon:/ }).last().waitFor(long);

  await markStep(page, 'text search');
  const box = page.getByRole('searchbox', { name: 'Search response' });
  const status = page.getByRole('status').filter({ hasText: /hits?\b/ });
  await box.fill(String(lastShiftId));
  await box.press('Enter');
  await status.filter({ hasText: /^1 hit$/ }).waitFor(long);
  await box.press('Enter');
  await tree.locator('[aria-current="true"]').filter({ hasText: String(lastShiftId) }).waitFor(long);

  await markStep(page, 'path search');
  await page.getByLabel('Search by').selectOption('path');
  await box.fill('data[*].employees[*].name');
  await box.press('Enter');
  await status.filter({ hasText: /^[\d,]+\+? hits?( \(|$)/ }).waitFor(long);
  await page.getByRole('listbox', { name: 'Search hits' }).getByRole('option').nth(2).click();
  await tree.locator('[aria-current="true"]').filter({ hasText: /^name:/ }).waitFor(long);
  await markStep(page, 'collapse all');
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await page.waitForTimeout(300);
}

export const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
export { median };
