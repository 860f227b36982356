// "Pull range": fetches a list of date windows one after another, merging their rows. Humanity
// publishes no rate limit and fails long /shifts windows (humanity-api.md §1, §4.3), so windows
// run strictly in sequence, 429s wait out Retry-After, 5xx and network failures back off, and a
// failed or cancelled pull resumes at its first unfinished window instead of starting over.
import { setTimeout as delay } from 'node:timers/promises';
import { decodeEnvelope, describeOutcome } from '../http/envelope';
import { AppError } from '../shared/app-error';
import type { DateWindow } from './date-windows';
import { extractRows, mergeRows } from './rows';

export type BulkPullState = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface BulkProgress {
  readonly state: BulkPullState;
  readonly windowsDone: number;
  readonly windowsTotal: number;
  /** Merged (deduplicated) rows so far. */
  readonly rows: number;
  /** Average time per finished window times the windows left; null until one window finished. */
  readonly etaMs: number | null;
  /** A sentence for the user; when failed, it names the window. */
  readonly message: string;
}

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

export interface BulkPullOptions {
  readonly windows: readonly DateWindow[];
  readonly fetchWindow: FetchWindow;
  /** Clock for the time-left estimate; default Date.now. */
  readonly now?: () => number;
  /** Waits between retries; must reject when `signal` aborts. Default: a real timer. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly onProgress?: (progress: BulkProgress) => void;
  readonly retry?: Partial<RetryPolicy>;
  /**
   * The session the pull belongs to: when it ends (its reason an AppError), the pull stops at
   * once, waits included, and fails with that sentence; a resume fails the same way.
   */
  readonly session?: AbortSignal;
}

export interface BulkPull {
  /** Runs every window; resolves with the final progress (done, failed or cancelled). */
  start(): Promise<BulkProgress>;
  /** After a failure or cancel: runs the unfinished windows only, keeping the rows pulled so far. */
  resume(): Promise<BulkProgress>;
  /** Stops the running pull within the current window; resolves once it has stopped. */
  cancel(): Promise<BulkProgress>;
  progress(): BulkProgress;
  /** The merged rows, deduplicated by `id`, in first-seen order. */
  rows(): unknown[];
}

// Errors thrown by the request runner that a later attempt may not meet; anything else it
// throws (signed out, bad host…) would fail the same way again.
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['network', 'timeout', 'host_unreachable']);

type Verdict =
  | { kind: 'rows'; body: unknown }
  | { kind: 'retry'; reason: string; waitMs: number | null }
  | { kind: 'fail'; reason: string };

type WindowOutcome = { ok: true; body: unknown } | { ok: false; message: string };

export function createBulkPull(options: BulkPullOptions): BulkPull {
  const { windows, fetchWindow, now = Date.now, sleep = realSleep, onProgress } = options;
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const merged = new Map<string, unknown>();
  let state: BulkPullState = 'idle';
  let message = `Ready to pull ${plural(windows.length, 'window')}.`;
  let windowsDone = 0;
  // Time spent on finished windows, retries included, for the estimate.
  let finishedWindowsMs = 0;
  let active: { controller: AbortController; finished: Promise<BulkProgress> } | null = null;

  function progress(): BulkProgress {
    const left = windows.length - windowsDone;
    const etaMs = windowsDone === 0 ? null : Math.round((finishedWindowsMs / windowsDone) * left);
    return { state, windowsDone, windowsTotal: windows.length, rows: merged.size, etaMs, message };
  }

  function report(next: BulkPullState, text: string): BulkProgress {
    state = next;
    message = text;
    const snapshot = progress();
    onProgress?.(snapshot);
    return snapshot;
  }

  function launch(): Promise<BulkProgress> {
    const controller = new AbortController();
    const { session } = options;
    const endWithSession = () => controller.abort(session?.reason);
    if (session?.aborted) endWithSession();
    session?.addEventListener('abort', endWithSession, { once: true });
    // Deferred a tick so `active` is set before any window starts: a cancel() called from the
    // 'running' report below must find the run to stop.
    const finished = Promise.resolve()
      .then(() => runWindows(controller.signal))
      .finally(() => {
        session?.removeEventListener('abort', endWithSession);
        // A resume() from the final report may already have launched the next run.
        if (active?.controller === controller) active = null;
      });
    active = { controller, finished };
    report('running', windowsDone === 0 ? `Pulling ${plural(windows.length, 'window')}.` : `Resuming at window ${windowsDone + 1} of ${windows.length}.`);
    return finished;
  }

  async function runWindows(signal: AbortSignal): Promise<BulkProgress> {
    try {
      while (windowsDone < windows.length) {
        const startedAt = now();
        const outcome = await pullWindow(windows[windowsDone], signal);
        if (!outcome.ok) return report('failed', outcome.message);
        mergeRows(merged, extractRows(outcome.body));
        finishedWindowsMs += now() - startedAt;
        windowsDone += 1;
        if (windowsDone < windows.length) {
          report('running', `Pulled ${windowsDone} of ${windows.length} windows (${plural(merged.size, 'row')}).`);
        }
      }
      return report('done', `Pulled ${plural(merged.size, 'row')} from ${plural(windows.length, 'window')}.`);
    } catch (error) {
      if (signal.aborted && signal.reason instanceof AppError) return report('failed', signal.reason.message);
      if (signal.aborted) return report('cancelled', `Cancelled after ${windowsDone} of ${windows.length} windows.`);
      // Only a bug gets here (fetch failures become verdicts); the pull must still end in a state.
      return report('failed', `The pull stopped at window ${windowsDone + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** One window, retried as the verdicts allow; throws only when the pull is cancelled. */
  async function pullWindow(window: DateWindow, signal: AbortSignal): Promise<WindowOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      signal.throwIfAborted();
      const verdict = await attemptWindow(window, signal);
      if (verdict.kind === 'rows') return { ok: true, body: verdict.body };
      if (verdict.kind === 'fail') return { ok: false, message: `Window ${label(window)} failed: ${sentence(verdict.reason)}` };
      if (attempt >= retry.maxAttempts) {
        return { ok: false, message: `Window ${label(window)} failed after ${attempt} attempts: ${sentence(verdict.reason)}` };
      }
      const waitMs = verdict.waitMs ?? backoffMs(attempt, retry);
      report('running', `Window ${label(window)}: ${sentence(verdict.reason)} Retrying in ${seconds(waitMs)} (attempt ${attempt + 1} of ${retry.maxAttempts}).`);
      await untilAborted(sleep(waitMs, signal), signal);
    }
  }

  async function attemptWindow(window: DateWindow, signal: AbortSignal): Promise<Verdict> {
    try {
      return judgeAnswer(await untilAborted(fetchWindow(window, signal), signal));
    } catch (error) {
      if (signal.aborted) throw error;
      return judgeError(error);
    }
  }

  return {
    async start() {
      if (state !== 'idle') throw new AppError('invalid_input', 'This pull has already been started.');
      return launch();
    },
    async resume() {
      if (state === 'running') throw new AppError('invalid_input', 'The pull is already running.');
      if (state !== 'failed' && state !== 'cancelled') {
        throw new AppError('invalid_input', 'Only a failed or cancelled pull can be resumed.');
      }
      return launch();
    },
    cancel() {
      if (!active) return Promise.resolve(progress());
      active.controller.abort();
      return active.finished;
    },
    progress,
    rows: () => [...merged.values()],
  };
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

function label(window: DateWindow): string {
  return `${window.start} – ${window.end}`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
