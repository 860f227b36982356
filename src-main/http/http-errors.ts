// Turns what the HTTP client throws into sentences. Shared by the token client and the request runner.
import { AppError } from '../shared/app-error';
import { CertificateRefusedError } from '../network/certificate-check';
import { describeCertificateRefusal, describeProxyFailure, ProxiedRequestError } from '../network/network-failure';

/**
 * Aborts `controller` with a TimeoutError after timeoutMs; returns what disarms it. The request's
 * own controller takes the timeout too, so a request costs one controller and one timer
 * (AbortSignal.any with AbortSignal.timeout cost a fast request a noticeable share of its time).
 */
export function armTimeout(controller: AbortController, timeoutMs: number): () => void {
  const timer = setTimeout(() => controller.abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError')), timeoutMs);
  return () => clearTimeout(timer);
}

/** `signal`: the request's signal, to tell a cancel (any other abort reason) from a timeout. */
export function describeHttpFailure(error: unknown, target: string, timeoutMs: number, signal?: AbortSignal): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ProxiedRequestError && !signal?.aborted) {
    return describeProxyFailure(error, target) ?? describeHttpFailure(error.cause, target, timeoutMs, signal);
  }
  if (error instanceof CertificateRefusedError) return describeCertificateRefusal(error);
  const err = error as { name?: string; code?: string; cause?: { code?: string } };
  if (signal?.aborted && (signal.reason as Error | undefined)?.name !== 'TimeoutError') return new AppError('cancelled', 'The request was cancelled.');
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new AppError('timeout', `${target} did not answer within ${Math.round(timeoutMs / 1000)} seconds. Try again, or raise the timeout in Settings.`);
  }
  // Node's own errors (a refused connection, a bad certificate) carry the code; wrapped ones, their cause.
  const code = err?.cause?.code ?? err?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError('host_unreachable', `The host of ${target} could not be found. Check the API host for typos and your internet connection.`);
  }
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return new AppError('host_unreachable', `Could not connect to ${target}. Check the API host and your internet connection.`);
  }
  if (code.startsWith('CERT_') || code.includes('SSL') || code.includes('TLS') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') {
    return new AppError('tls_failed', `The secure connection to ${target} failed (${code}). Check that the API host is right; if your company inspects HTTPS, add its certificate in Settings > Network.`);
  }
  // zlib's and brotli's codes: the response came, but its compressed body would not unpack (cut off or corrupt).
  if (code.startsWith('Z_') || code.startsWith('ERR__ERROR_FORMAT') || code.startsWith('ERR_BROTLI')) {
    return new AppError('network', `The answer from ${target} arrived damaged: its compressed body could not be unpacked (${code}). Try again; if it keeps happening, the server is sending it broken.`);
  }
  return new AppError('network', `The connection to ${target} failed before an answer arrived${code ? ` (${code})` : ''}. Check your connection and try again.`);
}
