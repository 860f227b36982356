// One window's retries against scripted answers; sleeps are recorded, not waited.
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import type { DateWindow } from './date-windows';
import { pullWindow, type WindowAnswer, type WindowRetryDeps } from './window-retry';

const WINDOW: DateWindow = { start: '2026-03-01', end: '2026-03-28' };
const ok: WindowAnswer = { status: 200, retryAfterSeconds: null, body: { status: 1, data: [{ id: 1 }] } };

function scripted(steps: Array<WindowAnswer | Error>, retry = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 3000 }) {
  const slept: number[] = [];
  const told: string[] = [];
  const deps: WindowRetryDeps = {
    fetchWindow: async () => {
      const step = steps.shift() ?? ok;
      if (step instanceof Error) throw step;
      return step;
    },
    retry,
    sleep: async (ms) => void slept.push(ms),
    onRetry: (message) => void told.push(message),
  };
  return { deps, slept, told, run: (signal = new AbortController().signal) => pullWindow(deps, WINDOW, signal) };
}

describe('pullWindow', () => {
  it('answers the body of a good window at once', async () => {
    const { run, slept } = scripted([]);
    expect(await run()).toEqual({ ok: true, body: ok.body });
    expect(slept).toEqual([]);
  });

  it('waits out Retry-After on a 429 and backs off, doubling and capped, on 5xx and network failures', async () => {
    const { run, slept, told } = scripted([
      { status: 429, retryAfterSeconds: 7, body: null },
      { status: 503, retryAfterSeconds: null, body: null },
      new AppError('network', 'The connection dropped.'),
    ]);
    expect(await run()).toEqual({ ok: true, body: ok.body });
    expect(slept).toEqual([7000, 2000, 3000]);
    expect(told[0]).toBe('Window 2026-03-01 – 2026-03-28: Humanity is rate-limiting requests (HTTP 429). Retrying in 7 s (attempt 2 of 4).');
  });

  it('retries a 200 whose body is not JSON: it was cut short', async () => {
    const { run, slept } = scripted([{ status: 200, retryAfterSeconds: null, body: '{"status":1,"da' }]);
    expect(await run()).toEqual({ ok: true, body: ok.body });
    expect(slept).toEqual([1000]);
  });

  it('fails at once on a business error or a non-transient app error, naming the window', async () => {
    const business = scripted([{ status: 200, retryAfterSeconds: null, body: { status: 13, data: null, error: 'Invalid date' } }]);
    expect(await business.run()).toMatchObject({ ok: false, message: expect.stringMatching(/^Window 2026-03-01 – 2026-03-28 failed: .*\.$/) });
    const signedOut = scripted([new AppError('not_signed_in', 'You are signed out.')]);
    expect(await signedOut.run()).toEqual({ ok: false, message: 'Window 2026-03-01 – 2026-03-28 failed: You are signed out.' });
    expect([...business.slept, ...signedOut.slept]).toEqual([]);
  });

  it('gives up after the last attempt, saying how many were made', async () => {
    const down: WindowAnswer = { status: 502, retryAfterSeconds: null, body: null };
    const { run, slept } = scripted([down, down, down, down]);
    expect(await run()).toEqual({ ok: false, message: 'Window 2026-03-01 – 2026-03-28 failed after 4 attempts: Humanity answered HTTP 502.' });
    expect(slept).toHaveLength(3);
  });

  it('throws when the pull is cancelled, even while a request hangs', async () => {
    const controller = new AbortController();
    const deps: WindowRetryDeps = { fetchWindow: () => new Promise(() => {}), retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }, onRetry: () => undefined };
    const pulled = pullWindow(deps, WINDOW, controller.signal);
    controller.abort();
    await expect(pulled).rejects.toMatchObject({ name: 'AbortError' });
  });
});
