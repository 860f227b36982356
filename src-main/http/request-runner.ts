// Sends one API request on the renderer's behalf: builds the URL on the configured host, adds
// the token, refreshes and retries once on a token rejection, and keeps the body in main.
import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/app-error';
import type { RequestBody, RequestInput, ResponseSummary, SavedRequest, Settings } from '../shared/contract';
import type { Redactor } from '../redaction/redactor';
import type { ResponseStore, StoredResponse } from '../response/response-store';
import { decodeEnvelope, describeOutcome, isTokenRejection } from './envelope';
import { describeFetchFailure, withTimeout, type FetchLike } from './fetch-errors';
import { buildApiUrl } from './url-rules';

export const MAX_BODY_BYTES = 512 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** What the runner needs from the session: a token now, and a new one after a rejection. */
export interface TokenSource {
  readonly host: string;
  accessToken(): Promise<string>;
  refreshAfterRejection(rejected: string): Promise<string>;
}

/** Resolves `{{name}}` variables; throws AppError 'unresolved_variable' naming the first missing one. */
export interface VariableSource {
  resolve(request: SavedRequest, collectionId: string | null): SavedRequest;
}

/** Remembers every request that left the app, with its outcome. */
export interface HistoryRecorder {
  record(entry: { request: SavedRequest; summary: ResponseSummary | null; body: StoredResponse | null; error: AppError | null }): void;
}

export interface RunnerDeps {
  fetch: FetchLike;
  now(): number;
  settings(): Settings;
  redactor: Redactor;
  responses: ResponseStore;
  variables: VariableSource;
  history: HistoryRecorder;
}

interface Exchanged {
  answer: RawAnswer;
  decoded: StoredResponse;
  refreshed: boolean;
}

interface RawAnswer {
  response: Response;
  bytes: Buffer;
  url: URL;
  note: string | null;
}

export function createRequestRunner(deps: RunnerDeps) {
  const inFlight = new Map<string, AbortController>();

  async function send(source: TokenSource, input: RequestInput): Promise<ResponseSummary> {
    const typed: SavedRequest = { method: input.method, path: input.path, query: input.query, body: input.body };
    const resolved = forCompany(deps.variables.resolve(typed, input.collectionId ?? null), deps.settings());
    if (resolved.method !== 'GET' && deps.settings().readOnly) {
      throw new AppError('read_only', `Read-only mode is on, so ${resolved.method} /${resolved.path} was not sent. Turn it off in Settings to make changes.`);
    }
    const url = buildApiUrl(source.host, resolved.path, resolved.query);
    const body = encodeBody(resolved.method, resolved.body);
    const controller = new AbortController();
    inFlight.get(input.requestId)?.abort();
    inFlight.set(input.requestId, controller);
    const started = deps.now();
    try {
      const exchanged = await exchange(source, url, input.method, body, controller.signal);
      const summary = summarize(input, exchanged, deps.now() - started);
      deps.history.record({ request: typed, summary, body: exchanged.decoded, error: null });
      return summary;
    } catch (error) {
      const failure = error instanceof AppError ? error : new AppError('internal', 'The request failed inside the app.');
      deps.history.record({ request: typed, summary: null, body: null, error: failure });
      throw error;
    } finally {
      if (inFlight.get(input.requestId) === controller) inFlight.delete(input.requestId);
    }
  }

  /** One call with the current token; on a token rejection, one refresh and one retry. */
  async function exchange(source: TokenSource, url: URL, method: string, body: EncodedBody | null, signal?: AbortSignal): Promise<Exchanged> {
    let token = await source.accessToken();
    let answer = await attempt(url, method, body, token, signal);
    let decoded = decodeBody(answer.bytes);
    if (!isTokenRejection(answer.response.status, decoded.json?.value)) return { answer, decoded, refreshed: false };
    token = await source.refreshAfterRejection(token);
    answer = await attempt(url, method, body, token, signal);
    decoded = decodeBody(answer.bytes);
    return { answer, decoded, refreshed: true };
  }

  async function attempt(url: URL, method: string, body: EncodedBody | null, token: string, signal?: AbortSignal): Promise<RawAnswer> {
    const { tokenDelivery, timeoutSeconds } = deps.settings();
    const timeoutMs = timeoutSeconds * 1000;
    const combined = withTimeout(timeoutMs, signal);
    let target = url;
    let currentMethod = method;
    let currentBody = body;
    for (let hop = 0; ; hop += 1) {
      const withToken = new URL(target);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (tokenDelivery === 'header') headers.authorization = `Bearer ${token}`;
      else withToken.searchParams.set('access_token', token);
      if (currentBody) headers['content-type'] = currentBody.contentType;
      let response: Response;
      let bytes: Buffer;
      try {
        response = await deps.fetch(withToken, { method: currentMethod, headers, body: currentBody?.text, redirect: 'manual', signal: combined });
        bytes = await readCapped(response);
      } catch (error) {
        throw describeFetchFailure(error, target.host, timeoutMs, signal);
      }
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (!location) return { response, bytes, url: withToken, note: null };
      const next = new URL(location, target);
      next.searchParams.delete('access_token');
      // The token never follows a redirect to another origin, and nothing leaves /api/v2/.
      if (next.origin !== url.origin || !next.pathname.startsWith('/api/v2/') || hop >= MAX_REDIRECTS) {
        const why = next.origin !== url.origin ? `to another host (${next.origin})` : hop >= MAX_REDIRECTS ? 'too many times' : 'outside /api/v2/';
        return { response, bytes, url: withToken, note: `The server redirected ${why}; the redirect was not followed, so your token stayed private.` };
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && currentMethod !== 'GET')) {
        currentMethod = 'GET';
        currentBody = null;
      }
      target = next;
    }
  }

  /** The body as the renderer may see it: secrets (such as the envelope's token echo) blanked. */
  function decodeBody(bytes: Buffer): StoredResponse {
    const text = deps.redactor.redact(bytes.toString('utf8'));
    if (!text.trim()) return { text, json: null };
    try {
      return { text, json: { value: JSON.parse(text) } };
    } catch {
      return { text, json: null };
    }
  }

  function summarize(input: RequestInput, { answer, decoded, refreshed }: Exchanged, durationMs: number): ResponseSummary {
    const { response, bytes } = answer;
    const { text, json: parsed } = decoded;
    const responseId = randomUUID().replaceAll('-', '');
    deps.responses.put(responseId, decoded);
    const envelope = parsed
      ? decodeEnvelope(response.status, parsed.value)
      : { kind: 'not_envelope' as const, status: null, meaning: text.trim() ? 'The answer is not JSON' : 'The answer has no body', error: null };
    const outcome = answer.note ?? describeOutcome(response.status, envelope);
    return {
      responseId,
      requestId: input.requestId,
      method: input.method,
      url: deps.redactor.redactUrl(answer.url),
      httpStatus: response.status,
      statusText: response.statusText,
      outcome,
      envelope,
      durationMs,
      sizeBytes: bytes.length,
      headers: [...response.headers].map(([name, value]) => ({ name, value: deps.redactor.redact(value) })),
      contentType: response.headers.get('content-type') ?? '',
      bodyKind: parsed ? 'json' : text ? 'text' : 'empty',
      textChars: text.length,
      refreshed,
      receivedAt: deps.now(),
    };
  }

  return {
    send,
    /** One GET for a bulk pull: status, Retry-After and parsed body; not kept, not in history. */
    async call(source: TokenSource, request: SavedRequest, signal: AbortSignal): Promise<{ status: number; retryAfterSeconds: number | null; body: unknown }> {
      const resolved = forCompany(request, deps.settings());
      const url = buildApiUrl(source.host, resolved.path, resolved.query);
      const { answer, decoded } = await exchange(source, url, resolved.method, encodeBody(resolved.method, resolved.body), signal);
      const retryAfter = Number(answer.response.headers.get('retry-after'));
      return {
        status: answer.response.status,
        retryAfterSeconds: answer.response.headers.has('retry-after') && Number.isFinite(retryAfter) ? retryAfter : null,
        body: decoded.json ? decoded.json.value : decoded.text,
      };
    },
    /** A GET whose JSON the app reads itself (such as /me); nothing is kept for the renderer. */
    async getJson(source: TokenSource, path: string): Promise<unknown> {
      const { answer, decoded } = await exchange(source, buildApiUrl(source.host, path, []), 'GET', null);
      if (!answer.response.ok) throw new AppError('network', `GET /${path} answered HTTP ${answer.response.status}.`);
      return decoded.json?.value;
    },
    cancel(requestId: string): boolean {
      const controller = inFlight.get(requestId);
      controller?.abort();
      return !!controller;
    },
  };
}

export type RequestRunner = ReturnType<typeof createRequestRunner>;

export interface EncodedBody {
  text: string;
  contentType: string;
}

const COMPANY_PARAM = 'child_company_id';

/** Group accounts: the chosen child company goes in the query for GET, in the body otherwise. */
export function forCompany(request: SavedRequest, settings: Settings): SavedRequest {
  const companyId = settings.activeCompanyId;
  if (!companyId) return request;
  const named = (list: readonly { name: string; enabled: boolean }[]) => list.some((p) => p.enabled && p.name === COMPANY_PARAM);
  const field = { name: COMPANY_PARAM, value: companyId, enabled: true };
  if (named(request.query) || (request.body.kind === 'form' && named(request.body.fields))) return request;
  if (request.method === 'GET') return { ...request, query: [...request.query, field] };
  if (request.body.kind === 'none') return { ...request, body: { kind: 'form', fields: [field] } };
  if (request.body.kind === 'form') return { ...request, body: { kind: 'form', fields: [...request.body.fields, field] } };
  const json = parseJsonObject(request.body.text);
  if (!json || COMPANY_PARAM in json) return json ? request : { ...request, query: [...request.query, field] };
  return { ...request, body: { kind: 'json', text: JSON.stringify({ ...json, [COMPANY_PARAM]: companyId }) } };
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The wire form of a body (also used by "Copy as cURL"). */
export function encodeBody(method: string, body: RequestBody): EncodedBody | null {
  if (method === 'GET' || body.kind === 'none') return null;
  if (body.kind === 'form') {
    const form = new URLSearchParams();
    for (const field of body.fields) if (field.enabled && field.name) form.append(field.name, field.value);
    return { text: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  try {
    JSON.parse(body.text);
  } catch (error) {
    throw new AppError('invalid_body', `The JSON body is not valid: ${(error as Error).message}. Fix it and send again.`);
  }
  return { text: body.text, contentType: 'application/json' };
}

async function readCapped(response: Response): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > MAX_BODY_BYTES) {
      await response.body.cancel().catch(() => undefined);
      throw new AppError('too_large', `The answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, so it was stopped. Narrow the request (a shorter date range or fewer fields).`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
