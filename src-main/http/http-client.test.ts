// The HTTP client over real sockets: what it must do that fetch did (decompress, no redirects
// followed), its headers, and how it fails.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { createHttpClient } from './http-client';
import { describeHttpFailure } from './http-errors';

const TEXT = JSON.stringify({ status: 1, data: Array.from({ length: 400 }, (_, id) => ({ id, name: `Shift ${id} — été` })) });
const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  '/plain': (_, response) => response.end(TEXT),
  '/gzip': (_, response) => {
    response.writeHead(200, { 'content-encoding': 'gzip' });
    // In small pieces, so the decoder meets a stream, not one buffer.
    const packed = gzipSync(TEXT);
    for (let at = 0; at < packed.length; at += 100) response.write(packed.subarray(at, at + 100));
    response.end();
  },
  '/deflate': (_, response) => response.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(TEXT)),
  // Raw deflate, without the zlib wrapper the RFC asks for: some servers send it.
  '/raw-deflate': (_, response) => response.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync(TEXT)),
  '/empty-gzip': (_, response) => response.writeHead(204, { 'content-encoding': 'gzip' }).end(),
  // Its last bytes (the checksum) missing, as fetch tolerates.
  '/gzip-cut-short': (_, response) => response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(TEXT).subarray(0, -8)),
  '/br': (_, response) => response.writeHead(200, { 'Content-Encoding': 'BR' }).end(brotliCompressSync(TEXT)),
  // Applied gzip first, then br: undone br first.
  '/gzip-then-br': (_, response) => response.writeHead(200, { 'content-encoding': 'gzip, br' }).end(brotliCompressSync(gzipSync(TEXT))),
  '/unknown-coding': (_, response) => response.writeHead(200, { 'content-encoding': 'zstd-but-not-really' }).end('as sent'),
  '/corrupt-gzip': (_, response) => response.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('this is not gzip at all')),
  '/bom': (_, response) => response.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')])),
  '/redirect': (_, response) => response.writeHead(302, 'Found It', { location: '/plain' }).end(),
  '/headers': (_, response) => {
    response.setHeader('Set-Cookie', ['a=1', 'b=2']);
    response.setHeader('X-Custom', 'yes');
    response.end();
  },
  '/echo': (request, response) => {
    let received = '';
    request.on('data', (chunk: Buffer) => (received += chunk.toString()));
    request.on('end', () => response.end(JSON.stringify({ method: request.method, headers: request.headers, received })));
  },
  // Headers at once, then the body never ends.
  '/stall': (_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('[1,');
  },
  '/drop': (request) => request.socket.destroy(),
};

let server: Server;
let base: string;
const http = createHttpClient();
const get = (path: string, signal = new AbortController().signal) => http(`${base}${path}`, { method: 'GET', headers: {}, signal });

beforeAll(async () => {
  server = createServer((request, response) => routes[request.url!]!(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createHttpClient', () => {
  it('undoes gzip (arriving in pieces), deflate, br and a chain of codings, streamed or whole', async () => {
    for (const path of ['/plain', '/gzip', '/deflate', '/raw-deflate', '/br', '/gzip-then-br', '/gzip-cut-short']) {
      expect(await (await get(path)).text(), path).toBe(TEXT);
      const chunks: Uint8Array[] = [];
      for await (const chunk of (await get(path)).body) chunks.push(chunk);
      expect(Buffer.concat(chunks).toString('utf8'), path).toBe(TEXT);
    }
  });

  it('asks for the codings it can undo, and sends the method, headers and body given', async () => {
    const response = await http(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{"x":1}', signal: new AbortController().signal });
    const echoed = JSON.parse(await response.text()) as { method: string; headers: Record<string, string>; received: string };
    expect(echoed.method).toBe('POST');
    expect(echoed.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(echoed.headers['content-type']).toBe('application/json');
    expect(echoed.received).toBe('{"x":1}');
  });

  it('gives a body in a coding it does not know as sent, and fails a corrupt one on reading', async () => {
    expect(await (await get('/unknown-coding')).text()).toBe('as sent');
    const corrupt = await get('/corrupt-gzip');
    const error = await corrupt.bytes().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'Z_DATA_ERROR' });
    expect(describeHttpFailure(error, 'the host', 1000).message).toBe(
      'The answer from the host arrived damaged: its compressed body could not be unpacked (Z_DATA_ERROR). Try again; if it keeps happening, the server is sending it broken.',
    );
  });

  it('gives an empty compressed body as empty, streamed or whole', async () => {
    expect(await (await get('/empty-gzip')).text()).toBe('');
    const chunks: Uint8Array[] = [];
    for await (const chunk of (await get('/empty-gzip')).body) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });

  it('drops a byte order mark from text', async () => {
    expect(await (await get('/bom')).text()).toBe('{"a":1}');
  });

  it('follows no redirect: the 3xx, its status text and Location are the response', async () => {
    const response = await get('/redirect');
    expect([response.status, response.statusText, response.ok, response.headers.get('Location')]).toEqual([302, 'Found It', false, '/plain']);
    response.discard();
    // The client goes on after a discarded body.
    expect((await get('/plain')).status).toBe(200);
  });

  it('reads header fields case-insensitively; a repeated one is joined, and listed once per value', async () => {
    const response = await get('/headers');
    expect(response.headers.get('x-custom')).toBe('yes');
    expect(response.headers.has('X-CUSTOM')).toBe(true);
    expect(response.headers.has('x-missing')).toBe(false);
    expect(response.headers.get('x-missing')).toBeNull();
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(response.headers.entries().filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
  });

  it('stops a body when the signal aborts, with the reason given: a cancel and a timeout read differently', async () => {
    for (const reason of [new DOMException('cancelled', 'AbortError'), new DOMException('No answer within 50 ms.', 'TimeoutError')]) {
      const controller = new AbortController();
      const response = await get('/stall', controller.signal);
      const reading = response.bytes();
      controller.abort(reason);
      const error = await reading.catch((caught: unknown) => caught);
      const sentence = describeHttpFailure(error, 'the host', 50, controller.signal);
      expect(sentence.code).toBe(reason.name === 'TimeoutError' ? 'timeout' : 'cancelled');
    }
  });

  it('fails a dropped connection and a refused one with the network sentences', async () => {
    const dropped = await get('/drop').catch((caught: unknown) => caught);
    expect(describeHttpFailure(dropped, 'the host', 1000)).toMatchObject({ code: 'network' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await http(`http://127.0.0.1:${port}/`, { method: 'GET', headers: {}, signal: new AbortController().signal }).catch((caught: unknown) => caught);
    const sentence = describeHttpFailure(refused, `127.0.0.1:${port}`, 1000);
    expect(sentence).toBeInstanceOf(AppError);
    expect(sentence.code).toBe('host_unreachable');
    expect(sentence.message).toContain(`Could not connect to 127.0.0.1:${port}`);
  });
});
