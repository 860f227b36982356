// The safe retry step of the request pipeline (docs/architecture.md, "The request pipeline"):
// with "Retry safe requests" on, a GET that meets a gateway error (502/503/504), a 429 asking for
// a short wait, or a dropped connection is sent again after a backoff. Reading twice changes
// nothing on the server; writes are never repeated.
import { AppError } from '../shared/app-error';
import type { Decoded } from './body-handling';
import { pause } from './cancellation';
import type { Exchange, Exchanged, PipelineDeps, SendExchange } from './exchange';
import type { HttpResponse } from './http-client';

/** Backoff before the 2nd and 3rd try of a safe request. */
export const SAFE_RETRY_DELAYS_MS = [500, 1500];
/** The longest Retry-After waited out; a longer one is shown to the user rather than waited. */
export const MAX_RETRY_AFTER_MS = 10_000;

/** `exchange` through `send`, sent up to twice more while it is safe and worth it. */
export async function sendWithSafeRetry<P, D extends Decoded>(deps: PipelineDeps, exchange: Exchange<P, D>, send: SendExchange): Promise<Exchanged<D>> {
  const { controller, handling } = exchange;
  const retrying = exchange.method === 'GET' && deps.settings().retrySafeRequests;
  for (let attemptNo = 1; ; attemptNo += 1) {
    const last = !retrying || attemptNo >= SAFE_RETRY_DELAYS_MS.length + 1;
    const backoffMs = SAFE_RETRY_DELAYS_MS[attemptNo - 1] ?? 0;
    let exchanged: Exchanged<D>;
    try {
      exchanged = await send(exchange);
    } catch (error) {
      if (last || !(error instanceof AppError) || error.code !== 'network' || controller.signal.aborted) throw error;
      await pause(backoffMs, controller.signal);
      continue;
    }
    const wait = retryWait(exchanged.response, backoffMs);
    if (last || wait === null) return exchanged;
    await handling.discard?.(exchanged.decoded);
    await pause(wait, controller.signal);
  }
}

/** How long to wait before sending a GET again, or null when its response should stand. */
export function retryWait(response: HttpResponse, backoffMs: number): number | null {
  if ([502, 503, 504].includes(response.status)) return backoffMs;
  if (response.status !== 429) return null;
  const seconds = retryAfterSeconds(response);
  return seconds !== null && seconds * 1000 <= MAX_RETRY_AFTER_MS ? Math.max(seconds * 1000, backoffMs) : null;
}

/** The Retry-After header as a number of seconds, or null when absent or not a number. */
export function retryAfterSeconds(response: HttpResponse): number | null {
  const header = response.headers.get('retry-after');
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) ? seconds : null;
}
