// The proxy path over real parts on loopback: the sandbox served over HTTPS with a CA the test
// makes, a real CONNECT proxy in front of it, and the real core. The sandbox is named
// sandbox.test, which only the proxy resolves (to 127.0.0.1): loopback never goes through a proxy,
// so a name the desktop cannot resolve is how these tests prove the requests took the proxy.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BulkProgressView, Result } from '../shared/contract';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { getRequest, startCore, type CoreFixture, type CoreFixtureOptions } from '../testing/core-fixture';
import { makeTestCertificates, startTestProxy, type TestProxy } from '../testing/test-network';

const LOGIN = { username: 'alex', password: 'proxy-pass-4411' };
const UNTRUSTED = (host: string) =>
  `The certificate of ${host} was issued by 'Corp Inspection CA', which this computer does not trust. If your company inspects HTTPS, add its certificate in Settings > Network.`;

let sandbox: SandboxServer;
let proxy: TestProxy;
let lockedProxy: TestProxy;
let pemPath: string;
let sandboxHost: string;
const open: CoreFixture[] = [];

beforeAll(async () => {
  const certificates = makeTestCertificates('Corp Inspection CA', ['sandbox.test', 'localhost']);
  pemPath = join(mkdtempSync(join(tmpdir(), 'hae-net-')), 'corp-ca.pem');
  writeFileSync(pemPath, certificates.caPem);
  sandbox = await startSandbox({ tls: { key: certificates.key, cert: certificates.cert }, urlHost: 'sandbox.test' });
  sandboxHost = new URL(sandbox.url).host;
  proxy = await startTestProxy({ names: { 'sandbox.test': '127.0.0.1' } });
  lockedProxy = await startTestProxy({ names: { 'sandbox.test': '127.0.0.1' }, login: LOGIN });
});
afterAll(async () => {
  await Promise.all([sandbox.close(), proxy.close(), lockedProxy.close()]);
});
afterEach(async () => {
  while (open.length) await open.pop()!.close();
  proxy.tunnels.length = 0;
  lockedProxy.tunnels.length = 0;
  sandbox.resetStats();
});

function data<T>(result: Result<unknown>): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: T }).data;
}

async function core(options: CoreFixtureOptions = {}): Promise<CoreFixture> {
  const f = await startCore({ sandbox, dialogs: { openFile: async () => pemPath, saveFile: async () => null }, ...options });
  open.push(f);
  return f;
}

async function manualProxy(f: CoreFixture, url: string, username = ''): Promise<void> {
  data(await f.call('settings:update', { proxyMode: 'manual', proxyUrl: url, proxyUsername: username }));
}

async function trustTestCa(f: CoreFixture): Promise<void> {
  const state = data<{ certificates: { names: string[] } | null }>(await f.call('network:chooseCertificates'));
  expect(state.certificates?.names).toEqual(['Corp Inspection CA']);
}

async function pullRange(f: CoreFixture): Promise<BulkProgressView> {
  const shifts = { method: 'GET' as const, path: 'shifts', query: [{ name: 'mode', value: 'overview', enabled: true }], body: { kind: 'none' as const } };
  const started = data<BulkProgressView>(await f.call('bulk:start', { request: shifts, collectionId: null, startDate: '2026-01-01', endDate: '2026-02-28' }));
  for (let i = 0; i < 400; i += 1) {
    const progress = data<BulkProgressView>(await f.call('bulk:status', { pullId: started.pullId }));
    if (progress.state !== 'running') return progress;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the pull did not finish');
}

/** Sign-in, a send, a token refresh and a Pull range: everything that reaches the API host. */
async function everyKindOfRequest(f: CoreFixture): Promise<void> {
  data(await f.login());
  const me = data<{ httpStatus: number }>(await f.call('request:send', getRequest('me')));
  expect(me.httpStatus).toBe(200);
  sandbox.expireAccessTokens();
  const afterExpiry = data<{ httpStatus: number; refreshed: boolean }>(await f.call('request:send', getRequest('me')));
  expect(afterExpiry).toMatchObject({ httpStatus: 200, refreshed: true });
  expect(sandbox.stats().refreshGrants + sandbox.stats().passwordGrants).toBeGreaterThanOrEqual(2);
  const pull = await pullRange(f);
  expect(pull.state, pull.message).toBe('done');
  expect(pull.rows).toBeGreaterThan(0);
}

describe('through a CONNECT proxy to the sandbox over HTTPS', () => {
  it('refuses a certificate from a CA this computer does not trust, in words, before anything is sent', async () => {
    const f = await core();
    await manualProxy(f, proxy.url);
    const result = await f.login();
    expect(result).toMatchObject({ ok: false, error: { code: 'tls_failed', message: UNTRUSTED(sandbox.url.replace('https://', '').replace(/:\d+$/, '')) } });
    expect(proxy.tunnels).toContain(sandboxHost);
    expect(sandbox.stats().passwordGrants).toBe(0);
  });

  it('signs in, sends, refreshes and pulls a range through the proxy once the CA is the extra PEM', async () => {
    const f = await core();
    await manualProxy(f, proxy.url);
    await trustTestCa(f);
    await everyKindOfRequest(f);
    expect(new Set(proxy.tunnels)).toEqual(new Set([sandboxHost]));
  });

  it('logs in to a proxy that asks for a password, with the password sealed in the vault', async () => {
    const f = await core();
    await manualProxy(f, lockedProxy.url, LOGIN.username);
    await trustTestCa(f);
    const state = data<{ proxyCredential: string }>(await f.call('network:saveProxyPassword', { password: LOGIN.password }));
    expect(state.proxyCredential).toBe('encrypted');
    await everyKindOfRequest(f);
    expect(lockedProxy.tunnels.length).toBeGreaterThan(0);
  });
});
