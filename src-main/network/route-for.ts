// Settings > Network's proxy choice as a route per URL: System (the desktop's answer through
// SystemProxyPort), Environment, Manual or None. Loopback is always direct, so the built-in
// sandbox never goes through a proxy (docs/architecture.md, "Networks: proxies and certificates").
import type { Settings } from '../shared/contract';
import { isLoopbackOrigin } from '../http/url-rules';
import type { Redactor } from '../redaction/redactor';
import { AppError } from '../shared/app-error';
import { environmentRoute, type Environment } from './env-proxy';
import { routeFromPacAnswer } from './pac-answer';
import { proxyBinding, type ProxyPasswordKeeper } from './proxy-password';
import type { ProxyRoute, RouteFor, SystemProxyPort } from './proxy-route';

export interface RouteDeps {
  settings: () => Pick<Settings, 'proxyMode' | 'proxyUrl' | 'proxyUsername'>;
  env: Environment;
  /** Absent outside Electron (Node tests, the e2e harness): "System" then means direct. */
  systemProxy?: SystemProxyPort;
  passwords: Pick<ProxyPasswordKeeper, 'passwordFor'>;
  /** Learns a proxy login read from the environment, as the Manual one is on saving. */
  redactor: Pick<Redactor, 'addSecret'>;
}

export function createRouteFor(deps: RouteDeps): RouteFor {
  return async (url) => {
    if (isLoopbackOrigin(url.origin)) return null;
    const { proxyMode, proxyUrl, proxyUsername } = deps.settings();
    if (proxyMode === 'none') return null;
    if (proxyMode === 'environment') return withLoginRedacted(environmentRoute(url, deps.env), deps.redactor);
    if (proxyMode === 'manual') return manualRoute(proxyUrl, proxyUsername, deps.passwords);
    if (!deps.systemProxy) return null;
    let answer: string;
    try {
      answer = await deps.systemProxy.resolveProxy(url.href);
    } catch (error) {
      throw new AppError('proxy_failed', `The system's proxy settings could not be read (${(error as Error)?.message ?? error}). Choose another proxy setting in Settings > Network.`);
    }
    return routeFromPacAnswer(answer);
  };
}

function withLoginRedacted(route: ProxyRoute | null, redactor: RouteDeps['redactor']): ProxyRoute | null {
  if (route?.password) redactor.addSecret(route.password, `${route.username ?? ''}:${route.password}`);
  return route;
}

async function manualRoute(proxyUrl: string, username: string, passwords: RouteDeps['passwords']): Promise<ProxyRoute> {
  if (!proxyUrl) {
    throw new AppError('proxy_failed', 'Settings > Network says to use a manual proxy, but no proxy address is entered. Enter one (like http://proxy.example.com:8080) or choose another setting.');
  }
  const route: ProxyRoute = { proxy: new URL(proxyUrl).origin, source: 'manual' };
  if (username) {
    route.username = username;
    const password = await passwords.passwordFor(proxyBinding(proxyUrl, username));
    if (password !== null) route.password = password;
  }
  return route;
}
