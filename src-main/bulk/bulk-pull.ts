// "Pull range": fetches a list of date windows strictly one after another (Humanity publishes no
// rate limit and fails long /shifts windows: humanity-api.md §1, §4.3), merging their rows; each
// window is retried by window-retry.ts. A failed or cancelled pull resumes at its first
// unfinished window instead of starting over.
import { AppError } from '../shared/app-error';
import type { DateWindow } from './date-windows';
import { extractRows, mergeRows } from './rows';
import { DEFAULT_RETRY, pullWindow, type FetchWindow, type RetryPolicy, type WindowRetryDeps } from './window-retry';

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

export function createBulkPull(options: BulkPullOptions): BulkPull {
  const { windows, now = Date.now, onProgress } = options;
  const retrying: WindowRetryDeps = {
    fetchWindow: options.fetchWindow,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    sleep: options.sleep,
    onRetry: (text) => report('running', text),
  };
  const merged = new Map<string, unknown>();
  let state: BulkPullState = 'idle';
  let message = `Ready to pull ${plural(windows.length, 'window')}.`;
  let windowsDone = 0;
  // Time spent on finished windows, retries included, for the estimate.
  let finishedWindowsMs = 0;
  let active: Run<BulkProgress> | null = null;

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
    const run = followingSession(options.session, runWindows, () => {
      // A resume() from the final report may already have launched the next run.
      if (active === run) active = null;
    });
    active = run;
    report('running', windowsDone === 0 ? `Pulling ${plural(windows.length, 'window')}.` : `Resuming at window ${windowsDone + 1} of ${windows.length}.`);
    return run.finished;
  }

  async function runWindows(signal: AbortSignal): Promise<BulkProgress> {
    try {
      while (windowsDone < windows.length) {
        const startedAt = now();
        const outcome = await pullWindow(retrying, windows[windowsDone]!, signal);
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
      return report(...howItStopped(error, signal, windowsDone, windows.length));
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

interface Run<T> {
  controller: AbortController;
  finished: Promise<T>;
}

/**
 * Runs `work` under its own controller, which also aborts when the session ends; `onEnd` once it
 * has settled. Deferred a tick, so the caller holds the run before any window starts: a cancel()
 * called from the first 'running' report must find the run to stop.
 */
function followingSession<T>(session: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>, onEnd: () => void): Run<T> {
  const controller = new AbortController();
  const endWithSession = () => controller.abort(session?.reason);
  if (session?.aborted) endWithSession();
  session?.addEventListener('abort', endWithSession, { once: true });
  const finished = Promise.resolve()
    .then(() => work(controller.signal))
    .finally(() => {
      session?.removeEventListener('abort', endWithSession);
      onEnd();
    });
  return { controller, finished };
}

/** The final state of a run that threw after `done` of `total` windows. */
function howItStopped(error: unknown, signal: AbortSignal, done: number, total: number): [BulkPullState, string] {
  if (signal.aborted && signal.reason instanceof AppError) return ['failed', signal.reason.message];
  if (signal.aborted) return ['cancelled', `Cancelled after ${done} of ${total} windows.`];
  // Only a bug gets here (fetch failures become verdicts); the pull must still end in a state.
  return ['failed', `The pull stopped at window ${done + 1}: ${error instanceof Error ? error.message : String(error)}`];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
