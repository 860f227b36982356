// The undici dispatchers main's HTTP client sends through: one per route (direct, or each proxy
// with its credentials), kept so connections are reused, and let go when the trusted
// certificates change (docs/architecture.md, "Networks: proxies and certificates").
import { Agent, buildConnector, Pool, ProxyAgent, type Dispatcher } from 'undici';
import { checkingCertificates } from './certificate-check';
import type { ProxyRoute } from './proxy-route';
import type { TrustAnchors } from './trust-store';

// The caller's timeout (Settings) governs: undici's own 300 s limits would cut a longer one short.
const NO_UNDICI_TIMEOUTS = { headersTimeout: 0, bodyTimeout: 0 };
/** Routes kept at once: a PAC file may name a few proxies. */
const MAX_KEPT = 8;
// No TLS session is kept for resumption: undici would keep even a refused connection's session,
// and a resumed session skips Node's host-name check (docs/architecture.md, "Networks: proxies and
// certificates"). Kept-alive connections still spare most handshakes.
const NO_SESSION_CACHE = { maxCachedSessions: 0 };

function directAgent(anchors: TrustAnchors | null): Dispatcher {
  if (!anchors) return new Agent(NO_UNDICI_TIMEOUTS);
  const connect = checkingCertificates(buildConnector({ ...NO_SESSION_CACHE, secureContext: anchors.context, rejectUnauthorized: false }));
  return new Agent({ ...NO_UNDICI_TIMEOUTS, connect });
}

function proxyAgent(route: ProxyRoute, anchors: TrustAnchors): Dispatcher {
  const credentials = route.username !== undefined ? `${route.username}:${route.password ?? ''}` : null;
  return new ProxyAgent({
    ...NO_UNDICI_TIMEOUTS,
    uri: route.proxy,
    token: credentials === null ? undefined : `Basic ${Buffer.from(credentials).toString('base64')}`,
    // The proxy's own certificate (an https:// proxy) is checked by Node as usual.
    proxyTls: { ...NO_SESSION_CACHE, secureContext: anchors.context },
    requestTls: { ...NO_SESSION_CACHE, secureContext: anchors.context, rejectUnauthorized: false },
    // Each tunnel's TLS socket passes the same check as a direct one before a request is written on it.
    factory: (origin, options) => {
      const poolOptions = options as Pool.Options;
      return new Pool(origin, { ...poolOptions, connect: checkingCertificates(poolOptions.connect as buildConnector.connector) });
    },
  });
}

export class Dispatchers {
  private readonly kept = new Map<string, Dispatcher>();
  private anchorsKey: string | null = null;
  private plain: Dispatcher | null = null;

  /** Plain http:// straight to the host (the sandbox, loopback): no certificates involved. */
  plainDirect(): Dispatcher {
    this.plain ??= directAgent(null);
    return this.plain;
  }

  for(route: ProxyRoute | null, anchors: TrustAnchors): Dispatcher {
    if (anchors.key !== this.anchorsKey) {
      // In-flight requests finish on the old dispatchers; close() waits for them.
      for (const old of this.kept.values()) void old.close().catch(() => undefined);
      this.kept.clear();
      this.anchorsKey = anchors.key;
    }
    const key = route ? JSON.stringify([route.proxy, route.username ?? null, route.password ?? null]) : 'direct';
    let dispatcher = this.kept.get(key);
    if (!dispatcher) {
      if (this.kept.size >= MAX_KEPT) {
        const [oldestKey, oldest] = this.kept.entries().next().value!;
        this.kept.delete(oldestKey);
        void oldest.close().catch(() => undefined);
      }
      dispatcher = route ? proxyAgent(route, anchors) : directAgent(anchors);
      this.kept.set(key, dispatcher);
    }
    return dispatcher;
  }

  async close(): Promise<void> {
    await Promise.all([...this.kept.values(), ...(this.plain ? [this.plain] : [])].map((d) => d.close().catch(() => undefined)));
    this.kept.clear();
    this.plain = null;
  }
}
