// The runner over a scripted sender: which steps each kind of request goes through, Cancel and
// the in-flight map, what history records, and what is dropped once the session has ended.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Redactor } from '../redaction/redactor';
import { DEFAULT_SETTINGS } from '../settings/settings-store';
import { AppError } from '../shared/app-error';
import type { RequestInput, Settings } from '../shared/contract';
import { createTestResponseStore } from '../testing/test-response-store';
import { fakeResponse, fakeTokens, hang, jsonResponse, scriptedSend, type Reply } from '../testing/fake-http';
import { createRequestRunner, type HistoryRecorder } from './request-runner';

const OK = { status: 1, data: { id: 1 }, error: null };
const store = createTestResponseStore();
afterEach(() => store.clear());
afterAll(() => store.dispose());

function runnerOver(replies: Reply[], settings: Partial<Settings> = {}) {
  const { send, sent } = scriptedSend(...replies);
  const history: Array<Parameters<HistoryRecorder['record']>[0]> = [];
  const runner = createRequestRunner({
    http: send,
    now: () => 1_000,
    settings: () => ({ ...DEFAULT_SETTINGS, ...settings }),
    redactor: new Redactor(),
    responses: store,
    variables: { resolve: (request) => request },
    history: { record: (entry) => history.push(entry) },
  });
  return { runner, sent, history };
}

const input = (path = 'me', method: RequestInput['method'] = 'GET'): RequestInput => ({ requestId: 'tab-1', method, path, query: [], body: { kind: 'none' } });

describe('send', () => {
  it('goes through safe retry, token retry and redirects, keeps the body and records the request', async () => {
    const { runner, sent, history } = runnerOver([fakeResponse(503), jsonResponse(401, {}), fakeResponse(302, { headers: { location: 'moved' } }), jsonResponse(200, OK)]);
    const summary = await runner.send(fakeTokens(), input('employees'));
    expect(sent.map((request) => request.url.href)).toEqual([
      'https://api.example/api/v2/employees?access_token=token-1',
      'https://api.example/api/v2/employees?access_token=token-1',
      'https://api.example/api/v2/employees?access_token=token-2',
      'https://api.example/api/v2/moved?access_token=token-2',
    ]);
    expect(summary).toMatchObject({ httpStatus: 200, refreshed: true, outcome: 'Success', url: 'https://api.example/api/v2/moved?access_token=[REDACTED]' });
    // The retried and the refused responses were dropped: only the last one is kept.
    expect(store.count).toBe(1);
    // The tree's first page goes to the window only; history keeps the summary.
    const { firstRows, ...recorded } = summary;
    expect(firstRows).toMatchObject({ expanded: ['', '/data'], totalRows: 5 });
    expect(history).toEqual([expect.objectContaining({ summary: recorded, error: null, request: expect.objectContaining({ path: 'employees' }) })]);
  });

  it('a write refused by read-only mode is neither sent nor recorded', async () => {
    const { runner, sent, history } = runnerOver([], { readOnly: true });
    await expect(runner.send(fakeTokens(), input('positions', 'POST'))).rejects.toMatchObject({ code: 'read_only' });
    expect([sent, history]).toEqual([[], []]);
  });

  it('Cancel stops the request by its id; the failure is recorded', async () => {
    const { runner, sent, history } = runnerOver([hang]);
    const pending = runner.send(fakeTokens(), input());
    await expect.poll(() => sent.length).toBe(1);
    expect(runner.cancel('tab-1')).toBe(true);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(history).toEqual([expect.objectContaining({ summary: null, error: expect.objectContaining({ code: 'cancelled' }) })]);
    expect(runner.cancel('tab-1')).toBe(false);
  });

  it('a second send from the same tab cancels the first', async () => {
    const { runner, sent } = runnerOver([hang, jsonResponse(200, OK)]);
    const first = runner.send(fakeTokens(), input()).catch((error: unknown) => error);
    await expect.poll(() => sent.length).toBe(1);
    await expect(runner.send(fakeTokens(), input())).resolves.toMatchObject({ httpStatus: 200 });
    expect(await first).toMatchObject({ code: 'cancelled' });
  });

  it('a response that arrives after its session ended is dropped: not kept, recorded only as stopped', async () => {
    const session = new AbortController();
    const signedOut = new AppError('cancelled', 'Stopped: you signed out, which ended the session this was running in.');
    const { runner, history } = runnerOver([
      () => {
        session.abort(signedOut);
        return jsonResponse(200, OK);
      },
    ]);
    await expect(runner.send(fakeTokens({ signal: session.signal }), input())).rejects.toBe(signedOut);
    expect(store.count).toBe(0);
    expect(history).toEqual([expect.objectContaining({ summary: null, body: null, error: signedOut })]);
  });
});

describe('call and getJson', () => {
  it('a pull call is not retried by the safe retry step (the pull paces itself) and not recorded', async () => {
    const { runner, sent, history } = runnerOver([fakeResponse(429, { headers: { 'retry-after': '3' } })]);
    const called = await runner.call(fakeTokens(), { method: 'GET', path: 'shifts', query: [], body: { kind: 'none' } }, new AbortController().signal);
    expect(called).toEqual({ status: 429, retryAfterSeconds: 3, body: '' });
    expect([sent.length, history.length, store.count]).toEqual([1, 0, 0]);
  });

  it("a pull's signal stops its call", async () => {
    const { runner } = runnerOver([hang]);
    const pull = new AbortController();
    const calling = runner.call(fakeTokens(), { method: 'GET', path: 'shifts', query: [], body: { kind: 'none' } }, pull.signal);
    pull.abort();
    await expect(calling).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('getJson renews a refused token and gives the JSON; a failure status is a sentence', async () => {
    const { runner } = runnerOver([jsonResponse(401, {}), jsonResponse(200, OK), fakeResponse(500)]);
    await expect(runner.getJson(fakeTokens(), 'me')).resolves.toEqual(OK);
    await expect(runner.getJson(fakeTokens(), 'me')).rejects.toMatchObject({ code: 'network', message: 'GET /me answered HTTP 500.' });
  });
});
