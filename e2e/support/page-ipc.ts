// The harness's stand-in for Electron's IPC between the page and main (launch-app.ts): a Chrome
// DevTools Protocol binding on a session of the page's own. A call is one bindingCalled event with
// its text; the answer is one Runtime.callFunctionOn in the context that called, with its text
// (ipc-wire.ts, both ways); main's events to the page go over the same session, so they keep their
// order with the answers, as on Electron's one pipe. Playwright's exposeBinding did the same
// through its own protocol and object serializer, several milliseconds a round trip that Electron's
// IPC does not spend, which bench figure h measured as the app's (docs/architecture.md, "Testing
// without Electron"). Not covered, as no app code needs them: calls from an isolated world or an
// out-of-process frame (neither has the shim).
import type { CDPSession, Page } from 'playwright-core';
import type { SenderInfo } from '../../src-main/ipc/router';
import { FROM_WIRE_SOURCE, TO_WIRE_SOURCE, fromWire, toWire } from './ipc-wire';

const BINDING = '__humanityExplorerIpc';
const DELIVER = '__humanityExplorerDeliver';

export type PageCallHandler = (channel: string, sender: SenderInfo, input: unknown) => Promise<unknown>;

export interface PageIpc {
  /** Runs `declaration` with `args` (plain JSON) in the main frame's page, after every answer sent before. */
  callInMainFrame(declaration: string, args: unknown[]): Promise<void>;
}

/**
 * The page's side, for the preload shim: `invoke(channel, input)` as ipcRenderer.invoke, a promise
 * of main's answer, rejected as Electron rejects it when main's side throws or the input cannot be
 * carried.
 */
export const PAGE_INVOKE_SOURCE = `(() => {
  const toWire = ${TO_WIRE_SOURCE};
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
      const { text, tagged } = toWire(input);
      calls += 1;
      waiting.set(calls, { resolve, reject });
      window[${JSON.stringify(BINDING)}](JSON.stringify({ seq: calls, channel, text, tagged }));
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
    /** The main frame's main-world context, once its document has one. */
    mainContext(): number | null {
      for (const [id, frameId] of contexts) if (frames.get(frameId)?.isMain) return id;
      return null;
    },
  };
}

/**
 * Answers the page's calls with `handle`; call before the page loads the app. `onPageError` hears
 * what failed on the page's side of a delivery (a missing or throwing deliver function).
 */
export async function servePageIpc(page: Page, handle: PageCallHandler, onPageError: (message: string) => void): Promise<PageIpc> {
  const cdp = await page.context().newCDPSession(page);
  const frames = trackFrames(cdp);
  const run = async (executionContextId: number, functionDeclaration: string, args: unknown[]) => {
    const { exceptionDetails } = await cdp.send('Runtime.callFunctionOn', { executionContextId, functionDeclaration, arguments: args.map((value) => ({ value })) });
    if (exceptionDetails) onPageError(exceptionDetails.exception?.description ?? exceptionDetails.text);
  };
  cdp.on('Runtime.bindingCalled', ({ name, payload, executionContextId }) => {
    if (name !== BINDING) return;
    // The page may have gone (a reload) while main worked: nothing is waiting then.
    void answer(payload, frames.senderOf(executionContextId), handle)
      .then((args) => args && run(executionContextId, `function (seq, text, tagged, failure) { window.${DELIVER}(seq, text, tagged, failure); }`, args))
      .catch(() => undefined);
  });
  await cdp.send('Page.enable');
  // The blank page it starts on: navigations from here on are events.
  frames.navigated((await cdp.send('Page.getFrameTree')).frameTree.frame);
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: BINDING });
  return {
    async callInMainFrame(declaration, args) {
      const context = frames.mainContext();
      if (context !== null) await run(context, declaration, args);
    },
  };
}

/** The delivery's arguments for one call: its seq, and the answer's wire or the failure; null for no call of the shim's. */
async function answer(payload: string, sender: SenderInfo, handle: PageCallHandler): Promise<[number, string, boolean, string | null] | null> {
  let call: { seq: number; channel: string; text: string; tagged: boolean };
  try {
    call = JSON.parse(payload) as typeof call;
  } catch {
    return null;
  }
  try {
    const { text, tagged } = toWire(await handle(call.channel, sender, fromWire(call.text, call.tagged)));
    return [call.seq, text, tagged, null];
  } catch (error) {
    return [call.seq, '', false, `Error invoking remote method '${call.channel}': ${String(error)}`];
  }
}
