// The redirects step against a scripted sender: where the token goes, which redirects are followed
// (same origin, under /api/v2/, five at most), how a redirect changes the method, and how a hop
// that fails is told.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../shared/app-error';
import { dropped, fakeExchange, fakeResponse, hang, jsonResponse, pipelineDeps, redirect, scriptedSend } from '../testing/fake-http';
import { MAX_REDIRECTS, sendFollowingRedirects } from './redirects';

const OK = { status: 1, data: { id: 1 }, error: null };
const form = { text: 'name=Ada', contentType: 'application/x-www-form-urlencoded' };

afterEach(() => {
  vi.useRealTimers();
});

describe('the token', () => {
  it('goes in the query by default, and the URL given back carries it', async () => {
    const { send, sent } = scriptedSend(jsonResponse(200, OK));
    const raw = await sendFollowingRedirects(pipelineDeps(send), fakeExchange(), 'token-1');
    expect(sent[0]!.url.href).toBe('https://api.example/api/v2/me?access_token=token-1');
    expect(sent[0]!.headers).toEqual({ accept: 'application/json' });
    expect(raw).toMatchObject({ payload: JSON.stringify(OK), note: null });
    expect(raw.url.href).toBe('https://api.example/api/v2/me?access_token=token-1');
  });

  it('goes in a Bearer header when Settings say so, and the URL stays without it', async () => {
    const { send, sent } = scriptedSend(jsonResponse(200, OK));
    const exchange = fakeExchange({ url: new URL('https://api.example/api/v2/positions?x=1'), method: 'POST', body: form });
    await sendFollowingRedirects(pipelineDeps(send, { tokenDelivery: 'header' }), exchange, 'token-1');
    expect(sent[0]).toMatchObject({ method: 'POST', body: 'name=Ada' });
    expect(sent[0]!.url.href).toBe('https://api.example/api/v2/positions?x=1');
    expect(sent[0]!.headers).toEqual({ accept: 'application/json', authorization: 'Bearer token-1', 'content-type': form.contentType });
  });
});

describe('redirects followed', () => {
  it('a same-origin redirect under /api/v2/, relative to the hop, with our token and not the one in Location', async () => {
    const first = redirect(302, 'here?x=1&access_token=planted');
    const { send, sent } = scriptedSend(first, jsonResponse(200, OK));
    const raw = await sendFollowingRedirects(pipelineDeps(send), fakeExchange({ url: new URL('https://api.example/api/v2/moved/from') }), 'token-1');
    expect(sent.map((request) => request.url.href)).toEqual([
      'https://api.example/api/v2/moved/from?access_token=token-1',
      'https://api.example/api/v2/moved/here?x=1&access_token=token-1',
    ]);
    expect(first.discarded).toBe(true);
    expect(raw).toMatchObject({ response: { status: 200 }, note: null });
  });

  it('an access_token in Location is dropped when the token goes in a header', async () => {
    const { send, sent } = scriptedSend(redirect(301, '/api/v2/here?access_token=planted&x=1'), jsonResponse(200, OK));
    await sendFollowingRedirects(pipelineDeps(send, { tokenDelivery: 'header' }), fakeExchange(), 'token-1');
    expect(sent[1]!.url.href).toBe('https://api.example/api/v2/here?x=1');
    expect(sent[1]!.headers.authorization).toBe('Bearer token-1');
  });

  it(`up to ${MAX_REDIRECTS} in a row; the one after that is the response, with a note`, async () => {
    const hops = Array.from({ length: MAX_REDIRECTS + 1 }, (_, n) => redirect(307, `/api/v2/hop${n + 1}`));
    const { send, sent } = scriptedSend(...hops);
    const raw = await sendFollowingRedirects(pipelineDeps(send), fakeExchange(), 'token-1');
    expect(sent).toHaveLength(MAX_REDIRECTS + 1);
    expect(raw.response.status).toBe(307);
    expect(raw.note).toBe('The server redirected too many times; the redirect was not followed, so your token stayed private.');
  });

  it.each([
    [303, 'POST', 'GET'],
    [301, 'POST', 'GET'],
    [302, 'PUT', 'GET'],
    [302, 'GET', 'GET'],
    [307, 'POST', 'POST'],
    [308, 'DELETE', 'DELETE'],
  ])('%i after %s goes on as %s, the body kept only with the method', async (status, method, then) => {
    const { send, sent } = scriptedSend(redirect(status, '/api/v2/next'), jsonResponse(200, OK));
    await sendFollowingRedirects(pipelineDeps(send), fakeExchange({ method, body: method === 'GET' ? null : form }), 'token-1');
    expect(sent[1]!.method).toBe(then);
    const kept = then === method && method !== 'GET';
    expect(sent[1]!.body).toBe(kept ? form.text : undefined);
    expect(sent[1]!.headers['content-type']).toBe(kept ? form.contentType : undefined);
  });
});

describe('redirects refused: the 3xx is the response', () => {
  // Another origin (host, scheme or port), or a path outside /api/v2/.
  it.each([
    ['https://evil.example/api/v2/stolen', 'to another host (https://evil.example)'],
    ['http://api.example/api/v2/me', 'to another host (http://api.example)'],
    ['https://api.example:8443/api/v2/me', 'to another host (https://api.example:8443)'],
    ['/oauth2/token.php', 'outside /api/v2/'],
    ['../../login', 'outside /api/v2/'],
  ])('to %s', async (location, why) => {
    const refused = fakeResponse(302, { headers: { location }, body: 'moved' });
    const { send, sent } = scriptedSend(refused);
    const raw = await sendFollowingRedirects(pipelineDeps(send), fakeExchange(), 'token-1');
    expect(sent).toHaveLength(1);
    expect(raw).toMatchObject({ response: { status: 302 }, payload: 'moved' });
    expect(raw.note).toBe(`The server redirected ${why}; the redirect was not followed, so your token stayed private.`);
    expect(refused.discarded).toBe(false);
  });

  it('without a Location, or with one that is not a URL, and no note', async () => {
    for (const response of [fakeResponse(302), redirect(302, 'http://[not a host/')]) {
      const { send, sent } = scriptedSend(response);
      const raw = await sendFollowingRedirects(pipelineDeps(send), fakeExchange(), 'token-1');
      expect(sent).toHaveLength(1);
      expect(raw).toMatchObject({ response: { status: response.status }, note: null });
    }
  });
});

describe('failures', () => {
  it('a dropped connection is a network sentence naming the host of the hop', async () => {
    const { send } = scriptedSend(dropped());
    const failure = await sendFollowingRedirects(pipelineDeps(send), fakeExchange(), 'token-1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'network', message: expect.stringContaining('The connection to api.example failed') });
  });

  it('a body that cannot be read lets go of the response and becomes a sentence', async () => {
    const response = jsonResponse(200, OK);
    const { send } = scriptedSend(response);
    const exchange = fakeExchange();
    exchange.handling.read = async () => Promise.reject(dropped());
    await expect(sendFollowingRedirects(pipelineDeps(send), exchange, 'token-1')).rejects.toMatchObject({ code: 'network' });
    expect(response.discarded).toBe(true);
  });

  it('the timeout from Settings covers every hop, and is told apart from a cancel', async () => {
    vi.useFakeTimers();
    const { send } = scriptedSend(redirect(302, '/api/v2/slow'), hang);
    const timingOut = sendFollowingRedirects(pipelineDeps(send, { timeoutSeconds: 2 }), fakeExchange(), 'token-1').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await timingOut).toMatchObject({ code: 'timeout', message: expect.stringContaining('did not answer within 2 seconds') });

    const cancelled = scriptedSend(hang);
    const exchange = fakeExchange();
    const cancelling = sendFollowingRedirects(pipelineDeps(cancelled.send), exchange, 'token-1').catch((error: unknown) => error);
    exchange.controller.abort();
    expect(await cancelling).toMatchObject({ code: 'cancelled', message: 'The request was cancelled.' });
  });
});
