// Real parts for the network tests: a certificate authority made by the test (node-forge) and a
// CONNECT proxy (the `proxy` package) on 127.0.0.1 that records every tunnel it opens.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import forge from 'node-forge';
import { createProxy } from 'proxy';

export interface TestCertificates {
  /** The CA's certificate, as a company would hand it out (PEM). */
  caPem: string;
  /** The server's key and certificate, signed by the CA, for `hosts` and 127.0.0.1. */
  key: string;
  cert: string;
}

function keyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  // Node makes the key (forge's own RSA generation is slow); forge signs the certificates.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

function certificate(serial: string, subject: forge.pki.CertificateField[], issuer: forge.pki.CertificateField[], publicKey: forge.pki.PublicKey) {
  const cert = forge.pki.createCertificate();
  cert.serialNumber = serial;
  cert.publicKey = publicKey;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 30 * 24 * 3600_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  return cert;
}

/** A CA named `caName` and a server certificate for `hosts` (DNS names) and 127.0.0.1. */
export function makeTestCertificates(caName: string, hosts: string[]): TestCertificates {
  const ca = keyPair();
  const caSubject = [{ name: 'commonName', value: caName }, { name: 'organizationName', value: 'Network tests' }];
  const caCert = certificate('01', caSubject, caSubject, ca.publicKey);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const server = keyPair();
  const serverCert = certificate('02', [{ name: 'commonName', value: hosts[0] ?? 'localhost' }], caSubject, server.publicKey);
  serverCert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...hosts.map((value) => ({ type: 2, value })), { type: 7, ip: '127.0.0.1' }] },
  ]);
  serverCert.sign(ca.privateKey, forge.md.sha256.create());
  return { caPem: forge.pki.certificateToPem(caCert), key: forge.pki.privateKeyToPem(server.privateKey), cert: forge.pki.certificateToPem(serverCert) };
}

export interface TestProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Every CONNECT target asked for, as sent ("sandbox.test:4431"), refused ones too. */
  tunnels: string[];
  /** Connections to the proxy still open (a kept-alive tunnel counts until its client lets go). */
  openConnections(): number;
  close(): Promise<void>;
}

/**
 * A real CONNECT proxy. `names` maps host names only the proxy knows to addresses (as a company
 * proxy resolves names the desktop cannot), so a request to them can only succeed through it.
 */
export async function startTestProxy(options: { names?: Record<string, string>; login?: { username: string; password: string } } = {}): Promise<TestProxy> {
  const tunnels: string[] = [];
  const server = createServer();
  // Tunnels leave the HTTP server's hands: closing must end them too.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.prependListener('connect', (req: IncomingMessage) => {
    tunnels.push(req.url ?? '');
    const [host = '', port = ''] = (req.url ?? '').split(/:(?=\d+$)/);
    const mapped = options.names?.[host];
    if (mapped) req.url = `${mapped}:${port}`;
  });
  const proxy = createProxy(server);
  if (options.login) {
    const expected = `Basic ${Buffer.from(`${options.login.username}:${options.login.password}`).toString('base64')}`;
    proxy.authenticate = (req) => req.headers['proxy-authorization'] === expected;
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
