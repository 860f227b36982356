// Test support for the request pipeline's unit tests (docs/architecture.md, "The request
// pipeline"): an HttpSend scripted response by response, responses made in memory, a token
// source and a body handling that record what the steps do with them. The app never imports it.
import { Readable } from 'node:stream';
import { DEFAULT_SETTINGS } from '../settings/settings-store';
import type { Settings } from '../shared/contract';
import type { BodyHandling, Decoded } from '../http/body-handling';
import type { Exchange, PipelineDeps } from '../http/exchange';
import { ResponseHeaders, type HttpRequest, type HttpResponse, type HttpSend } from '../http/http-client';
import type { TokenSource } from '../http/request-runner';

export interface FakeResponse extends HttpResponse {
  /** Whether the step let go of it. */
  readonly discarded: boolean;
}

/** A response held in memory; its body arrives in the chunks given (one, by default). */
export function fakeResponse(status: number, options: { headers?: Record<string, string>; body?: string; chunks?: string[]; statusText?: string } = {}): FakeResponse {
  const chunks = (options.chunks ?? (options.body ? [options.body] : [])).map((chunk) => Buffer.from(chunk));
  const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const state = { discarded: false };
  const bytes = async () => Buffer.concat(chunks);
  return {
    status,
    statusText: options.statusText ?? '',
    ok: status >= 200 && status < 300,
    headers: new ResponseHeaders(headers),
    body: Readable.from(chunks),
    bytes,
    text: async () => (await bytes()).toString('utf8'),
    discard: () => (state.discarded = true),
    get discarded() {
      return state.discarded;
    },
  };
}

export const jsonResponse = (status: number, value: unknown, headers: Record<string, string> = {}) =>
  fakeResponse(status, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) });

export const redirect = (status: number, location: string) => fakeResponse(status, { headers: { location } });

/** A connection dropped before a response came (what undici throws, as describeHttpFailure reads it). */
export const dropped = () => Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });

export interface SentRequest extends HttpRequest {
  url: URL;
}

/** What the fake sender does for one request: respond, fail, or decide from the request. */
export type Reply = FakeResponse | Error | ((request: SentRequest) => FakeResponse | Promise<FakeResponse>);

/** Never responds; fails with the signal's reason once it aborts, as the real client does. */
export const hang: Reply = ({ signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));

/** An HttpSend that gives the replies in order, one a request, and records every request. */
export function scriptedSend(...replies: Reply[]): { send: HttpSend; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const send: HttpSend = async (url, request) => {
    const recorded = { ...request, url: new URL(url) };
    sent.push(recorded);
    const reply = replies.shift();
    if (!reply) throw new Error(`No reply scripted for request ${sent.length}: ${request.method} ${String(url)}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(recorded) : reply;
  };
  return { send, sent };
}

export function pipelineDeps(send: HttpSend, settings: Partial<Settings> = {}): PipelineDeps & { settings(): Settings } {
  return { http: send, settings: () => ({ ...DEFAULT_SETTINGS, ...settings }) };
}

export interface FakeTokens extends TokenSource {
  /** The tokens given to refreshAfterRejection, in order. */
  readonly rejected: string[];
}

/** Gives "token-1", and "token-2" after a rejection; `overrides` replace either. */
export function fakeTokens(overrides: Partial<Pick<TokenSource, 'accessToken' | 'refreshAfterRejection' | 'signal'>> = {}): FakeTokens {
  const rejected: string[] = [];
  return {
    host: 'https://api.example',
    signal: new AbortController().signal,
    accessToken: async () => 'token-1',
    refreshAfterRejection: async (token) => {
      rejected.push(token);
      return 'token-2';
    },
    ...overrides,
    rejected,
  };
}

export interface TextBody extends Decoded {
  text: string;
}

/** Reads the body as text; a JSON body is its own envelope. Records what it is asked to discard. */
export function textHandling(): BodyHandling<string, TextBody> & { discarded: TextBody[] } {
  const discarded: TextBody[] = [];
  return {
    read: (response) => response.text(),
    decode: async (text) => {
      let envelope: unknown;
      try {
        envelope = JSON.parse(text);
      } catch {
        envelope = undefined;
      }
      return { text, envelope };
    },
    discard: (decoded) => void discarded.push(decoded),
    discarded,
  };
}

/** A GET of https://api.example/api/v2/me, its body read as text, unless `fields` say otherwise. */
export function fakeExchange(fields: Partial<Omit<Exchange<string, TextBody>, 'handling'>> = {}) {
  return {
    url: new URL('https://api.example/api/v2/me'),
    method: 'GET',
    body: null,
    controller: new AbortController(),
    source: fakeTokens(),
    ...fields,
    handling: textHandling(),
  };
}
