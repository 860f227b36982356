// How a request's waits end early: following another signal, a wait that a cancel ends, a pause.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { follow, pause, unlessCancelled } from './cancellation';

afterEach(() => {
  vi.useRealTimers();
});

describe('follow', () => {
  it('aborts the controller with the signal, and its reason', () => {
    const session = new AbortController();
    const request = new AbortController();
    follow(session.signal, request);
    const reason = new Error('signed out');
    session.abort(reason);
    expect(request.signal.reason).toBe(reason);
  });

  it('aborts at once when the signal already has', () => {
    const request = new AbortController();
    follow(AbortSignal.abort('gone'), request);
    expect(request.signal.reason).toBe('gone');
  });

  it('stops following once released', () => {
    const session = new AbortController();
    const request = new AbortController();
    follow(session.signal, request)();
    session.abort();
    expect(request.signal.aborted).toBe(false);
  });
});

describe('unlessCancelled', () => {
  it("gives the work's outcome, value or failure", async () => {
    const signal = new AbortController().signal;
    await expect(unlessCancelled(async () => 'token', signal)).resolves.toBe('token');
    await expect(unlessCancelled(() => Promise.reject(new Error('refused')), signal)).rejects.toThrow('refused');
  });

  it('ends "cancelled" as soon as the signal aborts, while the work goes on unheard', async () => {
    const controller = new AbortController();
    let fail: (error: Error) => void = () => undefined;
    const waiting = unlessCancelled(() => new Promise<string>((_resolve, reject) => (fail = reject)), controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled', message: 'The request was cancelled.' });
    // Its later failure is nobody's unhandled rejection.
    fail(new Error('too late'));
  });

  it('starts nothing for a request already cancelled', async () => {
    const start = vi.fn(async () => 'token');
    await expect(unlessCancelled(start, AbortSignal.abort())).rejects.toMatchObject({ code: 'cancelled' });
    expect(start).not.toHaveBeenCalled();
  });
});

describe('pause', () => {
  it('waits the time given, or ends "cancelled" when the signal aborts first', async () => {
    vi.useFakeTimers();
    let done = false;
    const waited = pause(500, new AbortController().signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waited;

    const controller = new AbortController();
    const cancelled = pause(500, controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
