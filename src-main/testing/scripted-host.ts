// A tiny HTTP server for cases the sandbox cannot play: redirects, hangs, HTML pages, captures.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface ScriptedHost {
  url: string;
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;
  close(): Promise<void>;
}

/** Answers token.php with a fixed token set unless a route overrides it. */
export async function startScriptedHost(routes: Record<string, Route>): Promise<ScriptedHost> {
  const requests: ScriptedHost['requests'] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes[path] ?? (path === '/oauth2/token.php' ? tokenRoute : undefined);
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":5,"data":null,"error":"Invalid module"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const tokenRoute: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ access_token: 'scripted-access-token', refresh_token: 'scripted-refresh-token', expires_in: 3600, token_type: 'bearer', scope: null }));
};

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

/** Never answers: for timeouts and cancellation. */
export const hang: Route = () => undefined;
