// The token retry step of the request pipeline (docs/architecture.md, "The request pipeline" and
// "Sessions"): a token the server refuses is renewed once and the request sent once more.
import type { Decoded } from './body-handling';
import { unlessCancelled } from './cancellation';
import { isTokenRejection } from './envelope';
import type { Exchange, Exchanged, SendWithToken } from './exchange';

/**
 * `exchange` sent with the session's token through `send`; on a token rejection (HTTP 401,
 * envelope status 3 or an OAuth token error), one refresh and one resend. The second response
 * stands, whatever it says.
 */
export async function sendWithTokenRetry<P, D extends Decoded>(exchange: Exchange<P, D>, send: SendWithToken): Promise<Exchanged<D>> {
  const { source, handling, controller } = exchange;
  // A session waiting for "Sign in again" holds the token back: the user may cancel meanwhile.
  const token = await unlessCancelled(() => source.accessToken(), controller.signal);
  const first = await sendDecoded(exchange, send, token);
  if (!isTokenRejection(first.response.status, first.decoded.envelope)) return { ...first, refreshed: false };
  await handling.discard?.(first.decoded);
  const renewed = await unlessCancelled(() => source.refreshAfterRejection(token), controller.signal);
  return { ...(await sendDecoded(exchange, send, renewed)), refreshed: true };
}

async function sendDecoded<P, D extends Decoded>(exchange: Exchange<P, D>, send: SendWithToken, token: string): Promise<Omit<Exchanged<D>, 'refreshed'>> {
  const { response, payload, url, note } = await send(exchange, token);
  return { response, url, note, decoded: await exchange.handling.decode(payload) };
}
