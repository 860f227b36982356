// The safe retry step against a scripted sender, on fake timers: which requests are sent again,
// after how long, and when a response or a failure stands.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../shared/contract';
import type { SendExchange, SendWithToken } from './exchange';
import { dropped, fakeExchange, fakeResponse, hang, jsonResponse, pipelineDeps, scriptedSend, type Reply } from '../testing/fake-http';
import { sendFollowingRedirects } from './redirects';
import { MAX_RETRY_AFTER_MS, retryWait, SAFE_RETRY_DELAYS_MS, sendWithSafeRetry } from './safe-retry';
import { sendWithTokenRetry } from './token-retry';

const OK = { status: 1, data: [], error: null };
const tooMany = (retryAfter?: string) => fakeResponse(429, { headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `exchange` (a GET by default) through the real inner steps over the scripted replies. */
function start(replies: Reply[], options: { method?: string; settings?: Partial<Settings> } = {}) {
  const { send, sent } = scriptedSend(...replies);
  const deps = pipelineDeps(send, options.settings);
  const sendOnce: SendWithToken = (exchange, token) => sendFollowingRedirects(deps, exchange, token);
  const sendWithToken: SendExchange = (exchange) => sendWithTokenRetry(exchange, sendOnce);
  const exchange = fakeExchange({ method: options.method ?? 'GET', body: options.method ? { text: 'a=1', contentType: 'application/x-www-form-urlencoded' } : null });
  const outcome = sendWithSafeRetry(deps, exchange, sendWithToken).then(
    (exchanged) => ({ exchanged, error: null }),
    (error: unknown) => ({ exchanged: null, error }),
  );
  return { sent, exchange, outcome };
}

/** Checks that the next request goes out `ms` from now, and not a millisecond sooner. */
async function sentAgainAfter(sent: unknown[], ms: number) {
  await vi.advanceTimersByTimeAsync(0);
  const before = sent.length;
  await vi.advanceTimersByTimeAsync(ms - 1);
  expect(sent).toHaveLength(before);
  await vi.advanceTimersByTimeAsync(1);
  expect(sent).toHaveLength(before + 1);
}

describe('safe retry of a GET', () => {
  it(`rides out gateway errors, waiting ${SAFE_RETRY_DELAYS_MS.join(' then ')} ms; each one it retries is discarded`, async () => {
    const { sent, exchange, outcome } = start([fakeResponse(502), fakeResponse(504), jsonResponse(200, OK)]);
    await sentAgainAfter(sent, SAFE_RETRY_DELAYS_MS[0]!);
    await sentAgainAfter(sent, SAFE_RETRY_DELAYS_MS[1]!);
    expect((await outcome).exchanged).toMatchObject({ response: { status: 200 } });
    expect(sent).toHaveLength(3);
    expect(exchange.handling.discarded).toHaveLength(2);
  });

  it('three tries at most: the third gateway error is the response', async () => {
    const { sent, exchange, outcome } = start([fakeResponse(503), fakeResponse(503), fakeResponse(503)]);
    await vi.runAllTimersAsync();
    expect((await outcome).exchanged).toMatchObject({ response: { status: 503 } });
    expect(sent).toHaveLength(3);
    expect(exchange.handling.discarded).toHaveLength(2);
  });

  it('a dropped connection is sent again after the backoff; a third drop is the failure', async () => {
    const { sent, outcome } = start([dropped(), dropped(), dropped()]);
    await vi.advanceTimersByTimeAsync(SAFE_RETRY_DELAYS_MS[0]!);
    expect(sent).toHaveLength(2);
    await vi.runAllTimersAsync();
    expect((await outcome).error).toMatchObject({ code: 'network' });
    expect(sent).toHaveLength(3);
  });

  it('a 429 waits its Retry-After, or the backoff when that is longer', async () => {
    const { sent, outcome } = start([tooMany('2'), tooMany('0'), jsonResponse(200, OK)]);
    await sentAgainAfter(sent, 2000);
    await sentAgainAfter(sent, SAFE_RETRY_DELAYS_MS[1]!);
    expect((await outcome).exchanged).toMatchObject({ response: { status: 200 } });
  });

  it.each([
    ['a Retry-After longer than 10 s is shown, not waited', '11'],
    ['a 429 without Retry-After stands', undefined],
    ['a Retry-After that is a date stands', 'Wed, 21 Oct 2015 07:28:00 GMT'],
  ])('%s', async (_what, retryAfter) => {
    const { sent, outcome } = start([tooMany(retryAfter)]);
    expect((await outcome).exchanged).toMatchObject({ response: { status: 429 } });
    expect(sent).toHaveLength(1);
  });

  it.each([400, 404, 500, 501])('HTTP %i stands', async (status) => {
    const { sent, outcome } = start([fakeResponse(status)]);
    expect((await outcome).exchanged).toMatchObject({ response: { status } });
    expect(sent).toHaveLength(1);
  });

  it('a cancel during the backoff ends the request; nothing more is sent', async () => {
    const { sent, exchange, outcome } = start([fakeResponse(503)]);
    await vi.advanceTimersByTimeAsync(100);
    exchange.controller.abort();
    expect((await outcome).error).toMatchObject({ code: 'cancelled' });
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(1);
  });
});

describe('what is never sent again', () => {
  it.each(['POST', 'PUT', 'DELETE'])('a %s that meets a gateway error or a dropped connection', async (method) => {
    const gateway = start([fakeResponse(503)], { method });
    expect((await gateway.outcome).exchanged).toMatchObject({ response: { status: 503 } });
    expect(gateway.sent).toHaveLength(1);
    const drop = start([dropped()], { method });
    expect((await drop.outcome).error).toMatchObject({ code: 'network' });
    expect(drop.sent).toHaveLength(1);
  });

  it('a GET with "Retry safe requests" off', async () => {
    const { sent, outcome } = start([fakeResponse(502)], { settings: { retrySafeRequests: false } });
    expect((await outcome).exchanged).toMatchObject({ response: { status: 502 } });
    expect(sent).toHaveLength(1);
  });

  it('a GET that timed out', async () => {
    const { sent, outcome } = start([hang], { settings: { timeoutSeconds: 1 } });
    await vi.runAllTimersAsync();
    expect((await outcome).error).toMatchObject({ code: 'timeout' });
    expect(sent).toHaveLength(1);
  });
});

describe('retryWait', () => {
  it.each([
    [502, null, 500, 500],
    [503, null, 1500, 1500],
    [504, null, 0, 0],
    [429, '3', 500, 3000],
    [429, '0.2', 500, 500],
    [429, String(MAX_RETRY_AFTER_MS / 1000), 500, MAX_RETRY_AFTER_MS],
    [429, String(MAX_RETRY_AFTER_MS / 1000 + 1), 500, null],
    [429, 'soon', 500, null],
    [200, '1', 500, null],
  ])('HTTP %i, Retry-After %s, backoff %i ms: %s', (status, retryAfter, backoffMs, wait) => {
    expect(retryWait(fakeResponse(status, { headers: retryAfter === null ? {} : { 'retry-after': retryAfter } }), backoffMs)).toBe(wait);
  });
});
