// The harness's IPC stand-in itself (support/page-ipc.ts), on a page of its own: every e2e spec
// trusts it to tell main who called, and to hand answers back as Electron's IPC would.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { chromium } from 'playwright-core';
import type { SenderInfo } from '../src-main/ipc/router';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium';
import { PAGE_INVOKE_SOURCE, servePageIpc, type PageCallHandler, type PageIpc } from './support/page-ipc';

const ORIGIN = 'https://ipc-harness.invalid';
const PAGES: Record<string, string> = {
  '/main.html': '<p>main</p><iframe src="/child.html"></iframe>',
  '/child.html': '<p>child</p>',
};

let browser: Browser | null = null;
test.afterEach(async () => {
  await browser?.close();
  browser = null;
});

type Call = { channel: string; sender: SenderInfo; input: unknown };

/** A page of two frames, each with `window.invoke` as the preload shim has it, answered by `handle`. */
async function openPage(handle: PageCallHandler): Promise<{ page: Page; calls: Call[]; ipc: PageIpc; pageErrors: string[] }> {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  await context.route(`${ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body: PAGES[new URL(route.request().url()).pathname] ?? '' }));
  const page = await context.newPage();
  const calls: Call[] = [];
  const pageErrors: string[] = [];
  const ipc = await servePageIpc(
    page,
    (channel, sender, input) => {
      calls.push({ channel, sender, input });
      return handle(channel, sender, input);
    },
    (message) => pageErrors.push(message),
  );
  await page.addInitScript({ content: `window.invoke = ${PAGE_INVOKE_SOURCE};` });
  await page.goto(`${ORIGIN}/main.html`);
  await page.frameLocator('iframe').getByText('child').waitFor();
  return { page, calls, ipc, pageErrors };
}

const invokeIn = (target: Page | ReturnType<Page['frames']>[number], channel: string, input: unknown) =>
  target.evaluate(([c, i]) => (window as unknown as { invoke(c: string, i: unknown): Promise<unknown> }).invoke(c, i), [channel, input] as const);

test('tells main which frame called, at the URL it is at when it calls', async () => {
  const { page, calls } = await openPage(async () => 'ok');
  await invokeIn(page, 'app:info', { n: 1 });
  await page.evaluate(() => history.pushState(null, '', '/moved.html#part'));
  await invokeIn(page, 'app:info', { n: 2 });
  const child = page.frames().find((frame) => frame !== page.mainFrame())!;
  await invokeIn(child, 'app:info', { n: 3 });
  expect(calls).toEqual([
    { channel: 'app:info', sender: { frameUrl: `${ORIGIN}/main.html`, isMainFrame: true }, input: { n: 1 } },
    { channel: 'app:info', sender: { frameUrl: `${ORIGIN}/moved.html#part`, isMainFrame: true }, input: { n: 2 } },
    { channel: 'app:info', sender: { frameUrl: `${ORIGIN}/child.html`, isMainFrame: false }, input: { n: 3 } },
  ]);
});

test('hands back what a structured clone keeps, each answer to its own caller, in any order', async () => {
  const { page } = await openPage(async (channel, _sender, input) => {
    // The first call is answered last.
    if (channel === 'slow') await new Promise((resolve) => setTimeout(resolve, 200));
    return { ok: true, data: { input, none: undefined, ratio: Number.NaN, sign: -0 } };
  });
  const answers = await page.evaluate(async () => {
    const { invoke } = window as unknown as { invoke(c: string, i: unknown): Promise<{ data: Record<string, unknown> }> };
    const [slow, quick] = await Promise.all([invoke('slow', 'first'), invoke('quick', 'second')]);
    const describe = ({ data }: { data: Record<string, unknown> }) => [data.input, 'none' in data, Number.isNaN(data.ratio), Object.is(data.sign, -0)];
    return [describe(slow), describe(quick)];
  });
  expect(answers).toEqual([
    ['first', true, true, true],
    ['second', true, true, true],
  ]);
});

test("rejects the call, as Electron's invoke does, when main's side throws or answers what it cannot carry", async () => {
  const { page } = await openPage(async (channel) => {
    if (channel === 'throws') throw new Error('boom');
    return { at: new Date(0) };
  });
  const failures = await page.evaluate(async () => {
    const { invoke } = window as unknown as { invoke(c: string, i: unknown): Promise<unknown> };
    const reason = (call: Promise<unknown>) => call.then(() => 'resolved', (error: Error) => error.message);
    return [await reason(invoke('throws', null)), await reason(invoke('dated', null))];
  });
  expect(failures).toEqual(["Error invoking remote method 'throws': Error: boom", "Error invoking remote method 'dated': Error: The e2e harness's IPC carries plain data only, not a Date."]);
});

test('carries the page\'s input as a clone would, and refuses, as Electron does, one it cannot carry', async () => {
  const { page, calls } = await openPage(async () => 'ok');
  const outcome = await page.evaluate(async () => {
    const { invoke } = window as unknown as { invoke(c: string, i: unknown): Promise<unknown> };
    await invoke('settings:update', { timeoutMs: undefined, ratio: Number.NaN, list: [1, undefined] });
    return invoke('settings:update', { when: new Date(0) }).then(
      () => 'sent',
      (error: Error) => error.message,
    );
  });
  expect(outcome).toBe("The e2e harness's IPC carries plain data only, not a Date.");
  expect(calls).toHaveLength(1);
  const input = calls[0]!.input as Record<string, unknown>;
  expect(Object.hasOwn(input, 'timeoutMs')).toBe(true);
  expect(Number.isNaN(input.ratio)).toBe(true);
  expect(input.list).toStrictEqual([1, undefined]);
});

test("main's events reach the page in order with its answers, and what fails on the page's side is told", async () => {
  // As main does on a refresh that fails inside a request: the event first, then the answer.
  const record = 'function (what) { window.heard.push(what); }';
  let ipc: PageIpc | null = null;
  const opened = await openPage(async (channel) => {
    void ipc!.callInMainFrame(record, [`event during ${channel}`]);
    return `answer to ${channel}`;
  });
  ipc = opened.ipc;
  const heard = await opened.page.evaluate(async () => {
    const state = window as unknown as { invoke(c: string, i: unknown): Promise<string>; heard: string[] };
    state.heard = [];
    for (const channel of ['one', 'two', 'three']) state.heard.push(await state.invoke(channel, null));
    return state.heard;
  });
  expect(heard).toEqual(['event during one', 'answer to one', 'event during two', 'answer to two', 'event during three', 'answer to three']);
  await ipc.callInMainFrame('function () { throw new Error("no listener"); }', []);
  expect(opened.pageErrors).toEqual([expect.stringContaining('no listener')]);
});
