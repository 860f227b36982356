// One window of a "Pull range", retried as Humanity's answers allow: 429s wait out Retry-After,
// 5xx, cut-short bodies and network failures back off, business errors fail at once
// (humanity-api.md §1, §4). bulk-pull.ts runs the windows in sequence.
import { setTimeout as delay } from 'node:timers/promises';
import { decodeEnvelope, describeOutcome } from '../http/envelope';
import { AppError } from '../shared/app-error';
import type { DateWindow } from './date-windows';

/** One HTTP answer for a window: `body` is the parsed JSON, or undefined / text when it was not JSON. */
export interface WindowAnswer {
  readonly status: number;
  /** The Retry-After header in seconds, when the server sent one. */
  readonly retryAfterSeconds: number | null;
  readonly body: unknown;
}

/** Sends one window's request (token refresh included); rejects on network failure or abort. */
export type FetchWindow = (window: DateWindow, signal: AbortSignal) => Promise<WindowAnswer>;

export interface RetryPolicy {
  /** Attempts per window, the first one included. */
  readonly maxAttempts: number;
  /** First back-off delay; each further retry doubles it. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 60_000 };

export type WindowOutcome = { ok: true; body: unknown } | { ok: false; message: string };

export interface WindowRetryDeps {
  readonly fetchWindow: FetchWindow;
  readonly retry: RetryPolicy;
  /** Waits between retries; must reject when `signal` aborts. Default: a real timer. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told before each wait, with a sentence for the progress line. */
  readonly onRetry: (message: string) => void;
}

// Errors thrown by the request runner that a later attempt may not meet; anything else it
// throws (signed out, bad host…) would fail the same way again.
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['network', 'timeout', 'host_unreachable']);

type Verdict =
  | { kind: 'rows'; body: unknown }
  | { kind: 'retry'; reason: string; waitMs: number | null }
  | { kind: 'fail'; reason: string };

/** Pulls one window, retried as the verdicts allow; throws only when `signal` aborts. */
export async function pullWindow(deps: WindowRetryDeps, window: DateWindow, signal: AbortSignal): Promise<WindowOutcome> {
  const { retry, sleep = realSleep } = deps;
  for (let attempt = 1; ; attempt += 1) {
    signal.throwIfAborted();
    const verdict = await attemptWindow(deps.fetchWindow, window, signal);
    if (verdict.kind === 'rows') return { ok: true, body: verdict.body };
    if (verdict.kind === 'fail') return { ok: false, message: `Window ${windowLabel(window)} failed: ${sentence(verdict.reason)}` };
    if (attempt >= retry.maxAttempts) {
      return { ok: false, message: `Window ${windowLabel(window)} failed after ${attempt} attempts: ${sentence(verdict.reason)}` };
    }
    const waitMs = verdict.waitMs ?? backoffMs(attempt, retry);
    deps.onRetry(`Window ${windowLabel(window)}: ${sentence(verdict.reason)} Retrying in ${seconds(waitMs)} (attempt ${attempt + 1} of ${retry.maxAttempts}).`);
    await untilAborted(sleep(waitMs, signal), signal);
  }
}

async function attemptWindow(fetchWindow: FetchWindow, window: DateWindow, signal: AbortSignal): Promise<Verdict> {
  try {
    return judgeAnswer(await untilAborted(fetchWindow(window, signal), signal));
  } catch (error) {
    if (signal.aborted) throw error;
    return judgeError(error);
  }
}

/** What one HTTP answer means for the window. */
function judgeAnswer({ status, retryAfterSeconds, body }: WindowAnswer): Verdict {
  if (status === 429) {
    const honoured = retryAfterSeconds !== null && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0;
    return { kind: 'retry', reason: 'Humanity is rate-limiting requests (HTTP 429)', waitMs: honoured ? retryAfterSeconds * 1000 : null };
  }
  if (status >= 500) return { kind: 'retry', reason: `Humanity answered HTTP ${status}`, waitMs: null };
  // Business failures arrive with HTTP 200 and envelope status ≠ 1 (humanity-api.md §4.2).
  const envelope = decodeEnvelope(status, body);
  if (envelope.kind === 'business_error' || envelope.kind === 'auth_error') return { kind: 'fail', reason: describeOutcome(status, envelope) };
  if (status < 200 || status >= 300) {
    return { kind: 'fail', reason: `Humanity answered HTTP ${status}${envelope.error ? `: ${envelope.error}` : ''}` };
  }
  // A 200 whose body is not JSON was cut short on the way; rows from it would silently be missing.
  if (typeof body !== 'object' || body === null) return { kind: 'retry', reason: 'The answer was not valid JSON', waitMs: null };
  return { kind: 'rows', body };
}

function judgeError(error: unknown): Verdict {
  if (error instanceof AppError && !TRANSIENT_CODES.has(error.code)) return { kind: 'fail', reason: error.message };
  const reason = error instanceof AppError ? error.message : `The connection failed (${error instanceof Error ? error.message : String(error)})`;
  return { kind: 'retry', reason, waitMs: null };
}

/** 1 s, 2 s, 4 s… after the 1st, 2nd, 3rd… failed attempt, capped; no jitter, so tests can assert it. */
function backoffMs(failedAttempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
}

/** Settles with `work`, or rejects as soon as `signal` aborts, even when `work` ignores the signal. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal });
}

export function windowLabel(window: DateWindow): string {
  return `${window.start} – ${window.end}`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
