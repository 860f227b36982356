// A refused certificate stays refused when the request is tried again. Real TLS 1.2 servers (where
// a resumed session skips Node's host-name check), the real HTTP client, a real CONNECT proxy:
// every try is refused in words, and the server never sees a request, let alone the token
// (docs/architecture.md, "Networks: proxies and certificates").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/http-client';
import { describeHttpFailure } from '../http/http-errors';
import { makeTestCertificates, startTestProxy, type TestProxy } from '../testing/test-network';
import { CertificateRefusedError, checkingCertificates } from './certificate-check';
import type { ProxyRoute } from './proxy-route';
import { createTrustStore } from './trust-store';

const TOKEN = 'Bearer token-that-must-stay-home';
const WRONG_NAME = (host: string) =>
  `The certificate presented for ${host} belongs to another name (it names other.test, 127.0.0.1), so the connection was stopped.`;
const UNTRUSTED = (host: string) =>
  `The certificate of ${host} was issued by 'Unknown CA', which this computer does not trust. If your company inspects HTTPS, add its certificate in Settings > Network.`;

interface TlsServer {
  port: number;
  /** Per completed handshake: whether it resumed an earlier session. */
  handshakes: boolean[];
  /** The Authorization header of every request that arrived. */
  requests: Array<string | undefined>;
  server: Server;
}

async function tls12Server(certificates: { key: string; cert: string }): Promise<TlsServer> {
  const handshakes: boolean[] = [];
  const requests: Array<string | undefined> = [];
  const server = createServer({ ...certificates, maxVersion: 'TLSv1.2' }, (req, res) => {
    requests.push(req.headers.authorization);
    res.end('served');
  });
  server.on('secureConnection', (socket: TLSSocket) => handshakes.push(socket.isSessionReused()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, handshakes, requests, server };
}

// The trusted CA signed a certificate for other.test (and 127.0.0.1); "Unknown CA" is trusted by no one.
const trusted = makeTestCertificates('Corp Inspection CA', ['other.test']);
const unknown = makeTestCertificates('Unknown CA', ['localhost', 'api.corp.test']);
let wrongName: TlsServer;
let untrusted: TlsServer;
let proxy: TestProxy;
let pemPath: string;

beforeAll(async () => {
  pemPath = join(mkdtempSync(join(tmpdir(), 'hae-retry-')), 'corp-ca.pem');
  writeFileSync(pemPath, trusted.caPem);
  [wrongName, untrusted, proxy] = await Promise.all([tls12Server(trusted), tls12Server(unknown), startTestProxy({ names: { 'api.corp.test': '127.0.0.1' } })]);
});
afterAll(async () => {
  for (const { server } of [wrongName, untrusted]) server.closeAllConnections();
  await Promise.all([proxy.close(), ...[wrongName, untrusted].map(({ server }) => new Promise((resolve) => server.close(resolve)))]);
});

/** Sends the token three times over one client (connections and sessions kept as in the app); each try's sentence. */
async function threeTries(url: string, route: ProxyRoute | null): Promise<string[]> {
  const send = createHttpClient({ routeFor: async () => route, trust: createTrustStore(() => pemPath) });
  const sentences: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const signal = new AbortController().signal;
    const outcome = await send(url, { method: 'GET', headers: { authorization: TOKEN }, signal }).then(
      async (response) => `sent: ${response.status} ${await response.text()}`,
      (error: unknown) => describeHttpFailure(error, url, 10_000, signal).message,
    );
    sentences.push(outcome);
  }
  return sentences;
}

const PATHS = [
  { path: 'directly', host: 'localhost', route: () => null },
  { path: 'through the CONNECT proxy', host: 'api.corp.test', route: (): ProxyRoute => ({ proxy: proxy.url, source: 'manual' }) },
];

describe.each(PATHS)('a refused certificate, tried three times $path', ({ host, route }) => {
  it('is refused every time when it names another host, and the token is never sent', async () => {
    wrongName.handshakes.length = 0;
    const sentences = await threeTries(`https://${host}:${wrongName.port}/me`, route());
    expect(sentences).toHaveLength(3);
    for (const sentence of sentences) expect(sentence.startsWith(WRONG_NAME(host)), sentence).toBe(true);
    expect(wrongName.requests).toEqual([]);
    // Each try made a full handshake of its own: no session was kept to resume.
    expect(wrongName.handshakes).toEqual([false, false, false]);
  });

  it('is refused every time when no trusted CA issued it', async () => {
    untrusted.handshakes.length = 0;
    const sentences = await threeTries(`https://${host}:${untrusted.port}/me`, route());
    expect(sentences).toEqual([UNTRUSTED(host), UNTRUSTED(host), UNTRUSTED(host)]);
    expect(untrusted.requests).toEqual([]);
    expect(untrusted.handshakes).toEqual([false, false, false]);
  });
});

describe('the certificate check on its own', () => {
  it('still refuses when a session is resumed: the name is checked, and the chain verdict carries over', async () => {
    // undici's default connector keeps sessions; the check must hold even so.
    const connector = buildConnector({ secureContext: (await createTrustStore(() => pemPath).anchors()).context, rejectUnauthorized: false });
    const resumed: boolean[] = [];
    const check = checkingCertificates((options, callback) =>
      connector(options, (error, socket) => {
        if (error) return callback(error, null);
        if (socket instanceof TLSSocket) resumed.push(socket.isSessionReused());
        callback(null, socket!);
      }),
    );
    const connectTo = (port: number) =>
      new Promise<unknown>((resolve) => check({ hostname: 'localhost', host: `localhost:${port}`, protocol: 'https:', port: String(port) } as buildConnector.Options, (error, socket) => (socket?.destroy(), resolve(error))));
    for (const [server, reason] of [[wrongName, 'ERR_TLS_CERT_ALTNAME_INVALID'], [untrusted, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']] as const) {
      resumed.length = 0;
      for (let i = 0; i < 3; i += 1) {
        const error = await connectTo(server.port);
        expect(error).toBeInstanceOf(CertificateRefusedError);
        expect((error as CertificateRefusedError).reason).toBe(reason);
      }
      // The later tries resumed the first one's session: the case the check must survive.
      expect(resumed).toEqual([false, true, true]);
    }
  });

  it('lets a trusted certificate for the right name through, again and again', async () => {
    wrongName.requests.length = 0;
    const sentences = await threeTries(`https://127.0.0.1:${wrongName.port}/me`, null);
    expect(sentences).toEqual(['sent: 200 served', 'sent: 200 served', 'sent: 200 served']);
    expect(wrongName.requests).toEqual([TOKEN, TOKEN, TOKEN]);
  });
});
