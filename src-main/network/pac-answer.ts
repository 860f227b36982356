// Chromium's proxy answer ("PROXY a:3128; HTTPS b:443; DIRECT", the PAC result format) as the
// first route this client can take. SOCKS and QUIC entries are skipped: undici's tunnel here is
// HTTP CONNECT, over plain TCP or TLS to the proxy.
import { AppError } from '../shared/app-error';
import type { ProxyRoute } from './proxy-route';

const SCHEMES: Record<string, string> = { PROXY: 'http', HTTPS: 'https' };

/** The route the answer names first that this client can use; null for DIRECT (or an empty answer). */
export function routeFromPacAnswer(answer: string): ProxyRoute | null {
  const entries = answer
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  for (const entry of entries) {
    const [kind = '', address = ''] = entry.split(/\s+/);
    const upper = kind.toUpperCase();
    if (upper === 'DIRECT') return null;
    const scheme = SCHEMES[upper];
    if (!scheme || !/^[^\s/@]+:\d{1,5}$/.test(address)) continue;
    try {
      return { proxy: new URL(`${scheme}://${address}`).origin, source: 'system' };
    } catch {
      continue;
    }
  }
  throw new AppError(
    'proxy_failed',
    `The system proxy settings name only proxies this app cannot use ("${answer.slice(0, 200)}"; SOCKS is not supported). Choose Manual in Settings > Network and enter your company's HTTP proxy.`,
  );
}
