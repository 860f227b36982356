// (h) A small answer on screen: Send → the first tree rows painted for a 2 KB /me answer, against
// a bare fetch() of the same answer and JSON.parse of its text, timed in the same Chromium page.
// Alternating, after a short pause each, median of each; the app may take one frame (16 ms) more.
// The answer (meAnswer) is served by the bench's threaded host, with CORS so the page can fetch it
// too; for that baseline the page's CSP is bypassed and Chromium's check on a page reaching a
// loopback address (Local Network Access) is turned off.
import { CHROMIUM_ARGS } from '../../e2e/support/chromium';
import { getRequest } from '../../src-main/testing/core-fixture';
import { median, type Figure } from '../support/figure';
import type { BenchContext } from '../support/context';
import { signedInApp, timeFirstRows } from '../support/renderer-run';
import { startThreadedHost } from '../support/threaded-host';

const FRAME_MS = 16;
const WARMUP = 5;
const ROUNDS = 40;
const PAUSE_MS = 150;
const LOOPBACK_FETCH = '--disable-features=LocalNetworkAccessChecks';

/**
 * A /me answer the size of Humanity's (about 2 KB; the sandbox's own is 0.4 KB): the sandbox's /me
 * for its demo user, with the sandbox's leaves listed in the user's record.
 */
async function meAnswer(context: BenchContext): Promise<Buffer> {
  const core = await context.signedInCore('sandbox');
  const data = async (path: string): Promise<unknown> => {
    const sent = await core.call('request:send', getRequest(path));
    if (!sent.ok) throw new Error(sent.error.message);
    return (JSON.parse(await core.core.responses.readText(sent.data.responseId)) as { data: unknown }).data;
  };
  const me = (await data('me')) as Record<string, unknown>;
  const listed = { leaves: await data('leaves') };
  return Buffer.from(JSON.stringify({ status: 1, data: { ...me, ...listed }, error: null }));
}

export async function measure(context: BenchContext): Promise<Figure> {
  const answer = await meAnswer(context);
  const host = await startThreadedHost(new Map(), { '/api/v2/me': answer });
  try {
    CHROMIUM_ARGS.push(LOOPBACK_FETCH);
    const app = await signedInApp(context, host).finally(() => CHROMIUM_ARGS.splice(CHROMIUM_ARGS.indexOf(LOOPBACK_FETCH), 1));
    try {
      const { page } = app;
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setBypassCSP', { enabled: true });
      await page.reload();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.getByLabel('Path').fill('me');
      const url = `${host.url}/api/v2/me?access_token=threaded-access-token`;
      const bare = () =>
        page.evaluate(async (address) => {
          const started = performance.now();
          JSON.parse(await (await fetch(address)).text());
          return performance.now() - started;
        }, url);
      const plain: number[] = [];
      const shownMs: number[] = [];
      for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
        await page.waitForTimeout(PAUSE_MS);
        const fetched = await bare();
        await page.waitForTimeout(PAUSE_MS);
        const shown = await timeFirstRows(page);
        if (round < WARMUP) continue;
        plain.push(fetched);
        shownMs.push(shown);
      }
      const over = median(shownMs) - median(plain);
      return {
        name: `h  Send → first tree rows painted, ${(answer.length / 1024).toFixed(1)} KB /me answer (${median(shownMs).toFixed(1)} ms vs bare fetch + JSON.parse in the page ${median(plain).toFixed(1)} ms, medians of ${ROUNDS})`,
        value: `bare + ${over.toFixed(1)} ms`,
        target: `≤ bare + ${FRAME_MS} ms (one frame)`,
        pass: over <= FRAME_MS,
      };
    } finally {
      await app.close();
    }
  } finally {
    await host.close();
  }
}
