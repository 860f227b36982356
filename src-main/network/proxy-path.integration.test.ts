// The proxy path over real parts on loopback: the sandbox served over HTTPS with a CA the test
// makes, a real CONNECT proxy in front of it, and the real core. The sandbox is named
// sandbox.test, which only the proxy resolves (to 127.0.0.1): loopback never goes through a proxy,
// so a name the desktop cannot resolve is how these tests prove the requests took the proxy.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  proxy = await startTestProxy({ names: { 'sandbox.test': '127.0.0.1', 'other.test': '127.0.0.1' } });
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
  const downloads = mkdtempSync(join(tmpdir(), 'hae-net-download-'));
  const saveFile = async () => join(downloads, 'employees.json');
  const f = await startCore({ sandbox, dialogs: { openFile: async () => pemPath, saveFile }, ...options });
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

/** Sign-in, a send, a token refresh, a download and a Pull range: everything that reaches the API host. */
async function everyKindOfRequest(f: CoreFixture): Promise<void> {
  data(await f.login());
  const me = data<{ httpStatus: number }>(await f.call('request:send', getRequest('me')));
  expect(me.httpStatus).toBe(200);
  sandbox.expireAccessTokens();
  const afterExpiry = data<{ httpStatus: number; refreshed: boolean }>(await f.call('request:send', getRequest('me')));
  expect(afterExpiry).toMatchObject({ httpStatus: 200, refreshed: true });
  expect(sandbox.stats().refreshGrants + sandbox.stats().passwordGrants).toBeGreaterThanOrEqual(2);
  const saved = data<{ saved: boolean; path: string; bytes: number }>(await f.call('request:download', getRequest('employees')));
  expect(saved.saved).toBe(true);
  expect(JSON.parse(readFileSync(saved.path, 'utf8')).status).toBe(1);
  const pull = await pullRange(f);
  expect(pull.state, pull.message).toBe('done');
  expect(pull.rows).toBeGreaterThan(0);
}

describe('through a CONNECT proxy to the sandbox over HTTPS', () => {
  it('refuses a certificate from a CA this computer does not trust, in words, before anything is sent', async () => {
    const f = await core();
    await manualProxy(f, proxy.url);
    const result = await f.login();
    expect(result).toMatchObject({ ok: false, error: { code: 'tls_failed', message: UNTRUSTED('sandbox.test') } });
    expect(proxy.tunnels).toContain(sandboxHost);
    expect(sandbox.stats().passwordGrants).toBe(0);
  });

  it('refuses a trusted certificate that names another host', async () => {
    const f = await core();
    await manualProxy(f, proxy.url);
    await trustTestCa(f);
    const result = await f.login({ host: sandbox.url.replace('sandbox.test', 'other.test') });
    expect(result).toMatchObject({ ok: false, error: { code: 'tls_failed' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/^The certificate presented for other\.test belongs to another name \(it names sandbox\.test, localhost, 127\.0\.0\.1\)/);
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
    // Sealed, never in clear: not in any file the app wrote, nor in its log.
    for (const file of readdirSync(f.userDataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())) {
      expect(readFileSync(join(file.parentPath, file.name), 'utf8'), file.name).not.toContain(LOGIN.password);
    }
    expect(f.logs.join('\n')).not.toContain(LOGIN.password);
  });

  it('says so when the proxy refuses the login, or needs one and none is set', async () => {
    const f = await core();
    await manualProxy(f, lockedProxy.url, LOGIN.username);
    await trustTestCa(f);
    data(await f.call('network:saveProxyPassword', { password: 'not-the-password' }));
    expect(await f.login()).toMatchObject({
      ok: false,
      error: {
        code: 'proxy_failed',
        message: `The proxy set in Settings > Network (${lockedProxy.url}) did not accept the user name and password (407 Proxy Authentication Required). Check the proxy user name and password in Settings > Network.`,
      },
    });
    await manualProxy(f, lockedProxy.url);
    const noLogin = await f.login();
    expect(noLogin).toMatchObject({ ok: false, error: { code: 'proxy_failed' } });
    expect((noLogin as { error: { message: string } }).error.message).toContain('needs a user name and password (407');
    expect(sandbox.stats().passwordGrants).toBe(0);
  });

  it('says when the proxy cannot reach the host', async () => {
    const f = await core();
    await manualProxy(f, proxy.url);
    // Only the proxy resolves sandbox.test; nothing listens on port 1 behind it.
    expect(await f.login({ host: 'https://sandbox.test:1' })).toMatchObject({
      ok: false,
      error: { code: 'proxy_failed', message: `The proxy set in Settings > Network (${proxy.url}) could not reach https://sandbox.test:1 (status 500). Check the API host; if it is right, the host may be down or the proxy unable to find it.` },
    });
    expect(proxy.tunnels).toEqual(['sandbox.test:1']);
  });

  it('says the proxy cannot be reached, and does not try the API host another way', async () => {
    const gone = await startTestProxy();
    await gone.close();
    const f = await core();
    await manualProxy(f, gone.url);
    expect(await f.login()).toMatchObject({
      ok: false,
      error: { code: 'proxy_failed', message: `Could not reach the proxy set in Settings > Network (${gone.url}) (ECONNREFUSED), so ${sandbox.url} was not contacted. Check the proxy address in Settings > Network, or your connection.` },
    });
  });

  it('lets go of its kept connections when the app quits', async () => {
    const own = await startTestProxy({ names: { 'sandbox.test': '127.0.0.1' } });
    try {
      const f = await core();
      await manualProxy(f, own.url);
      await trustTestCa(f);
      data(await f.login());
      expect(own.openConnections()).toBeGreaterThan(0);
      open.splice(open.indexOf(f), 1);
      await f.close();
      // Closed by AppCore.dispose, not left to the keep-alive timeout: gone within a few turns of the event loop.
      for (let turn = 0; turn < 50 && own.openConnections() > 0; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      expect(own.openConnections()).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('keeps a saved password for the proxy and user it was given for only', async () => {
    const f = await core();
    await manualProxy(f, lockedProxy.url, LOGIN.username);
    await trustTestCa(f);
    data(await f.call('network:saveProxyPassword', { password: LOGIN.password }));
    // The address changes (as an edited settings file or a compromised window could make it):
    // the password stays behind, and the other proxy is asked without it.
    await manualProxy(f, proxy.url, LOGIN.username);
    expect(data<{ proxyCredential: string }>(await f.call('network:state')).proxyCredential).toBe('other-proxy');
    await manualProxy(f, lockedProxy.url, LOGIN.username);
    expect(data<{ proxyCredential: string }>(await f.call('network:state')).proxyCredential).toBe('encrypted');
    data(await f.login());
    expect(f.logs.join('\n')).not.toContain(LOGIN.password);
  });
});

describe('the proxy choices', () => {
  it('takes HTTPS_PROXY from the environment, with a login in its address', async () => {
    const address = new URL(lockedProxy.url);
    address.username = LOGIN.username;
    address.password = LOGIN.password;
    const f = await core({ network: { env: { HTTPS_PROXY: address.href } } });
    data(await f.call('settings:update', { proxyMode: 'environment' }));
    await trustTestCa(f);
    data(await f.login());
    expect(lockedProxy.tunnels).toContain(sandboxHost);
    // The login read from the environment is blanked as a saved one is: in the log and in every answer.
    const sent = data<{ url: string }>(await f.call('request:send', getRequest(`notes/${LOGIN.username}:${LOGIN.password}`)));
    expect(sent.url).toContain('/notes/[REDACTED]');
    expect(f.logs.join('\n')).toContain('GET /notes/[REDACTED]');
    expect(f.logs.join('\n')).not.toContain(LOGIN.password);
  });

  it('goes direct for hosts NO_PROXY names (lower-case names first)', async () => {
    const f = await core({ network: { env: { https_proxy: proxy.url, HTTPS_PROXY: 'http://127.0.0.1:9', no_proxy: 'example.org,.test' } } });
    data(await f.call('settings:update', { proxyMode: 'environment' }));
    await trustTestCa(f);
    // Only the proxy knows sandbox.test: straight to it, the name is not found.
    const result = await f.login();
    expect(result).toMatchObject({ ok: false, error: { code: 'host_unreachable' } });
    expect(proxy.tunnels).toEqual([]);
  });

  it('asks the desktop for the system proxy of each URL and takes the first it can use', async () => {
    const asked: string[] = [];
    const port = new URL(proxy.url).port;
    const systemProxy = { resolveProxy: async (url: string) => (asked.push(url), `SOCKS5 127.0.0.1:1080; PROXY 127.0.0.1:${port}; DIRECT`) };
    const f = await core({ network: { systemProxy } });
    expect(data<{ proxyMode: string }>(await f.call('settings:get')).proxyMode).toBe('system');
    await trustTestCa(f);
    data(await f.login());
    expect(asked).toContain(`${sandbox.url}/oauth2/token.php`);
    expect(proxy.tunnels).toContain(sandboxHost);
  });

  it('checks certificates on a direct connection too', async () => {
    const f = await core();
    data(await f.call('settings:update', { proxyMode: 'none' }));
    const result = await f.login({ host: `https://127.0.0.1:${new URL(sandbox.url).port}` });
    expect(result).toMatchObject({ ok: false, error: { code: 'tls_failed', message: UNTRUSTED('127.0.0.1') } });
  });

  it('never sends loopback through a proxy, whatever the choice', async () => {
    const f = await core({ network: { systemProxy: { resolveProxy: async () => `PROXY ${new URL(proxy.url).host}` } } });
    await trustTestCa(f);
    const loopback = `https://127.0.0.1:${new URL(sandbox.url).port}`;
    data(await f.login({ host: loopback }));
    await manualProxy(f, proxy.url);
    data(await f.call('request:send', getRequest('me')));
    expect(proxy.tunnels).toEqual([]);
  });
});

describe('the extra trusted certificates file', () => {
  it('refuses a file that holds no certificate, and keeps the one chosen before', async () => {
    const notPem = join(mkdtempSync(join(tmpdir(), 'hae-net-')), 'notes.pem');
    writeFileSync(notPem, 'not a certificate');
    let chosen = pemPath;
    const f = await core({ dialogs: { openFile: async () => chosen } });
    await trustTestCa(f);
    chosen = notPem;
    const refused = await f.call('network:chooseCertificates');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_file' } });
    expect((refused as { error: { message: string } }).error.message).toContain('holds no certificate');
    expect(data<{ extraCertificatesFile: string | null }>(await f.call('settings:get')).extraCertificatesFile).toBe(pemPath);
  });

  it('tells the user when the chosen file has gone, and sends nothing', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'hae-net-')), 'corp.pem');
    writeFileSync(copy, readFileSync(pemPath));
    const f = await core({ dialogs: { openFile: async () => copy } });
    await trustTestCa(f);
    rmSync(copy);
    const result = await f.login();
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_file', message: `The extra trusted certificates file ${copy} no longer exists. Choose it again or remove it in Settings > Network.` } });
    expect(data<{ certificatesProblem: string | null }>(await f.call('network:state')).certificatesProblem).toContain('no longer exists');
    expect(sandbox.stats().passwordGrants).toBe(0);
  });

  it('cannot be set by settings:update: only the native dialog adds trust', async () => {
    const f = await core();
    // Nor can a proxy address carry a login or a path.
    for (const proxyUrl of ['http://alex:pw@proxy.corp:8080', 'http://proxy.corp:8080/x', 'socks5://proxy.corp:1080']) {
      expect(await f.call('settings:update', { proxyUrl })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const result = await f.call('settings:update', { extraCertificatesFile: pemPath } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
