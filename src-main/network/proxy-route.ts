// Which proxy, if any, a request goes through (docs/architecture.md, "Networks: proxies and
// certificates"). Null means straight to the host.
import type { SystemProxyPort } from '../ports/network';

export type ProxySource = 'system' | 'environment' | 'manual';

export interface ProxyRoute {
  /** The proxy's address without credentials, e.g. http://proxy.corp:8080. */
  proxy: string;
  source: ProxySource;
  username?: string;
  password?: string;
}

/** Where requests to `url` go: a proxy, or null for a direct connection. */
export type RouteFor = (url: URL) => Promise<ProxyRoute | null>;

export type { SystemProxyPort };

/** Where the chosen proxy came from, for sentences. */
export function describeSource(route: ProxyRoute): string {
  if (route.source === 'system') return 'the system proxy';
  if (route.source === 'environment') return 'the proxy from HTTPS_PROXY / HTTP_PROXY';
  return 'the proxy set in Settings > Network';
}
