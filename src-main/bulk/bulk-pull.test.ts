// The engine against a scripted fetchWindow: no network, no real waiting (sleep records delays).
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { createBulkPull, type BulkProgress, type BulkPullOptions } from './bulk-pull';
import type { FetchWindow, WindowAnswer } from './window-retry';
import { splitRange, type DateWindow } from './date-windows';

// Three 28-day windows: 03-01..03-28, 03-29..04-25, 04-26..05-23.
const WINDOWS = splitRange('2026-03-01', '2026-05-23');
const [FIRST, SECOND, THIRD] = WINDOWS.map((w) => w.start);

type Step = WindowAnswer | Error | 'hang';

function envelope(data: unknown, status = 1, error: string | null = null): unknown {
  return { status, data, metadata: [], token: 'token', error };
}

function ok(data: unknown): WindowAnswer {
  return { status: 200, retryAfterSeconds: null, body: envelope(data) };
}

function rowsOf(window: DateWindow): Array<{ id: string }> {
  return [{ id: `${window.start}/a` }, { id: `${window.start}/b` }];
}

const rateLimited = (retryAfterSeconds: number | null): WindowAnswer => ({ status: 429, retryAfterSeconds, body: { error: 'too_many_requests' } });
const httpStatus = (status: number): WindowAnswer => ({ status, retryAfterSeconds: null, body: undefined });

/**
 * Answers each window from its script (keyed by window start), then with two rows of its own.
 * 'hang' never settles and ignores the abort signal, like a stuck request.
 */
function scripted(script: Record<string, Step[]> = {}) {
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  let waiting: (() => void) | null = null;
  const fetchWindow: FetchWindow = async (window, signal) => {
    calls.push(window.start);
    signals.push(signal);
    const step = script[window.start]?.shift();
    if (step === undefined) return ok(rowsOf(window));
    if (step === 'hang') {
      waiting?.();
      return new Promise<WindowAnswer>(() => {});
    }
    if (step instanceof Error) throw step;
    return step;
  };
  return {
    fetchWindow,
    signals,
    callsFor: (start: string) => calls.filter((call) => call === start).length,
    calls,
    /** Resolves when a 'hang' step is reached. */
    hung: () => new Promise<void>((resolve) => (waiting = resolve)),
  };
}

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

function pull(fetchWindow: FetchWindow, extra: Partial<BulkPullOptions> = {}) {
  const reports: BulkProgress[] = [];
  const { delays, sleep } = recordingSleep();
  const engine = createBulkPull({ windows: WINDOWS, fetchWindow, sleep, onProgress: (p) => reports.push(p), ...extra });
  return { engine, reports, delays };
}

const allRows = WINDOWS.flatMap(rowsOf);

describe('createBulkPull: the happy path', () => {
  it('fetches every window once, in order, and merges their rows', async () => {
    const api = scripted();
    const { engine, reports, delays } = pull(api.fetchWindow);
    const final = await engine.start();
    expect(api.calls).toEqual([FIRST, SECOND, THIRD]);
    expect(final).toMatchObject({ state: 'done', windowsDone: 3, windowsTotal: 3, rows: 6, message: 'Pulled 6 rows from 3 windows.' });
    expect(engine.rows()).toEqual(allRows);
    expect(engine.progress()).toEqual(final);
    expect(delays).toEqual([]);
    expect(reports.map((r) => [r.state, r.windowsDone, r.rows])).toEqual([
      ['running', 0, 0],
      ['running', 1, 2],
      ['running', 2, 4],
      ['done', 3, 6],
    ]);
  });

  it('never has two windows in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const { engine } = pull(async (window) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      return ok(rowsOf(window));
    });
    expect((await engine.start()).state).toBe('done');
    expect(most).toBe(1);
  });

  it('estimates time left from the average window time, null before the first window', async () => {
    let clock = 0;
    const { engine, reports } = pull(
      async (window) => {
        clock += window.start === FIRST ? 10_000 : 40_000;
        return ok(rowsOf(window));
      },
      { now: () => clock },
    );
    await engine.start();
    // After window 1: 10 s a window × 2 left; after window 2: (10 + 40) / 2 × 1 left.
    expect(reports.map((r) => r.etaMs)).toEqual([null, 20_000, 25_000, 0]);
  });

  it('merges numeric-keyed report data and drops rows repeated across overlapping windows', async () => {
    const api = scripted({
      [FIRST]: [ok([{ id: 1 }, { id: 2 }])],
      [SECOND]: [ok({ '0': { id: '2' }, '1': { id: 3 }, custom_report: { title: 'Hours' } })],
      [THIRD]: [ok([{ id: 3 }, { id: 4 }, { id: 1 }])],
    });
    const { engine, reports } = pull(api.fetchWindow);
    await engine.start();
    expect(engine.rows()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
    expect(reports.map((r) => r.rows)).toEqual([0, 2, 3, 4]);
  });
});

describe('createBulkPull: retries', () => {
  it('waits exactly Retry-After on 429 and retries the same window', async () => {
    const api = scripted({ [FIRST]: [rateLimited(7), rateLimited(0)] });
    const { engine, reports, delays } = pull(api.fetchWindow);
    expect((await engine.start()).state).toBe('done');
    expect(delays).toEqual([7000, 0]);
    expect(api.calls).toEqual([FIRST, FIRST, FIRST, SECOND, THIRD]);
    expect(reports[1].message).toBe(
      'Window 2026-03-01 – 2026-03-28: Humanity is rate-limiting requests (HTTP 429). Retrying in 7 s (attempt 2 of 6).',
    );
    expect(engine.rows()).toEqual(allRows);
  });

  it('backs off 1 s, 2 s, 4 s on 429 without Retry-After', async () => {
    const api = scripted({ [SECOND]: [rateLimited(null), rateLimited(null), rateLimited(null)] });
    const { engine, delays } = pull(api.fetchWindow);
    expect((await engine.start()).state).toBe('done');
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(api.callsFor(SECOND)).toBe(4);
  });

  it('backs off through a burst of 5xx answers and succeeds on the last allowed attempt', async () => {
    const api = scripted({ [FIRST]: [httpStatus(503), httpStatus(502), httpStatus(500), httpStatus(503), httpStatus(503)] });
    const { engine, delays } = pull(api.fetchWindow);
    expect((await engine.start()).state).toBe('done');
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(engine.rows()).toEqual(allRows);
  });

  it('caps the back-off at 60 s', async () => {
    const api = scripted({ [FIRST]: Array.from({ length: 8 }, () => httpStatus(503)) });
    const { engine, delays } = pull(api.fetchWindow, { retry: { maxAttempts: 9 } });
    expect((await engine.start()).state).toBe('done');
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it('retries network failures and answers that are not JSON', async () => {
    const api = scripted({
      [FIRST]: [new TypeError('fetch failed'), new AppError('network', 'The connection dropped.'), httpStatus(200)],
    });
    const { engine, delays } = pull(api.fetchWindow);
    expect((await engine.start()).state).toBe('done');
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(api.callsFor(FIRST)).toBe(4);
  });

  it('fails after the last attempt with a sentence naming the window, and fetches nothing after it', async () => {
    const api = scripted({ [SECOND]: Array.from({ length: 6 }, () => httpStatus(503)) });
    const { engine, delays } = pull(api.fetchWindow);
    const final = await engine.start();
    expect(final).toMatchObject({ state: 'failed', windowsDone: 1, rows: 2 });
    expect(final.message).toBe('Window 2026-03-29 – 2026-04-25 failed after 6 attempts: Humanity answered HTTP 503.');
    expect(delays).toHaveLength(5);
    expect(api.callsFor(THIRD)).toBe(0);
    expect(engine.rows()).toEqual(rowsOf(WINDOWS[0]));
  });

  it('names the network error when a window never gets through', async () => {
    const api = scripted({ [FIRST]: Array.from({ length: 2 }, () => new TypeError('fetch failed')) });
    const { engine } = pull(api.fetchWindow, { retry: { maxAttempts: 2 } });
    expect((await engine.start()).message).toBe(
      'Window 2026-03-01 – 2026-03-28 failed after 2 attempts: The connection failed (fetch failed).',
    );
  });
});

describe('createBulkPull: failures that retrying cannot fix', () => {
  it('fails at once on an envelope error, with Humanity’s error text', async () => {
    const api = scripted({ [SECOND]: [{ status: 200, retryAfterSeconds: null, body: envelope(null, 20, 'No access to schedules') }] });
    const { engine, delays } = pull(api.fetchWindow);
    const final = await engine.start();
    expect(final.state).toBe('failed');
    expect(final.message).toBe(
      'Window 2026-03-29 – 2026-04-25 failed: Incorrect permissions — your role may not allow this (status 20): No access to schedules.',
    );
    expect(api.callsFor(SECOND)).toBe(1);
    expect(delays).toEqual([]);
  });

  it('fails at once on a 4xx answer and on an error the request runner says is not transient', async () => {
    const forbidden = scripted({ [FIRST]: [{ status: 403, retryAfterSeconds: null, body: { error: 'forbidden' } }] });
    const first = await pull(forbidden.fetchWindow).engine.start();
    expect(first.message).toBe('Window 2026-03-01 – 2026-03-28 failed: Humanity answered HTTP 403: forbidden.');
    expect(forbidden.calls).toEqual([FIRST]);

    const signedOut = scripted({ [FIRST]: [new AppError('reauth_required', 'Sign in again to continue.')] });
    const second = await pull(signedOut.fetchWindow).engine.start();
    expect(second.message).toBe('Window 2026-03-01 – 2026-03-28 failed: Sign in again to continue.');
    expect(signedOut.calls).toEqual([FIRST]);
  });
});

describe('createBulkPull: cancel and resume', () => {
  it('cancel stops a stuck window, aborts its signal and fetches nothing more', async () => {
    const api = scripted({ [SECOND]: ['hang'] });
    const { engine } = pull(api.fetchWindow);
    const reached = api.hung();
    const run = engine.start();
    await reached;
    const stopped = await engine.cancel();
    expect(stopped).toMatchObject({ state: 'cancelled', windowsDone: 1, rows: 2, message: 'Cancelled after 1 of 3 windows.' });
    expect(await run).toEqual(stopped);
    expect(api.signals[1].aborted).toBe(true);
    expect(api.callsFor(THIRD)).toBe(0);
  });

  it('cancel stops a retry wait even with the real timer and a long Retry-After', async () => {
    const api = scripted({ [FIRST]: [rateLimited(3600)] });
    const engine = createBulkPull({
      windows: WINDOWS,
      fetchWindow: api.fetchWindow,
      // Cancels as soon as the wait is announced: the default sleep must give way.
      onProgress: (p) => {
        if (p.message.includes('Retrying')) void engine.cancel();
      },
    });
    expect((await engine.start()).state).toBe('cancelled');
    expect(api.calls).toEqual([FIRST]);
  });

  it('resume after cancel fetches only the unfinished windows and keeps the rows', async () => {
    const api = scripted({ [SECOND]: ['hang'] });
    const { engine, reports } = pull(api.fetchWindow);
    const reached = api.hung();
    void engine.start();
    await reached;
    await engine.cancel();
    const final = await engine.resume();
    expect(final).toMatchObject({ state: 'done', windowsDone: 3, rows: 6 });
    expect([api.callsFor(FIRST), api.callsFor(SECOND), api.callsFor(THIRD)]).toEqual([1, 2, 1]);
    expect(engine.rows()).toEqual(allRows);
    expect(reports.find((r) => r.message.startsWith('Resuming'))?.message).toBe('Resuming at window 2 of 3.');
  });

  it('resume after a failure retries the failed window afresh and skips the finished one', async () => {
    const api = scripted({ [SECOND]: Array.from({ length: 6 }, () => httpStatus(500)) });
    const { engine, delays } = pull(api.fetchWindow);
    expect((await engine.start()).state).toBe('failed');
    const final = await engine.resume();
    expect(final.state).toBe('done');
    expect([api.callsFor(FIRST), api.callsFor(SECOND), api.callsFor(THIRD)]).toEqual([1, 7, 1]);
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(engine.rows()).toEqual(allRows);
  });

  it('refuses to start twice or to resume a pull that is running or done', async () => {
    const api = scripted({ [FIRST]: ['hang'] });
    const { engine } = pull(api.fetchWindow);
    const reached = api.hung();
    void engine.start();
    await reached;
    await expect(engine.start()).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(engine.resume()).rejects.toMatchObject({ code: 'invalid_input', message: 'The pull is already running.' });
    await engine.cancel();
    expect((await engine.resume()).state).toBe('done');
    await expect(engine.resume()).rejects.toMatchObject({ message: 'Only a failed or cancelled pull can be resumed.' });
    expect(engine.rows()).toEqual(allRows);
  });

  it('cancel before start changes nothing', async () => {
    const api = scripted();
    const { engine } = pull(api.fetchWindow);
    expect((await engine.cancel()).state).toBe('idle');
    expect((await engine.start()).state).toBe('done');
  });
});
