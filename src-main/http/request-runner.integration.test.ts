// request:send through the real core over HTTP: URL rules, token delivery, envelope, redirects,
// timeouts, cancellation and network faults.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseSummary, TreeRow } from '../shared/contract';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';
import { hang, json, startScriptedHost, type Route, type ScriptedHost } from '../testing/scripted-host';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function signedIn(): Promise<CoreFixture> {
  const f = await startCore();
  open.push(f);
  expect((await f.login()).ok).toBe(true);
  return f;
}

async function signedInTo(routes: Record<string, Route>): Promise<{ f: CoreFixture; host: ScriptedHost }> {
  const host = await startScriptedHost(routes);
  open.push(host);
  const f = await startCore();
  open.push(f);
  expect((await f.login({ host: host.url })).ok).toBe(true);
  return { f, host };
}

function data<T>(result: { ok: boolean }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as unknown as { data: T }).data;
}

describe('request:send against the sandbox', () => {
  it('GET /employees: envelope success, body kept in main, token echo and URL token redacted', async () => {
    const f = await signedIn();
    const summary = data<ResponseSummary>(await f.call('request:send', getRequest('employees')));
    expect(summary).toMatchObject({ httpStatus: 200, bodyKind: 'json', outcome: 'Success', envelope: { kind: 'success', status: 1 } });
    expect(summary.url).toBe(`${f.sandbox.url}/api/v2/employees?access_token=[REDACTED]`);
    expect(summary.sizeBytes).toBeGreaterThan(100);

    const raw = data<{ text: string; totalChars: number }>(await f.call('response:text', { responseId: summary.responseId, offset: 0, length: 262_144, pretty: false }));
    const body = JSON.parse(raw.text);
    expect(body.token).toBe('[REDACTED]');
    expect(Array.isArray(body.data)).toBe(true);

    const tree = data<{ rows: TreeRow[]; totalRows: number }>(
      await f.call('response:tree', { responseId: summary.responseId, expanded: ['', '/data'], offset: 0, limit: 50 }),
    );
    expect(tree.rows[0]).toMatchObject({ path: '', kind: 'object', expanded: true });
    expect(tree.rows.find((r) => r.path === '/data')).toMatchObject({ kind: 'array', childCount: body.data.length });
    expect(tree.totalRows).toBe(1 + Object.keys(body).length + body.data.length);
  });

  it('a business error arrives with HTTP 200 and is described in words', async () => {
    const f = await signedIn();
    const summary = data<ResponseSummary>(await f.call('request:send', getRequest('employees/99999999')));
    expect(summary.httpStatus).toBe(200);
    expect(summary.envelope.kind).toBe('business_error');
    expect(summary.outcome).toMatch(/status \d+/);
  });

  it('form bodies create records the next GET returns', async () => {
    const f = await signedIn();
    const created = data<ResponseSummary>(
      await f.call('request:send', {
        requestId: 'create-1',
        method: 'POST',
        path: 'positions',
        query: [],
        body: { kind: 'form', fields: [{ name: 'name', value: 'Night Barista', enabled: true }, { name: 'ignored', value: 'x', enabled: false }] },
      }),
    );
    expect(created.envelope.kind).toBe('success');
    const list = data<ResponseSummary>(await f.call('request:send', getRequest('positions')));
    const text = data<{ text: string }>(await f.call('response:text', { responseId: list.responseId, offset: 0, length: 262_144, pretty: false })).text;
    expect(text).toContain('Night Barista');
  });

  it('an invalid JSON body is refused with a sentence before anything is sent', async () => {
    const f = await signedIn();
    const calls = f.sandbox.stats().apiCalls;
    const result = await f.call('request:send', { requestId: 'bad-json', method: 'POST', path: 'employees', query: [], body: { kind: 'json', text: '{"a":' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_body' } });
    if (!result.ok) expect(result.error.message).toMatch(/^The JSON body is not valid: .+\. Fix it and send again\.$/);
    expect(f.sandbox.stats().apiCalls).toBe(calls);
  });

  it.each(['../oauth2/token.php', 'https://evil.example/api/v2/me', '//evil.example/x', 'employees/%2e%2e/%2e%2e/oauth2', 'employees%2f..', 'me\r\nX-Injected: 1'])(
    'refuses the path %j and sends nothing',
    async (path) => {
      const f = await signedIn();
      const calls = f.sandbox.stats().apiCalls;
      expect(await f.call('request:send', { ...getRequest('me'), path })).toMatchObject({ ok: false, error: { code: 'invalid_path' } });
      expect(f.sandbox.stats().apiCalls).toBe(calls);
    },
  );

  it('reports 5xx, malformed JSON and dropped connections as outcomes or sentences', async () => {
    const f = await signedIn();
    data(await f.call('settings:update', { retrySafeRequests: false }));
    f.sandbox.setFaults({ failNext: { count: 1, status: 502 } });
    const failed = data<ResponseSummary>(await f.call('request:send', getRequest('employees')));
    expect(failed.httpStatus).toBe(502);
    expect(failed.outcome).toMatch(/server error \(HTTP 502\)/);

    f.sandbox.setFaults({ malformedNext: 1 });
    const malformed = data<ResponseSummary>(await f.call('request:send', getRequest('employees')));
    expect(malformed.bodyKind).toBe('text');
    expect(malformed.outcome).toMatch(/not JSON/);

    f.sandbox.setFaults({ dropNext: 1 });
    const dropped = await f.call('request:send', getRequest('employees'));
    expect(dropped).toMatchObject({ ok: false, error: { code: 'network' } });

    expect(data<ResponseSummary>(await f.call('request:send', getRequest('employees'))).envelope.kind).toBe('success');
  });

  it('more than 31 days of shifts: HTTP 500 explained', async () => {
    const f = await signedIn();
    const summary = data<ResponseSummary>(await f.call('request:send', getRequest('shifts', [['start_date', '2026-01-01'], ['end_date', '2026-03-01']])));
    expect(summary.httpStatus).toBe(500);
    expect(summary.outcome).toMatch(/one month or less|date/i);
  });
});

describe('token delivery', () => {
  it('query parameter by default, Authorization header when set', async () => {
    const { f, host } = await signedInTo({ '/api/v2/me': json(200, { status: 1, data: { id: 1, name: 'A' }, error: null }) });
    data(await f.call('request:send', getRequest('me')));
    const byQuery = host.requests.filter((r) => r.url.startsWith('/api/v2/me')).at(-1)!;
    expect(byQuery.url).toContain('access_token=scripted-access-token');
    expect(byQuery.headers.authorization).toBeUndefined();

    data(await f.call('settings:update', { tokenDelivery: 'header' }));
    data(await f.call('request:send', getRequest('me')));
    const byHeader = host.requests.filter((r) => r.url.startsWith('/api/v2/me')).at(-1)!;
    expect(byHeader.url).not.toContain('access_token');
    expect(byHeader.headers.authorization).toBe('Bearer scripted-access-token');
  });
});

describe('redirects', () => {
  it('follows a same-origin redirect with the token and never follows one to another origin', async () => {
    const elsewhere = await startScriptedHost({ '/api/v2/stolen': json(200, { status: 1, data: 'gotcha', error: null }) });
    open.push(elsewhere);
    const { f } = await signedInTo({
      '/api/v2/moved': (_req, res) => res.writeHead(302, { location: '/api/v2/here' }).end(),
      '/api/v2/here': json(200, { status: 1, data: { moved: true }, error: null }),
      '/api/v2/away': (_req, res) => res.writeHead(302, { location: `${elsewhere.url}/api/v2/stolen?x=1` }).end(),
    });
    const moved = data<ResponseSummary>(await f.call('request:send', getRequest('moved')));
    expect(moved.outcome).toBe('Success');

    const away = data<ResponseSummary>(await f.call('request:send', getRequest('away')));
    expect(away.httpStatus).toBe(302);
    expect(away.outcome).toMatch(/another host .*not followed/);
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe('compressed answers', () => {
  it('a gzip token answer, and gzip API answers small and large, read as the JSON they pack', async () => {
    const gzipped =
      (value: unknown): Route =>
      (req, res) => {
        expect(req.headers['accept-encoding']).toContain('gzip');
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(JSON.stringify(value)));
      };
    // Past the size read in one go, so it streams through the body worker.
    const many = Array.from({ length: 5000 }, (_, id) => ({ id, name: `Employee ${id}` }));
    const { f } = await signedInTo({
      '/oauth2/token.php': gzipped({ access_token: 'gzip-access-token', refresh_token: 'gzip-refresh-token', expires_in: 3600 }),
      '/api/v2/small': gzipped({ status: 1, data: { small: true }, error: null }),
      '/api/v2/large': gzipped({ status: 1, data: many, error: null }),
    });
    const small = data<ResponseSummary>(await f.call('request:send', getRequest('small')));
    expect(small).toMatchObject({ httpStatus: 200, bodyKind: 'json', outcome: 'Success' });
    expect(small.headers).toContainEqual({ name: 'content-encoding', value: 'gzip' });
    const large = data<ResponseSummary>(await f.call('request:send', getRequest('large')));
    expect(large).toMatchObject({ bodyKind: 'json', outcome: 'Success', sizeBytes: JSON.stringify({ status: 1, data: many, error: null }).length });
    const tree = data<{ rows: TreeRow[] }>(await f.call('response:tree', { responseId: large.responseId, expanded: ['', '/data'], offset: 0, limit: 5 }));
    expect(tree.rows.find((row) => row.path === '/data')).toMatchObject({ kind: 'array', childCount: 5000 });
  });
});

describe('answers the runner must not trust', () => {
  it('a Content-Length past the ceiling is refused with the too-large sentence before anything is set aside for it', async () => {
    let closed = false;
    const { f } = await signedInTo({
      // Claims 10 GB, sends a little, never ends: sizing memory by the claim would fail or hang.
      '/api/v2/huge': (req, res) => {
        req.socket.on('close', () => (closed = true));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 ** 3) });
        res.write('{"status":1,"data":[');
      },
    });
    const result = await f.call('request:send', getRequest('huge'));
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(f.core.responses.count).toBe(0);
    // Its connection is let go, not left waiting for the rest.
    await expect.poll(() => closed).toBe(true);
  });

  it('a redirect whose Location is not a URL is the answer itself', async () => {
    const { f } = await signedInTo({ '/api/v2/odd': (_req, res) => res.writeHead(302, { location: 'http://[not a host/' }).end() });
    const summary = data<ResponseSummary>(await f.call('request:send', getRequest('odd')));
    expect(summary.httpStatus).toBe(302);
  });
});

describe('timeouts, cancellation, unreachable hosts', () => {
  it('a request slower than the timeout ends with a sentence', async () => {
    const { f } = await signedInTo({ '/api/v2/slow': hang });
    data(await f.call('settings:update', { timeoutSeconds: 1 }));
    const result = await f.call('request:send', getRequest('slow'));
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    if (!result.ok) expect(result.error.message).toMatch(/did not answer within 1 seconds/);
  });

  it('request:cancel stops a running request', async () => {
    const { f } = await signedInTo({ '/api/v2/slow': hang });
    const input = getRequest('slow');
    const pending = f.call('request:send', input);
    await new Promise((r) => setTimeout(r, 100));
    expect(data<{ cancelled: boolean }>(await f.call('request:cancel', { requestId: input.requestId })).cancelled).toBe(true);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'The request was cancelled.' } });
  });

  it('sign-in errors: unreachable host, HTML page, 404, timeout', async () => {
    const f = await startCore();
    open.push(f);
    const closed = await startScriptedHost({});
    const closedUrl = closed.url;
    await closed.close();
    expect(await f.login({ host: closedUrl })).toMatchObject({ ok: false, error: { code: 'host_unreachable' } });

    const html = await startScriptedHost({ '/oauth2/token.php': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Hi</title>') });
    open.push(html);
    const htmlResult = await f.login({ host: html.url });
    expect(htmlResult).toMatchObject({ ok: false, error: { code: 'not_token_endpoint' } });
    if (!htmlResult.ok) expect(htmlResult.error.message).toMatch(/HTML page/);

    const missing = await startScriptedHost({ '/oauth2/token.php': (_q, res) => res.writeHead(404).end('nope') });
    open.push(missing);
    expect(await f.login({ host: missing.url })).toMatchObject({ ok: false, error: { code: 'not_token_endpoint' } });

    const slow = await startScriptedHost({ '/oauth2/token.php': hang });
    open.push(slow);
    data(await f.call('settings:update', { timeoutSeconds: 1 }));
    expect(await f.login({ host: slow.url })).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });
});
