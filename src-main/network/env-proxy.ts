// HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lower-case names first), read as undici's
// EnvHttpProxyAgent reads them, so the app behaves as Node tools on the same machine do.
import { AppError } from '../shared/app-error';
import type { ProxyRoute } from './proxy-route';

export type Environment = Readonly<Record<string, string | undefined>>;

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** The environment's proxy for `url`, or null when none is set or NO_PROXY names the host. */
export function environmentRoute(url: URL, env: Environment): ProxyRoute | null {
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY;
  // As in undici: an https URL without HTTPS_PROXY takes HTTP_PROXY.
  const [name, value] = url.protocol === 'https:' && httpsProxy ? ['HTTPS_PROXY', httpsProxy] : ['HTTP_PROXY', httpProxy];
  if (!value) return null;
  if (!shouldProxy(url, env.no_proxy ?? env.NO_PROXY ?? '')) return null;
  return parseProxyAddress(value, name);
}

function shouldProxy(url: URL, noProxy: string): boolean {
  const entries = noProxy.split(/[,\s]/).filter(Boolean);
  if (entries.length === 0) return true;
  if (noProxy === '*') return false;
  // url.host keeps an IPv6 address's brackets, as undici does.
  const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0;
  return !entries.some((entry) => {
    const parsed = /^(.+):(\d+)$/.exec(entry);
    const host = (parsed ? parsed[1]! : entry).replace(/^\*?\./, '').toLowerCase();
    const entryPort = parsed ? Number.parseInt(parsed[2]!, 10) : 0;
    if (entryPort && entryPort !== port) return false;
    return hostname === host || hostname.endsWith(`.${host}`);
  });
}

function parseProxyAddress(value: string, name: string): ProxyRoute {
  let url: URL;
  try {
    url = new URL(value.includes('://') ? value : `http://${value}`);
  } catch {
    // A login in the address is not repeated: unparsed, it cannot be handed to the redactor.
    const shown = value.replace(/^([a-z][a-z\d+.-]*:\/\/)?.*@/i, '$1…@').slice(0, 200);
    throw new AppError('proxy_failed', `${name} in the environment ("${shown}") is not a proxy address like http://proxy.corp:8080. Fix it, or choose another proxy setting in Settings > Network.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('proxy_failed', `${name} in the environment uses ${url.protocol}, which this app cannot use; it needs an http:// or https:// proxy. Choose another proxy setting in Settings > Network.`);
  }
  const route: ProxyRoute = { proxy: url.origin, source: 'environment' };
  if (url.username) route.username = decodeURIComponent(url.username);
  if (url.password) route.password = decodeURIComponent(url.password);
  return route;
}
