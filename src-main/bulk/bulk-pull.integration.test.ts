// Bulk pulls of /shifts against the real sandbox over HTTP, with rate limits, a 503 and an
// access token that expires mid-run. Waits are recorded, not slept, so the test stays fast.
import { describe, expect, it } from 'vitest';
import type { SandboxServer } from '../sandbox/server';
import { read, refreshGrant, requestToken, signIn, useSandboxes, type Json } from '../sandbox/test-support';
import { createBulkPull, type BulkProgress } from './bulk-pull';
import type { FetchWindow } from './window-retry';
import { splitRange, type DateWindow } from './date-windows';

const startSandbox = useSandboxes();

/**
 * GET /shifts for a window with the token as query parameter, signing in on first use and
 * refreshing once on HTTP 401, as the app's request runner does in production.
 */
function shiftsOverHttp(sandbox: SandboxServer): FetchWindow {
  let tokens: { access_token: string; refresh_token: string } | null = null;
  const get = async (window: DateWindow, token: string, signal: AbortSignal) => {
    const url = new URL(`${sandbox.url}/api/v2/shifts`);
    url.search = new URLSearchParams({ start_date: window.start, end_date: window.end, access_token: token }).toString();
    return read(await fetch(url, { signal }));
  };
  return async (window, signal) => {
    tokens ??= await signIn(sandbox);
    let answer = await get(window, tokens.access_token, signal);
    if (answer.status === 401) {
      const refreshed = await requestToken(sandbox, refreshGrant(tokens.refresh_token));
      if (refreshed.status !== 200) throw new Error(`refresh failed: ${refreshed.text}`);
      tokens = refreshed.json;
      answer = await get(window, tokens!.access_token, signal);
    }
    const retryAfter = answer.headers.get('retry-after');
    return { status: answer.status, retryAfterSeconds: retryAfter === null ? null : Number(retryAfter), body: answer.json };
  };
}

/** The shift ids of each window, asked for one window at a time with no faults armed. */
async function expectedIds(sandbox: SandboxServer, windows: DateWindow[]): Promise<number[]> {
  const fetchWindow = shiftsOverHttp(sandbox);
  const ids: number[] = [];
  for (const window of windows) {
    const answer = await fetchWindow(window, new AbortController().signal);
    expect(answer.status).toBe(200);
    ids.push(...(answer.body as Json).data.map((shift: Json) => shift.id));
  }
  return ids;
}

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('bulk pull of /shifts against the sandbox', () => {
  it('pulls six months through 429s, a 503 and an expired token, with every shift once', async () => {
    const sandbox = await startSandbox();
    const windows = splitRange('2026-01-01', '2026-06-30');
    expect(windows).toHaveLength(7);
    const expected = await expectedIds(sandbox, windows);
    expect(expected.length).toBeGreaterThan(0);
    sandbox.resetStats();

    sandbox.setFaults({ rateLimitNext: { count: 2, retryAfterSeconds: 0 } });
    const { delays, sleep } = recordingSleep();
    const reports: BulkProgress[] = [];
    const engine = createBulkPull({
      windows,
      fetchWindow: shiftsOverHttp(sandbox),
      sleep,
      onProgress: (progress) => {
        reports.push(progress);
        if (progress.message.startsWith('Pulled 2 of')) sandbox.expireAccessTokens();
        if (progress.message.startsWith('Pulled 4 of')) sandbox.setFaults({ failNext: { count: 1, status: 503 } });
      },
    });
    const final = await engine.start();

    expect(final).toMatchObject({ state: 'done', windowsDone: 7, windowsTotal: 7, rows: expected.length });
    const ids = engine.rows().map((row) => (row as Json).id);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    // Two Retry-After: 0 waits on window 1, then one 1 s back-off for the 503 on window 5.
    expect(delays).toEqual([0, 0, 1000]);
    expect(sandbox.stats()).toMatchObject({ passwordGrants: 1, refreshGrants: 1, rejectedTokens: 1, apiCalls: 7 + 2 + 1 + 1 });
    expect(reports.filter((r) => r.message.includes('Retrying'))).toHaveLength(3);
  });

  it('pulls all of 2025 in 14 windows, every month included', async () => {
    const sandbox = await startSandbox();
    const windows = splitRange('2025-01-01', '2025-12-31');
    expect(windows).toHaveLength(14);
    const expected = await expectedIds(sandbox, windows);

    const engine = createBulkPull({ windows, fetchWindow: shiftsOverHttp(sandbox), sleep: recordingSleep().sleep });
    const final = await engine.start();

    expect(final).toMatchObject({ state: 'done', windowsDone: 14, rows: expected.length });
    const rows = engine.rows() as Json[];
    expect(rows.map((row) => row.id)).toEqual(expected);
    const months = new Set(rows.map((row) => `${row.start_date.year}-${row.start_date.month}`));
    expect(months.size).toBe(12);
    expect(rows.every((row) => row.start_date.year === 2025)).toBe(true);
  });

  it('shows why windows exist: the whole range in one call fails with HTTP 500', async () => {
    const sandbox = await startSandbox();
    const answer = await shiftsOverHttp(sandbox)({ start: '2025-01-01', end: '2025-12-31' }, new AbortController().signal);
    expect(answer.status).toBe(500);
  });
});
