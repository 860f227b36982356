import { DEFAULT_SETTINGS } from '../settings/settings-store';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../shared/app-error';
import type { ResponseSummary, SavedRequest, Settings } from '../shared/contract';
import { Redactor } from '../redaction/redactor';
import type { BodySource, ResponseStore } from '../response/main/response-store';
import { createTestResponseStore } from '../testing/test-response-store';
import type { StoreContext } from '../store/document-store';
import { createConfFactory } from '../testing/conf-factory';
import { NOT_JSON_AFTER_ALL } from '../response/worker-protocol';
import { BODIES_FOLDER } from './history-bodies';
import { createHistoryService } from './history-service';

const NOW = 1_700_000_000_000;

let dir: string;
let notices: string[];
let ctx: StoreContext;
let settings: Settings;
let responses: ResponseStore;
let redactor: Redactor;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-history-'));
  notices = [];
  ctx = { dir, createConf: createConfFactory(), notify: (m) => notices.push(m), now: () => NOW };
  settings = { ...DEFAULT_SETTINGS };
  responses = createTestResponseStore();
  redactor = new Redactor();
});
afterEach(async () => {
  await responses.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const open = () => createHistoryService({ ctx, settings: () => settings, responses, redactor, now: () => NOW });
type History = ReturnType<typeof open>;

const request = (path: string, overrides: Partial<SavedRequest> = {}): SavedRequest => ({
  method: 'GET',
  path,
  query: [],
  body: { kind: 'none' },
  ...overrides,
});

function summaryFor(req: SavedRequest, text: string, overrides: Partial<ResponseSummary> = {}): ResponseSummary {
  return {
    responseId: 'live1',
    requestId: 'tab1',
    method: req.method,
    url: `https://acme.humanity.com/api/v2/${req.path}?access_token=[REDACTED]`,
    httpStatus: 200,
    statusText: 'OK',
    outcome: 'Success',
    envelope: { kind: 'success', status: 1, meaning: 'Success', error: null },
    durationMs: 120,
    sizeBytes: Buffer.byteLength(text),
    headers: [{ name: 'content-type', value: 'application/json' }],
    contentType: 'application/json',
    bodyKind: 'json',
    textChars: text.length,
    refreshed: false,
    receivedAt: NOW + 5,
    ...overrides,
  };
}

const textBody = (text: string): BodySource => ({ sizeBytes: Buffer.byteLength(text), readText: async () => text, isJson: async () => true });

/** Records a successful exchange whose body is `value` as JSON. */
function recordOk(history: History, req: SavedRequest, value: unknown = { status: 1, data: [] }, overrides: Partial<ResponseSummary> = {}) {
  const text = JSON.stringify(value);
  history.record({ request: req, summary: summaryFor(req, text, overrides), body: textBody(text), error: null });
}

const bodyFiles = () => (existsSync(join(dir, BODIES_FOLDER)) ? readdirSync(join(dir, BODIES_FOLDER)).sort() : []);
const keptIds = (history: History) =>
  history
    .list({ query: '', offset: 0, limit: 200 })
    .entries.filter((e) => e.bodyKept)
    .map((e) => `${e.id}.json`)
    .sort();

function allFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

async function caught(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^[A-Z].*\.$/s);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('history: recording and listing', () => {
  it('records requests newest first with status, outcome, envelope, duration, size and time', () => {
    const history = open();
    const typed = request('employees/{{id}}', { query: [{ name: 'fields', value: 'id', enabled: true }] });
    recordOk(history, request('shifts'));
    recordOk(history, typed, { status: 20, error: 'No access' }, {
      httpStatus: 200,
      outcome: 'Incorrect permissions (status 20): No access',
      envelope: { kind: 'business_error', status: 20, meaning: 'Incorrect permissions', error: 'No access' },
      durationMs: 77,
      receivedAt: NOW + 99,
    });
    const { entries, total } = history.list({ query: '', offset: 0, limit: 10 });
    expect(total).toBe(2);
    expect(entries[0]).toMatchObject({
      at: NOW + 99,
      request: typed,
      httpStatus: 200,
      outcome: 'Incorrect permissions (status 20): No access',
      envelopeKind: 'business_error',
      durationMs: 77,
      sizeBytes: JSON.stringify({ status: 20, error: 'No access' }).length,
      bodyKept: true,
    });
    expect(entries[1]!.request.path).toBe('shifts');
    expect(entries[0]!.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('records a failed request with no HTTP status and the error sentence', () => {
    const history = open();
    history.record({ request: request('shifts'), summary: null, body: null, error: new AppError('timeout', 'Humanity did not answer within 60 seconds.') });
    expect(history.list({ query: '', offset: 0, limit: 10 }).entries[0]).toMatchObject({
      at: NOW,
      httpStatus: null,
      outcome: 'Humanity did not answer within 60 seconds.',
      envelopeKind: null,
      bodyKept: false,
    });
  });

  it('searches method, path, parameter values and outcome, ignoring case, and pages the hits', () => {
    const history = open();
    recordOk(history, request('employees'));
    recordOk(history, request('shifts', { method: 'POST', body: { kind: 'json', text: '{}' } }));
    recordOk(history, request('reports/custom', { query: [{ name: 'type', value: 'PayRoll', enabled: true }] }));
    recordOk(history, request('positions'), {}, { outcome: 'Forbidden: your role may not allow this.' });
    const paths = (query: string) => history.list({ query, offset: 0, limit: 10 }).entries.map((e) => e.request.path);
    expect(paths('post')).toEqual(['shifts']);
    expect(paths('EMPLOY')).toEqual(['employees']);
    expect(paths('payroll')).toEqual(['reports/custom']);
    expect(paths('forbidden')).toEqual(['positions']);
    expect(paths('nothing like it')).toEqual([]);
    expect(history.list({ query: 'get', offset: 1, limit: 1 })).toMatchObject({ total: 3, entries: [{ request: { path: 'reports/custom' } }] });
  });
});

describe('history: saving', () => {
  it('lists a request at once and writes the files by itself shortly after a burst', async () => {
    const history = open();
    for (const path of ['a', 'b', 'c']) recordOk(history, request(path));
    expect(history.list({ query: '', offset: 0, limit: 10 }).total).toBe(3);
    // Watched through the file: opening a second history here while the first one is mid-save
    // would sweep the bodies it has written but not yet listed.
    const listed = () => existsSync(join(dir, 'history.json')) && (JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')) as { entries: unknown[] }).entries.length;
    await vi.waitFor(() => expect(listed()).toBe(3), { timeout: 5000 });
    expect(bodyFiles()).toHaveLength(3);
    expect(open().list({ query: '', offset: 0, limit: 10 }).entries.map((e) => e.request.path)).toEqual(['c', 'b', 'a']);
  });
});

describe('history: caps', () => {
  it('keeps only historyLimit entries and deletes the body files of evicted ones', async () => {
    settings.historyLimit = 3;
    const history = open();
    for (const path of ['a', 'b', 'c']) recordOk(history, request(path));
    await history.flush();
    for (const path of ['d', 'e']) recordOk(history, request(path));
    await history.flush();
    expect(history.list({ query: '', offset: 0, limit: 10 }).entries.map((e) => e.request.path)).toEqual(['e', 'd', 'c']);
    expect(bodyFiles()).toHaveLength(3);
    expect(bodyFiles()).toEqual(keptIds(history));
  });

  it('keeps nothing with a limit of 0, and lowering it to 0 forgets what was kept', async () => {
    const history = open();
    recordOk(history, request('a'));
    await history.flush();
    settings.historyLimit = 0;
    recordOk(history, request('b'));
    await history.flush();
    expect(history.list({ query: '', offset: 0, limit: 10 }).total).toBe(0);
    expect(bodyFiles()).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')).entries).toEqual([]);
  });

  it('keeps a body only within historyBodyLimitKB, without reading bigger ones', async () => {
    settings.historyBodyLimitKB = 1;
    const history = open();
    recordOk(history, request('big'), { data: 'x'.repeat(1100) });
    recordOk(history, request('small'), { data: 'x'.repeat(900) });
    history.record({
      request: request('huge'),
      summary: summaryFor(request('huge'), ''),
      body: { sizeBytes: 50_000_000, readText: () => Promise.reject(new Error('a body over the cap is never read')), isJson: async () => true },
      error: null,
    });
    await history.flush();
    const [huge, small, big] = history.list({ query: '', offset: 0, limit: 10 }).entries;
    expect(huge).toMatchObject({ bodyKept: false });
    expect(small).toMatchObject({ bodyKept: true });
    expect(big).toMatchObject({ bodyKept: false, sizeBytes: 1111 });
    expect(bodyFiles()).toEqual([`${small!.id}.json`]);
    expect((await history.open({ id: big!.id })).summary).toBeNull();
  });

  it('keeps history.json small: bodies live in their own files', async () => {
    const history = open();
    recordOk(history, request('shifts'), { data: 'y'.repeat(100_000) });
    await history.flush();
    expect(statSync(join(dir, 'history.json')).size).toBeLessThan(2000);
    expect(statSync(join(dir, BODIES_FOLDER, bodyFiles()[0]!)).size).toBeGreaterThan(100_000);
  });
});

describe('history: reopening', () => {
  it('rebuilds the response under a new responseId, with tree and text working', async () => {
    const history = open();
    const req = request('employees');
    const value = { status: 1, data: [{ id: 1, name: 'Ada' }], error: null };
    recordOk(history, req, value);
    const [entry] = history.list({ query: '', offset: 0, limit: 1 }).entries;
    const opened = await history.open({ id: entry!.id });
    expect(opened.request).toEqual(req);
    const text = JSON.stringify(value);
    const summary = opened.summary!;
    expect(summary).toEqual({ ...summaryFor(req, text), account: null, responseId: summary.responseId, requestId: entry!.id });
    expect(summary.responseId).not.toBe('live1');
    expect(summary.responseId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect((await responses.text(summary.responseId, 0, 1000, false)).text).toBe(text);
    expect((await responses.tree(summary.responseId, { expanded: ['', '/data'] }, 0, 10)).rows.map((r) => r.path)).toEqual(['', '/status', '/data', '/data/0', '/error']);
    expect((await history.open({ id: entry!.id })).summary!.responseId).not.toBe(summary.responseId);
    // The same once the body is on disk.
    await history.flush();
    expect((await history.open({ id: entry!.id })).summary).toMatchObject({ textChars: text.length });
  });

  it('answers not_found for an unknown entry', async () => {
    expect((await caught(() => open().open({ id: 'nope' }))).code).toBe('not_found');
  });

  it('survives closing and reopening the app', async () => {
    const first = open();
    recordOk(first, request('employees'), { data: [{ id: 9 }] });
    await first.flush();
    const again = open();
    const [entry] = again.list({ query: '', offset: 0, limit: 10 }).entries;
    expect(entry!.request.path).toBe('employees');
    const summary = (await again.open({ id: entry!.id })).summary!;
    expect((await responses.text(summary.responseId, 0, 100, false)).text).toBe('{"data":[{"id":9}]}');
  });

  it('reopens a body told as JSON from its first rows and broken past them as text, saying why, also after a restart', async () => {
    settings.historyBodyLimitKB = 2048;
    const history = open();
    // About 1 MB, received whole as the app receives a big body: told as JSON before its whole parse.
    const items = Array.from({ length: 20_000 }, (_, id) => `{"id":${id},"name":"Employee ${id}"}`);
    const raw = `{"status":1,"data":[${items.join(',')}],"error":null}`.replace('"id":19000,', '"id":19000,,');
    const incoming = responses.receive(raw.length);
    incoming.push(Buffer.from(raw));
    const kept = await incoming.finish();
    expect(kept).toMatchObject({ isJson: true, toldJson: true });
    const req = request('employees');
    history.record({ request: req, summary: summaryFor(req, raw, { responseId: kept.responseId }), body: kept.body, error: null });

    const told = { bodyKind: 'text', outcome: NOT_JSON_AFTER_ALL, envelope: { kind: 'not_envelope', meaning: NOT_JSON_AFTER_ALL } };
    const [entry] = history.list({ query: '', offset: 0, limit: 1 }).entries;
    // Opened before its file is written, it waits for the whole parse.
    expect((await history.open({ id: entry!.id })).summary).toMatchObject(told);
    expect(history.list({ query: '', offset: 0, limit: 1 }).entries[0]).toMatchObject({ outcome: NOT_JSON_AFTER_ALL, envelopeKind: 'not_envelope', bodyKept: true });
    await history.flush();
    const again = open();
    expect(again.list({ query: '', offset: 0, limit: 1 }).entries[0]).toMatchObject({ outcome: NOT_JSON_AFTER_ALL, envelopeKind: 'not_envelope' });
    const reopened = (await again.open({ id: entry!.id })).summary!;
    expect(reopened).toMatchObject(told);
    expect((await responses.text(reopened.responseId, 0, raw.length, false)).text).toBe(raw);
  });

  it('sets a damaged history.json aside, says where, and sweeps the bodies it referred to', async () => {
    const first = open();
    recordOk(first, request('employees'));
    await first.flush();
    writeFileSync(join(dir, 'history.json'), '{"entries": [ half');
    const history = open();
    expect(history.list({ query: '', offset: 0, limit: 10 }).total).toBe(0);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(join(dir, `history.corrupt-${NOW}.json`));
    expect(bodyFiles()).toEqual([]);
  });
});

describe('history: clear', () => {
  it('forgets every entry and deletes the kept bodies', async () => {
    const history = open();
    recordOk(history, request('a'));
    recordOk(history, request('b'));
    await history.flush();
    const [entry] = history.list({ query: '', offset: 0, limit: 1 }).entries;
    expect(history.clear()).toEqual({ total: 0 });
    expect(history.list({ query: '', offset: 0, limit: 10 })).toEqual({ entries: [], total: 0 });
    expect(bodyFiles()).toEqual([]);
    expect((await caught(() => history.open({ id: entry!.id }))).code).toBe('not_found');
    expect(open().list({ query: '', offset: 0, limit: 10 }).total).toBe(0);
  });
});

describe('history: secrets', () => {
  it('never writes a token, secret or password to any file, even inside quotes or escapes', async () => {
    const secrets = ['pw-"quoted\\slash"-SENTINEL', 'appsecret-SENTINEL-1', 'access-token-SENTINEL-2'];
    redactor.addSecret(secrets[0], secrets[1]);
    redactor.addSecret(secrets[2]);
    const history = open();
    const req = request(`employees/${secrets[2]}`, {
      method: 'POST',
      query: [{ name: 'note', value: secrets[1], enabled: true }],
      body: { kind: 'form', fields: [{ name: 'password', value: secrets[0], enabled: true }] },
    });
    const value = { status: 3, token: secrets[2], data: { echo: secrets[0] } };
    recordOk(history, req, value, {
      url: `https://acme.humanity.com/api/v2/employees?access_token=${secrets[2]}`,
      outcome: `Rejected ${secrets[1]}`,
      headers: [{ name: 'x-echo', value: secrets[0] }],
    });
    history.record({ request: req, summary: null, body: null, error: new AppError('network', `Failed for ${secrets[0]}.`) });
    await history.flush();

    const written = allFiles(dir).map((path) => readFileSync(path, 'utf8'));
    expect(written.length).toBeGreaterThanOrEqual(2);
    const escaped = secrets.map((s) => JSON.stringify(s).slice(1, -1));
    for (const content of written) for (const secret of [...secrets, ...escaped]) expect(content).not.toContain(secret);
    expect(written.join('\n')).toContain('[REDACTED]');
    // What the renderer gets back is redacted too.
    const [failed, ok] = history.list({ query: '', offset: 0, limit: 10 }).entries;
    expect(failed!.outcome).toBe('Failed for [REDACTED].');
    expect(ok!.request.body).toEqual({ kind: 'form', fields: [{ name: 'password', value: '[REDACTED]', enabled: true }] });
  });
});

describe('history: write failures', () => {
  it('keeps sending working when history.json cannot be written, and says so once', async () => {
    const history = open();
    rmSync(join(dir, 'history.json'));
    mkdirSync(join(dir, 'history.json'));
    expect(() => {
      recordOk(history, request('a'));
      recordOk(history, request('b'));
    }).not.toThrow();
    await history.flush();
    history.record({ request: request('c'), summary: null, body: null, error: new AppError('network', 'Offline.') });
    await history.flush();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Could not save history to .*history\.json.*Sending still works.*\.$/s);
    expect(notices[0]).toContain('EISDIR');
    // The session still remembers; the next successful save writes everything.
    expect(history.list({ query: '', offset: 0, limit: 10 }).entries.map((e) => e.request.path)).toEqual(['c', 'b', 'a']);
    rmSync(join(dir, 'history.json'), { recursive: true });
    recordOk(history, request('d'));
    await history.flush();
    expect(open().list({ query: '', offset: 0, limit: 10 }).entries.map((e) => e.request.path)).toEqual(['d', 'c', 'b', 'a']);
    expect(notices).toHaveLength(1);
  });

  it('records the entry without its body when the body folder cannot be written', async () => {
    const history = open();
    writeFileSync(join(dir, BODIES_FOLDER), 'not a folder');
    recordOk(history, request('a'));
    recordOk(history, request('b'));
    await history.flush();
    expect(history.list({ query: '', offset: 0, limit: 10 }).entries.map((e) => [e.request.path, e.bodyKept])).toEqual([
      ['b', false],
      ['a', false],
    ]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^History could not be saved: a file already has that name\. Sending still works.*\.$/s);
  });

  it('reports a new failure again after saving worked in between', async () => {
    const history = open();
    const block = () => {
      rmSync(join(dir, 'history.json'), { force: true });
      mkdirSync(join(dir, 'history.json'));
    };
    block();
    recordOk(history, request('a'));
    await history.flush();
    rmSync(join(dir, 'history.json'), { recursive: true });
    recordOk(history, request('b'));
    await history.flush();
    block();
    recordOk(history, request('c'));
    await history.flush();
    expect(notices).toHaveLength(2);
  });
});
