// The sandbox over HTTPS, as the network tests serve it: the given key and certificate, and the
// URL under the host name asked for.
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { makeTestCertificates } from '../testing/test-network';
import { PASSWORD_GRANT, useSandboxes } from './test-support';

const start = useSandboxes();

function post(url: string, ca: string | undefined, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', ca, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the sandbox over HTTPS', () => {
  it('serves the token endpoint with the given certificate, under the host name asked for', async () => {
    const certificates = makeTestCertificates('Sandbox Test CA', ['localhost']);
    const sandbox = await start({ tls: { key: certificates.key, cert: certificates.cert }, urlHost: 'localhost' });
    expect(sandbox.url).toMatch(/^https:\/\/localhost:\d+$/);
    const answer = await post(`${sandbox.url}/oauth2/token.php`, certificates.caPem, new URLSearchParams(PASSWORD_GRANT).toString());
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ token_type: 'bearer' });
    // Without the CA, Node refuses the certificate.
    await expect(post(`${sandbox.url}/oauth2/token.php`, undefined, '')).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });
});
