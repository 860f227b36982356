// Main's HTTP client, for the API and the token endpoint: undici's request() on one connection
// pool. It skips fetch's WHATWG machinery, which cost a 1 KB response about twice the time (bench
// (d)), and does the two things fetch did for us: it decompresses gzip, deflate and br, and it
// follows no redirect by itself (the redirects step decides, so a token never leaves its origin:
// docs/architecture.md, "The request pipeline"). Which proxy and which certificates it uses is
// src-main/network's business ("Networks: proxies and certificates").
import type { IncomingHttpHeaders } from 'node:http';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { request, type Dispatcher } from 'undici';
import { Dispatchers } from '../network/dispatchers';
import { ProxiedRequestError } from '../network/network-failure';
import type { ProxyRoute, RouteFor } from '../network/proxy-route';
import { createTrustStore, type TrustStore } from '../network/trust-store';

export interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** A response's header fields as the server sent them, looked up case-insensitively. */
export class ResponseHeaders {
  constructor(private readonly fields: IncomingHttpHeaders) {}

  /** A repeated field's values joined with ", ", as fetch's Headers does. */
  get(name: string): string | null {
    const value = this.fields[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.fields[name.toLowerCase()] !== undefined;
  }

  /** Every field in the order received; a repeated one (Set-Cookie) once per value. */
  entries(): Array<[string, string]> {
    return Object.entries(this.fields).flatMap(([name, value]) =>
      value === undefined ? [] : Array.isArray(value) ? value.map((one): [string, string] => [name, one]) : [[name, value] as [string, string]],
    );
  }
}

/** One response: status, headers, and a body read once, decompressed. */
export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: ResponseHeaders;
  /** The body's chunks as they arrive. */
  readonly body: Readable;
  bytes(): Promise<Uint8Array>;
  /** UTF-8, a byte order mark dropped. */
  text(): Promise<string>;
  /** Lets go of the body, read or not: its connection is closed rather than left waiting. */
  discard(): void;
}

export type HttpSend = (url: URL | string, request: HttpRequest) => Promise<HttpResponse>;

// Lenient, as fetch is: an empty body, or one cut short at its very end, gives what it holds.
const ZLIB_LENIENT = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const BROTLI_LENIENT = { flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH };

/** Deflate as servers send it: zlib-wrapped (as the RFC says) or raw (as some do); the first byte tells, as in fetch. */
class DeflateDecoder extends Transform {
  private inner: Transform | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      this.inner = (chunk[0]! & 0x0f) === 0x08 ? createInflate(ZLIB_LENIENT) : createInflateRaw(ZLIB_LENIENT);
      this.inner.on('data', (data: Buffer) => this.push(data));
      this.inner.on('error', (error) => this.destroy(error));
    }
    this.inner.write(chunk, () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.inner?.destroy();
    done(error);
  }
}

const DECODERS: Record<string, () => Transform> = {
  gzip: () => createGunzip(ZLIB_LENIENT),
  'x-gzip': () => createGunzip(ZLIB_LENIENT),
  deflate: () => new DeflateDecoder(),
  br: () => createBrotliDecompress(BROTLI_LENIENT),
};
const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

export interface NetworkOptions {
  /** The proxy for a URL (Settings > Network); default: none. */
  routeFor: RouteFor;
  /** The trusted certificates; default: the system's and Node's, no extra file. */
  trust: TrustStore;
  /** Where connections are kept; its owner closes it at quit. Default: the client's own. */
  dispatchers: Dispatchers;
}

export function createHttpClient(network: Partial<NetworkOptions> = {}): HttpSend {
  const routeFor: RouteFor = network.routeFor ?? (async () => null);
  const trust = network.trust ?? createTrustStore(() => null);
  const dispatchers = network.dispatchers ?? new Dispatchers();
  async function pick(url: URL): Promise<{ dispatcher: Dispatcher; route: ProxyRoute | null }> {
    const route = await routeFor(url);
    if (!route && url.protocol === 'http:') return { dispatcher: dispatchers.plainDirect(), route };
    return { dispatcher: dispatchers.for(route, await trust.anchors()), route };
  }
  return async (url, { method, headers, body, signal }) => {
    const { dispatcher, route } = await pick(typeof url === 'string' ? new URL(url) : url);
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        dispatcher,
        method: method as Dispatcher.HttpMethod,
        headers: { 'accept-encoding': ACCEPTED_ENCODINGS, ...headers },
        body,
        signal,
      });
    } catch (error) {
      // A proxy's part in a failure is told in its own words (http-errors.ts).
      throw route && !signal.aborted ? new ProxiedRequestError(route, error) : error;
    }
    return toResponse(response.statusCode, response.statusText, response.headers, response.body);
  };
}

function toResponse(status: number, statusText: string, fields: IncomingHttpHeaders, raw: Dispatcher.ResponseData['body']): HttpResponse {
  const headers = new ResponseHeaders(fields);
  const body = decoded(raw, headers.get('content-encoding'));
  const bytes = async (): Promise<Uint8Array> => {
    if (body === raw) return new Uint8Array(await raw.arrayBuffer());
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  return {
    status,
    statusText,
    ok: status >= 200 && status < 300,
    headers,
    body,
    bytes,
    text: async () => new TextDecoder().decode(await bytes()),
    discard: () => {
      // Destroyed, undici's body reports "aborted": nobody reads it any more to hear that.
      for (const stream of new Set([body, raw])) stream.on('error', () => undefined).destroy();
    },
  };
}

/** The body with its content codings undone, last applied first; an unknown coding as sent (as fetch does). */
function decoded(raw: Readable, encoding: string | null): Readable {
  const codings = (encoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity');
  if (codings.length === 0 || codings.some((coding) => !DECODERS[coding])) return raw;
  // An error on either side (a cancel, a corrupt stream) reaches whoever reads the last stage.
  return codings.reverse().reduce<Readable>((stream, coding) => pipeline(stream, DECODERS[coding]!(), () => undefined), raw);
}
