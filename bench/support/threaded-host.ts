// A big-body host on its own thread, for the renderer figures. The bench context's host runs on
// the bench process's main thread, which is also the app's main process here (the e2e harness
// builds the core in-process): serving 50 MB from there would charge the server's own writes to
// the app, which a real Humanity host never does. This one answers the same routes (token.php
// with a fixed token set, GET /api/v2/shifts-<mb> echoing the caller's token near the end, as
// src-main/testing/large-shifts.ts does) from a worker thread, with the bodies shared, not copied.
// Small fixed answers (figure h's /me) are served as given, to any origin (CORS), so the page can
// fetch them itself as a baseline.
import { Worker } from 'node:worker_threads';
import type { ShiftsBody } from '../../src-main/testing/large-shifts';

export interface ThreadedHost {
  url: string;
  close(): Promise<void>;
}

const SERVER = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const MB = 1024 * 1024;
const TAIL = ',"error":null}';
const heads = new Map(Object.entries(workerData.heads).map(([path, sab]) => [path, Buffer.from(sab)]));
const fixed = new Map(Object.entries(workerData.fixed).map(([path, bytes]) => [path, Buffer.from(bytes)]));
const server = http.createServer((req, res) => {
  const url = new URL(req.url || '/', 'http://x');
  if (url.pathname === '/oauth2/token.php') {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'threaded-access-token', refresh_token: 'threaded-refresh-token', expires_in: 3600, token_type: 'bearer', scope: null }));
    });
    return;
  }
  const answer = fixed.get(url.pathname);
  if (answer && req.method === 'OPTIONS') {
    // Chromium's preflight for a page reaching a loopback address (Private Network Access).
    res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-private-network': 'true' }).end();
    return;
  }
  if (answer) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(answer.length), 'access-control-allow-origin': '*' });
    res.end(answer);
    return;
  }
  const head = heads.get(url.pathname);
  if (!head) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":5,"data":null,"error":"Invalid module"}');
    return;
  }
  const end = Buffer.from(JSON.stringify(url.searchParams.get('access_token')) + TAIL);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(head.length + end.length) });
  for (let at = 0; at < head.length; at += MB) res.write(head.subarray(at, at + MB));
  res.end(end);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

/** Serves each body at /api/v2/shifts-<mb>, and each fixed answer at its path. */
export async function startThreadedHost(bodies: ReadonlyMap<number, ShiftsBody>, fixed: Record<string, Uint8Array> = {}): Promise<ThreadedHost> {
  const heads: Record<string, SharedArrayBuffer> = {};
  for (const [mb, body] of bodies) {
    const shared = new SharedArrayBuffer(body.head.length);
    Buffer.from(shared).set(body.head);
    heads[`/api/v2/shifts-${mb}`] = shared;
  }
  const worker = new Worker(SERVER, { eval: true, workerData: { heads, fixed } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await worker.terminate();
    },
  };
}
