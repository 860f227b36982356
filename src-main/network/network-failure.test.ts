import { describe, expect, it } from 'vitest';
import { CertificateRefusedError } from './certificate-check';
import { describeCertificateRefusal, describeProxyFailure, ProxiedRequestError } from './network-failure';

const refused = (reason: string) => new CertificateRefusedError('www.humanity.com', reason, 'Corp Inspection CA', 'Jan  1 00:00:00 2026 GMT', 'DNS:proxy.corp');

describe('certificate sentences', () => {
  it('names the host and the issuer this computer does not trust', () => {
    for (const reason of ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT']) {
      expect(describeCertificateRefusal(refused(reason)).message).toBe(
        "The certificate of www.humanity.com was issued by 'Corp Inspection CA', which this computer does not trust. If your company inspects HTTPS, add its certificate in Settings > Network.",
      );
    }
  });

  it('tells expiry and a wrong name apart, and never offers to turn checking off', () => {
    const sentences = ['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'SOMETHING_ELSE'].map((reason) => describeCertificateRefusal(refused(reason)).message);
    expect(sentences[0]).toContain('expired on Jan  1 00:00:00 2026 GMT');
    expect(sentences[1]).toContain('is not valid yet');
    expect(sentences[2]).toContain('belongs to another name (it names proxy.corp)');
    expect(sentences[3]).toContain('could not be verified (SOMETHING_ELSE)');
    for (const sentence of sentences) expect(sentence).not.toMatch(/ignore|disable|turn off|skip|insecure/i);
  });
});

describe('proxy sentences', () => {
  const route = { proxy: 'http://proxy.corp:8080', source: 'system' as const };
  it('tells a refusal by status, and leaves failures beyond the proxy to the usual sentences', () => {
    const forbidden = new ProxiedRequestError(route, new Error('Proxy response (403) !== 200 when HTTP Tunneling'));
    expect(describeProxyFailure(forbidden, 'https://www.humanity.com')?.message).toBe(
      'The system proxy (http://proxy.corp:8080) refused to connect to https://www.humanity.com (status 403). The proxy may block this address; ask your IT department, or check the proxy in Settings > Network.',
    );
    expect(describeProxyFailure(new ProxiedRequestError(route, new Error('Proxy response (407) !== 200 when HTTP Tunneling')), 'x')?.message).toContain(
      'needs a user name and password (407 Proxy Authentication Required). Choose Manual in Settings > Network',
    );
    expect(describeProxyFailure(new ProxiedRequestError(route, Object.assign(new Error('reset'), { code: 'UND_ERR_SOCKET' })), 'x')).toBeNull();
  });

  it('tells a missing saved password apart, and blames an https proxy for its own certificate', () => {
    const manual = { proxy: 'http://proxy.corp:8080', source: 'manual' as const, username: 'alex' };
    expect(describeProxyFailure(new ProxiedRequestError(manual, new Error('Proxy response (407) !== 200 when HTTP Tunneling')), 'x')?.message).toBe(
      'The proxy set in Settings > Network (http://proxy.corp:8080) asks for a password (407 Proxy Authentication Required), and none is saved for it. Enter the proxy password in Settings > Network.',
    );
    const secure = { proxy: 'https://proxy.corp:8443', source: 'system' as const };
    const refusedProxy = Object.assign(new Error('unable to get local issuer certificate'), { code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
    expect(describeProxyFailure(new ProxiedRequestError(secure, refusedProxy), 'x')).toMatchObject({
      code: 'tls_failed',
      message: expect.stringContaining('The certificate of the system proxy (https://proxy.corp:8443) could not be verified (UNABLE_TO_GET_ISSUER_CERT_LOCALLY)'),
    });
  });
});
