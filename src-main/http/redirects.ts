// The redirects step of the request pipeline (docs/architecture.md, "The request pipeline"): one
// request with the token in place, following redirects only where the token may go. The HTTP
// client follows none by itself, so this step alone decides where the token is sent.
import type { Settings } from '../shared/contract';
import type { Decoded } from './body-handling';
import type { EncodedBody } from './encode-body';
import type { Exchange, PipelineDeps, RawResponse } from './exchange';
import type { HttpResponse } from './http-client';
import { armTimeout, describeHttpFailure } from './http-errors';

export const MAX_REDIRECTS = 5;

/** One leg of a request: where it goes, and with what. */
interface Hop {
  url: URL;
  method: string;
  body: EncodedBody | null;
}

/**
 * The response to `exchange` sent with `token`, its body read, after at most MAX_REDIRECTS
 * same-origin redirects under /api/v2/. The exchange's controller cancels it and takes the
 * timeout, which covers every hop and the reading of the body.
 */
export async function sendFollowingRedirects<P, D extends Decoded>(deps: PipelineDeps, exchange: Exchange<P, D>, token: string): Promise<RawResponse<P>> {
  const { tokenDelivery, timeoutSeconds } = deps.settings();
  const timeoutMs = timeoutSeconds * 1000;
  const { signal } = exchange.controller;
  const disarm = armTimeout(exchange.controller, timeoutMs);
  let hop: Hop = { url: exchange.url, method: exchange.method, body: exchange.body };
  try {
    for (let count = 0; ; count += 1) {
      const sent = withToken(hop, token, tokenDelivery);
      let response: HttpResponse;
      try {
        response = await deps.http(sent.url, { method: hop.method, headers: sent.headers, body: hop.body?.text, signal });
      } catch (error) {
        throw describeHttpFailure(error, hop.url.host, timeoutMs, signal);
      }
      const { next, note } = redirectTarget(response, hop.url, exchange.url.origin, count);
      if (!next) {
        try {
          return { response, payload: await exchange.handling.read(response), url: sent.url, note };
        } catch (error) {
          // A body left unread (a file that cannot be opened, say) would hold its connection.
          response.discard();
          throw describeHttpFailure(error, hop.url.host, timeoutMs, signal);
        }
      }
      response.discard();
      hop = redirected(hop, response.status, next);
    }
  } finally {
    disarm();
  }
}

/** The hop's URL and headers with the token where Settings put it: the query or a Bearer header. */
function withToken(hop: Hop, token: string, delivery: Settings['tokenDelivery']): { url: URL; headers: Record<string, string> } {
  const url = new URL(hop.url);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (delivery === 'header') headers.authorization = `Bearer ${token}`;
  else url.searchParams.set('access_token', token);
  if (hop.body) headers['content-type'] = hop.body.contentType;
  return { url, headers };
}

/**
 * Where a response redirects to, when that may be followed; otherwise null, with a note when a
 * redirect was refused. `count`: the redirects followed so far.
 */
function redirectTarget(response: HttpResponse, from: URL, origin: string, count: number): { next: URL | null; note: string | null } {
  const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
  // A Location that is not a URL leaves nothing to follow: the 3xx is the response.
  const next = location && URL.canParse(location, from) ? new URL(location, from) : null;
  if (!next) return { next: null, note: null };
  next.searchParams.delete('access_token');
  // The token never follows a redirect to another origin, and nothing leaves /api/v2/.
  const why =
    next.origin !== origin ? `to another host (${next.origin})` : count >= MAX_REDIRECTS ? 'too many times' : !next.pathname.startsWith('/api/v2/') ? 'outside /api/v2/' : null;
  if (!why) return { next, note: null };
  return { next: null, note: `The server redirected ${why}; the redirect was not followed, so your token stayed private.` };
}

/** The next hop: 303, and 301/302 after anything but GET, become a GET without a body (as browsers do). */
function redirected(hop: Hop, status: number, next: URL): Hop {
  if (status === 303 || ((status === 301 || status === 302) && hop.method !== 'GET')) return { url: next, method: 'GET', body: null };
  return { ...hop, url: next };
}
