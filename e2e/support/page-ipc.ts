// The harness's stand-in for Electron's IPC between the page and main (launch-app.ts): a Chrome
// DevTools Protocol binding on a session of the page's own. A call is one bindingCalled event with
// its text; the answer is one Runtime.callFunctionOn in the context that called, with its text
// (ipc-wire.ts). Playwright's exposeBinding did the same through its own protocol and object
// serializer, several milliseconds a round trip that Electron's IPC does not spend, which bench
// figure h measured as the app's (docs/architecture.md, "Testing without Electron").
import type { CDPSession, Page } from 'playwright-core';
import type { SenderInfo } from '../../src-main/ipc/router';
import { FROM_WIRE_SOURCE, toWire } from './ipc-wire';

const BINDING = '__humanityExplorerIpc';
const DELIVER = '__humanityExplorerDeliver';

export type PageCallHandler = (channel: string, sender: SenderInfo, input: unknown) => Promise<unknown>;

/**
 * The page's side, for the preload shim: `invoke(channel, input)` as ipcRenderer.invoke, a promise
 * of main's answer, rejected as Electron rejects it when main's side throws.
 */
export const PAGE_INVOKE_SOURCE = `(() => {
  const fromWire = ${FROM_WIRE_SOURCE};
  const waiting = new Map();
  let calls = 0;
  Object.defineProperty(window, ${JSON.stringify(DELIVER)}, {
    value: (seq, text, tagged, failure) => {
      const call = waiting.get(seq);
      waiting.delete(seq);
      if (failure !== null) call.reject(new Error(failure));
      else call.resolve(fromWire(text, tagged));
    },
  });
  return (channel, input) =>
    new Promise((resolve, reject) => {
      calls += 1;
      waiting.set(calls, { resolve, reject });
      window[${JSON.stringify(BINDING)}](JSON.stringify({ seq: calls, channel, input }));
    });
})()`;

/** Which frame each of the page's main-world contexts belongs to, and where each frame is. */
function trackFrames(cdp: CDPSession) {
  const frames = new Map<string, { url: string; isMain: boolean }>();
  const contexts = new Map<number, string>();
  const navigated = (frame: { id: string; parentId?: string; url: string; urlFragment?: string }) =>
    frames.set(frame.id, { url: frame.url + (frame.urlFragment ?? ''), isMain: !frame.parentId });
  cdp.on('Page.frameNavigated', ({ frame }) => navigated(frame));
  cdp.on('Page.navigatedWithinDocument', ({ frameId, url }) => {
    const frame = frames.get(frameId);
    if (frame) frame.url = url;
  });
  cdp.on('Page.frameDetached', ({ frameId }) => frames.delete(frameId));
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const { frameId, isDefault } = (context.auxData ?? {}) as { frameId?: string; isDefault?: boolean };
    if (isDefault && frameId) contexts.set(context.id, frameId);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  return {
    navigated,
    /** The sender as Electron's event.senderFrame tells it; a context of no known frame is no one's. */
    senderOf(contextId: number): SenderInfo {
      const frame = frames.get(contexts.get(contextId) ?? '');
      return frame ? { frameUrl: frame.url, isMainFrame: frame.isMain } : { frameUrl: null, isMainFrame: false };
    },
  };
}

/** Answers the page's calls with `handle`; call before the page loads the app. */
export async function servePageIpc(page: Page, handle: PageCallHandler): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const frames = trackFrames(cdp);
  cdp.on('Runtime.bindingCalled', ({ name, payload, executionContextId }) => {
    if (name !== BINDING) return;
    void answer(cdp, executionContextId, payload, frames.senderOf(executionContextId), handle);
  });
  await cdp.send('Page.enable');
  // The blank page it starts on: navigations from here on are events.
  frames.navigated((await cdp.send('Page.getFrameTree')).frameTree.frame);
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: BINDING });
}

async function answer(cdp: CDPSession, contextId: number, payload: string, sender: SenderInfo, handle: PageCallHandler): Promise<void> {
  let call: { seq: number; channel: string; input: unknown };
  try {
    call = JSON.parse(payload) as typeof call;
  } catch {
    return; // Not the shim's: nothing to answer.
  }
  let text = '';
  let tagged = false;
  let failure: string | null = null;
  try {
    ({ text, tagged } = toWire(await handle(call.channel, sender, call.input)));
  } catch (error) {
    failure = `Error invoking remote method '${call.channel}': ${String(error)}`;
  }
  // The page may have gone (a reload) while main worked: nothing is waiting then.
  await cdp
    .send('Runtime.callFunctionOn', {
      executionContextId: contextId,
      functionDeclaration: `function (seq, text, tagged, failure) { window.${DELIVER}(seq, text, tagged, failure); }`,
      arguments: [{ value: call.seq }, { value: text }, { value: tagged }, { value: failure }],
    })
    .catch(() => undefined);
}
