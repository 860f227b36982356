// Sentences for what goes wrong between this computer and the API host: a certificate the
// trusted set does not vouch for, and a proxy that is unreachable, refuses, or wants a login.
// http/http-errors.ts asks here first (docs/architecture.md, "Networks: proxies and certificates").
import { AppError } from '../shared/app-error';
import { CertificateRefusedError } from './certificate-check';
import { describeSource, type ProxyRoute } from './proxy-route';

/** A request that failed on its way through a proxy; `cause` is what undici threw. */
export class ProxiedRequestError extends Error {
  override readonly name = 'ProxiedRequestError';
  constructor(
    readonly route: ProxyRoute,
    override readonly cause: unknown,
  ) {
    super(`Through ${route.proxy}: ${(cause as Error | undefined)?.message ?? String(cause)}`);
  }
}

const ADD_CERTIFICATE = 'If your company inspects HTTPS, add its certificate in Settings > Network.';
const UNTRUSTED_ISSUER = new Set([
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

export function describeCertificateRefusal(refused: CertificateRefusedError): AppError {
  const { host, reason, issuer } = refused;
  if (UNTRUSTED_ISSUER.has(reason)) {
    return new AppError('tls_failed', `The certificate of ${host} was issued by '${issuer}', which this computer does not trust. ${ADD_CERTIFICATE}`);
  }
  if (reason === 'CERT_HAS_EXPIRED') {
    return new AppError('tls_failed', `The certificate of ${host} (issued by '${issuer}') expired on ${refused.validTo}, so the connection was stopped. Check your computer's date and time; if they are right, the server's owner must renew it.`);
  }
  if (reason === 'CERT_NOT_YET_VALID') {
    return new AppError('tls_failed', `The certificate of ${host} (issued by '${issuer}') is not valid yet, so the connection was stopped. Check your computer's date and time.`);
  }
  if (reason === 'ERR_TLS_CERT_ALTNAME_INVALID' || reason.startsWith('Hostname/IP does not match')) {
    const names = refused.altNames ? ` (it names ${refused.altNames.replace(/DNS:|IP Address:/g, '')})` : '';
    return new AppError('tls_failed', `The certificate presented for ${host} belongs to another name${names}, so the connection was stopped. Check the API host; if your company inspects HTTPS, its proxy may need fixing by your IT department.`);
  }
  return new AppError('tls_failed', `The certificate of ${host}, issued by '${issuer}', could not be verified (${reason}), so the connection was stopped. ${ADD_CERTIFICATE}`);
}

/** CONNECT answers that mean the proxy tried and failed to reach the host, not that it refused. */
const BEYOND_PROXY = new Set(['404', '500', '502', '503', '504']);
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/;
const PROXY_UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** What a proxy did to the request, or null when the failure lies beyond it (the API host, the body). */
export function describeProxyFailure(failure: ProxiedRequestError, target: string): AppError | null {
  const { route } = failure;
  const proxy = `${describeSource(route)} (${route.proxy})`;
  const cause = failure.cause as { message?: string; code?: string; cause?: { code?: string } } | undefined;
  const status = /Proxy response \((\d{3})\)/.exec(cause?.message ?? '')?.[1];
  if (status === '407') {
    const fix = route.source === 'environment' ? 'Put the right user name and password in the proxy address of HTTPS_PROXY.' : route.source === 'manual' ? 'Check the proxy user name and password in Settings > Network.' : 'Choose Manual in Settings > Network and enter the proxy with your user name and password.';
    if (route.source === 'manual' && route.username !== undefined && route.password === undefined) {
      return new AppError('proxy_failed', `${capitalised(proxy)} asks for a password (407 Proxy Authentication Required), and none is saved for it. Enter the proxy password in Settings > Network.`);
    }
    const what = route.username !== undefined ? 'did not accept the user name and password' : 'needs a user name and password';
    return new AppError('proxy_failed', `${capitalised(proxy)} ${what} (407 Proxy Authentication Required). ${fix}`);
  }
  if (status && BEYOND_PROXY.has(status)) {
    return new AppError('proxy_failed', `${capitalised(proxy)} could not reach ${target} (status ${status}). Check the API host; if it is right, the host may be down or the proxy unable to find it.`);
  }
  if (status) {
    return new AppError('proxy_failed', `${capitalised(proxy)} refused to connect to ${target} (status ${status}). The proxy may block this address; ask your IT department, or check the proxy in Settings > Network.`);
  }
  const code = cause?.cause?.code ?? cause?.code ?? '';
  // The API host's certificate is checked by certificate-check.ts; a TLS code here is the proxy's own.
  if (route.proxy.startsWith('https:') && TLS_CODE.test(code)) {
    return new AppError('tls_failed', `The certificate of ${proxy} could not be verified (${code}), so nothing was sent through it. ${ADD_CERTIFICATE}`);
  }
  // A tunnel that was never made: the proxy itself is out of reach.
  if (PROXY_UNREACHABLE.has(code) && !(failure.cause instanceof CertificateRefusedError)) {
    return new AppError('proxy_failed', `Could not reach ${proxy} (${code}), so ${target} was not contacted. Check the proxy address in Settings > Network, or your connection.`);
  }
  return null;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
