// Reading requests and writing replies. Endpoints build a `Reply` value and never touch the
// socket, so faults can rewrite a reply before it is sent.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request fields after decoding: the query string, or a form-urlencoded or JSON body. */
export type Params = Readonly<Record<string, string>>;

export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY_BYTES = 1024 * 1024;

export function jsonReply(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value), headers };
}

/** A bare HTML error page, the way a proxy or an overloaded PHP host answers. */
export function htmlReply(status: number, title: string): Reply {
  const head = `<head><title>${status} ${title}</title></head>`;
  const body = `<!DOCTYPE html>\n<html>${head}<body><h1>${title}</h1><hr><p>nginx</p></body></html>\n`;
  return { status, contentType: 'text/html; charset=utf-8', body };
}

export function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, {
    'content-type': reply.contentType,
    'content-length': Buffer.byteLength(reply.body),
    'cache-control': 'no-store',
    ...reply.headers,
  });
  res.end(reply.body);
}

/** The whole body, or null when it exceeds the size limit (the rest is drained and dropped). */
export function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : null));
    req.on('error', reject);
  });
}

export function queryParams(url: URL): Params {
  return Object.fromEntries(url.searchParams);
}

/**
 * Decodes a JSON body when the content type says JSON, otherwise form-urlencoded (what Humanity's
 * classic endpoints take, and curl's default). JSON values become the strings a form would carry.
 * Returns null for a body that cannot be decoded.
 */
export function parseBody(raw: Buffer, contentType: string | undefined): Params | null {
  const text = raw.toString('utf8');
  if (!/\bjson\b/i.test(contentType ?? '')) return Object.fromEntries(new URLSearchParams(text));
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(value)) {
    const asText = formValue(field);
    if (asText !== undefined) fields[name] = asText;
  }
  return fields;
}

function formValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  // Lists become the comma lists Humanity uses for ids; other objects stay JSON, like custom fields.
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join(',');
  return JSON.stringify(value);
}
