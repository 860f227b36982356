// How a request's waits end early: a cancel, a session that ends (docs/architecture.md, "A session
// is a generation") or a pull that stops aborts the request's own controller, and every wait of
// the pipeline (for a token, for a backoff) ends with it.
import { AppError } from '../shared/app-error';

/** Aborts `controller` with `signal` (the session's, or a pull's); returns what stops following. */
export function follow(signal: AbortSignal, controller: AbortController): () => void {
  const stop = () => controller.abort(signal.reason);
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  return () => signal.removeEventListener('abort', stop);
}

/**
 * `start()`'s outcome, or "cancelled" as soon as `signal` aborts (the work itself goes on, its
 * failure then unheard). Nothing is started for a request already cancelled.
 */
export function unlessCancelled<T>(start: () => Promise<T>, signal: AbortSignal): Promise<T> {
  const cancelled = () => new AppError('cancelled', 'The request was cancelled.');
  if (signal.aborted) return Promise.reject(cancelled());
  const work = start();
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Waits `ms`, or rejects "cancelled" as soon as `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return unlessCancelled(() => new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), signal).finally(() => clearTimeout(timer));
}
