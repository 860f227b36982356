// The token retry step against a scripted sender: a refused token is renewed once and the request
// sent once more; the waits for a token end when the request is cancelled.
import { describe, expect, it } from 'vitest';
import type { SendWithToken } from './exchange';
import { fakeExchange, fakeTokens, jsonResponse, pipelineDeps, scriptedSend, type Reply } from '../testing/fake-http';
import { sendFollowingRedirects } from './redirects';
import { sendWithTokenRetry } from './token-retry';

const OK = { status: 1, data: { id: 1 }, error: null };
const EXPIRED = { status: 3, data: null, error: 'Invalid or expired token' };

function over(...replies: Reply[]) {
  const { send, sent } = scriptedSend(...replies);
  const deps = pipelineDeps(send);
  const sendOnce: SendWithToken = (exchange, token) => sendFollowingRedirects(deps, exchange, token);
  const tokens = (request: number) => sent[request]!.url.searchParams.get('access_token');
  return { sendOnce, sent, tokens };
}

const never = () => new Promise<string>(() => undefined);

describe('token retry', () => {
  it('a response that does not refuse the token stands: one request, no renewal', async () => {
    const { sendOnce, sent } = over(jsonResponse(200, OK));
    const exchange = fakeExchange({ source: fakeTokens() });
    const exchanged = await sendWithTokenRetry(exchange, sendOnce);
    expect(exchanged).toMatchObject({ response: { status: 200 }, refreshed: false, note: null, decoded: { envelope: OK } });
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['HTTP 401', jsonResponse(401, { error: 'invalid_token' })],
    ['envelope status 3 with HTTP 200', jsonResponse(200, EXPIRED)],
    ['an OAuth token error with HTTP 400', jsonResponse(400, { error: 'expired_token' })],
  ])('%s: the response is discarded, the refused token renewed, the request sent again with the new one', async (_what, refusal) => {
    const { sendOnce, tokens } = over(refusal, jsonResponse(200, OK));
    const source = fakeTokens();
    const exchange = fakeExchange({ source });
    const exchanged = await sendWithTokenRetry(exchange, sendOnce);
    expect(exchanged).toMatchObject({ response: { status: 200 }, refreshed: true, decoded: { envelope: OK } });
    expect([tokens(0), tokens(1)]).toEqual(['token-1', 'token-2']);
    expect(source.rejected).toEqual(['token-1']);
    expect(exchange.handling.discarded).toHaveLength(1);
  });

  it('renews once only: a second refusal is the response', async () => {
    const { sendOnce, sent } = over(jsonResponse(401, {}), jsonResponse(200, EXPIRED));
    const source = fakeTokens();
    const exchanged = await sendWithTokenRetry(fakeExchange({ source }), sendOnce);
    expect(exchanged).toMatchObject({ response: { status: 200 }, refreshed: true, decoded: { envelope: EXPIRED } });
    expect(sent).toHaveLength(2);
    expect(source.rejected).toEqual(['token-1']);
  });

  it('a business error is no token refusal', async () => {
    const { sendOnce, sent } = over(jsonResponse(200, { status: 7, data: null, error: 'Not allowed' }));
    expect(await sendWithTokenRetry(fakeExchange(), sendOnce)).toMatchObject({ refreshed: false });
    expect(sent).toHaveLength(1);
  });

  it('waiting for a token (the session waits for "Sign in again") ends when the request is cancelled', async () => {
    const { sendOnce, sent } = over();
    const exchange = fakeExchange({ source: fakeTokens({ accessToken: never }) });
    const waiting = sendWithTokenRetry(exchange, sendOnce);
    exchange.controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled', message: 'The request was cancelled.' });
    expect(sent).toHaveLength(0);
  });

  it('so does waiting for the renewal after a refusal', async () => {
    const { sendOnce, sent } = over(jsonResponse(401, {}));
    const exchange = fakeExchange({ source: fakeTokens({ refreshAfterRejection: never }) });
    const waiting = sendWithTokenRetry(exchange, sendOnce);
    await expect.poll(() => sent.length).toBe(1);
    exchange.controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    expect(sent).toHaveLength(1);
  });

  it('a request cancelled before it starts asks for no token', async () => {
    let asked = false;
    const exchange = fakeExchange({ source: fakeTokens({ accessToken: async () => ((asked = true), 'token-1') }) });
    exchange.controller.abort();
    await expect(sendWithTokenRetry(exchange, over().sendOnce)).rejects.toMatchObject({ code: 'cancelled' });
    expect(asked).toBe(false);
  });

  it("the session's refusal to renew is the request's failure", async () => {
    const { sendOnce } = over(jsonResponse(401, {}));
    const refusal = Object.assign(new Error('Enter your password to go on.'), { code: 'reauth_required' });
    const exchange = fakeExchange({ source: fakeTokens({ refreshAfterRejection: () => Promise.reject(refusal) }) });
    await expect(sendWithTokenRetry(exchange, sendOnce)).rejects.toBe(refusal);
  });
});
