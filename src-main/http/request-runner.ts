// Sends one API request on the renderer's behalf: builds the URL on the configured host, adds
// the token, refreshes and retries once on a token rejection, and keeps the body in main (or, for
// "Save to file", streams it straight to a file without keeping it).
import { AppError } from '../shared/app-error';
import type { EnvelopeView, RequestBody, RequestInput, ResponseSummary, SavedRequest, Settings } from '../shared/contract';
import type { Redactor } from '../redaction/redactor';
import { decodeBody } from '../response/body-text';
import type { BodySource, IncomingBody, KeptResponse, ResponseStore } from '../response/response-store';
import { writeFailure } from '../export/atomic-file';
import { decodeEnvelope, describeOutcome, isTokenRejection } from './envelope';
import type { HttpAnswer, HttpSend } from './http-client';
import { armTimeout, describeHttpFailure } from './http-errors';
import { declaredLength, readCapped, readWhole, saveBody, type SavedBody } from './read-body';
import { buildApiUrl, isReservedName, reservedMembers, reservedNameError } from './url-rules';

const MAX_REDIRECTS = 5;
const MB = 1024 * 1024;

/** What the runner needs from the session: a token now, and a new one after a rejection. */
export interface TokenSource {
  readonly host: string;
  /** Aborts when the session ends: its requests stop, and what they still receive is dropped. */
  readonly signal: AbortSignal;
  accessToken(): Promise<string>;
  refreshAfterRejection(rejected: string): Promise<string>;
}

/** Resolves `{{name}}` variables; throws AppError 'unresolved_variable' naming the first missing one. */
export interface VariableSource {
  resolve(request: SavedRequest, collectionId: string | null): SavedRequest;
}

/** Remembers every request that left the app, with its outcome. Never throws. */
export interface HistoryRecorder {
  record(entry: { request: SavedRequest; summary: ResponseSummary | null; body: BodySource | null; error: AppError | null }): void;
}

export interface RunnerDeps {
  http: HttpSend;
  now(): number;
  settings(): Settings;
  redactor: Redactor;
  responses: Pick<ResponseStore, 'receive' | 'drop'>;
  variables: VariableSource;
  history: HistoryRecorder;
}

interface RawAnswer<P> {
  response: HttpAnswer;
  payload: P;
  url: URL;
  note: string | null;
}

/** How a caller reads an answer's body and decodes it; `envelope` is what the token check reads. */
interface BodyHandling<P, D extends { envelope: unknown }> {
  read(response: HttpAnswer): Promise<P>;
  decode(payload: P): Promise<D>;
  /** Throws away an answer that rejected the token, before the retry. */
  discard?(decoded: D): Promise<void> | void;
}

interface Exchanged<P, D> {
  answer: RawAnswer<P>;
  decoded: D;
  refreshed: boolean;
}

/** The parts of a summary that come from the body. */
interface BodyView {
  responseId: string;
  bodyKind: ResponseSummary['bodyKind'];
  envelope: EnvelopeView;
  textChars: number;
  sizeBytes: number;
}

const notEnvelope = (meaning: string): EnvelopeView => ({ kind: 'not_envelope', status: null, meaning, error: null });

export function createRequestRunner(deps: RunnerDeps) {
  const inFlight = new Map<string, AbortController>();
  const ceilingBytes = () => deps.settings().maxResponseMB * MB;

  const kept: BodyHandling<IncomingBody, KeptResponse & { envelope: unknown }> = {
    read: async (response) => {
      const opened: { incoming?: IncomingBody } = {};
      try {
        await readCapped(response, ceilingBytes(), () => (opened.incoming = deps.responses.receive(declaredLength(response))));
      } catch (error) {
        opened.incoming?.abort();
        throw error;
      }
      return opened.incoming!;
    },
    decode: async (incoming) => {
      const body = await incoming.finish();
      return { ...body, envelope: body.head };
    },
    discard: (body) => deps.responses.drop(body.responseId),
  };

  /** For bodies the app reads itself (bulk pulls, /me): parsed in main, not kept. */
  const parsed: BodyHandling<Buffer, { envelope: unknown; isJson: boolean; value: unknown }> = {
    read: (response) => readWhole(response, ceilingBytes()),
    decode: async (bytes) => {
      const { value, isJson } = decodeBody(bytes, deps.redactor.bytePattern());
      return { envelope: isJson ? value : undefined, isJson, value };
    },
  };

  const savedTo = (path: string): BodyHandling<SavedBody, SavedBody & { envelope: unknown }> => ({
    read: (response) => saveBody(response, path, deps.redactor.spellings()),
    decode: async (saved) => ({ ...saved, envelope: saved.head }),
    discard: (saved) => saved.file.abort(),
  });

  /**
   * Sends the request and records it in history whatever happens. Checks that refuse it before
   * anything is sent (read-only mode, an unresolved variable, a bad path) are not recorded.
   */
  async function sendAndRecord<P, D extends { envelope: unknown }, T>(
    source: TokenSource,
    input: RequestInput,
    handling: BodyHandling<P, D>,
    finish: (exchanged: Exchanged<P, D>, durationMs: number) => Promise<{ result: T; summary: ResponseSummary; body: BodySource | null }>,
  ): Promise<T> {
    const typed: SavedRequest = { method: input.method, path: input.path, query: input.query, body: input.body };
    const resolved = forCompany(deps.variables.resolve(typed, input.collectionId ?? null), deps.settings());
    if (resolved.method !== 'GET' && deps.settings().readOnly) {
      throw new AppError('read_only', `Read-only mode is on, so ${resolved.method} /${resolved.path} was not sent. Turn it off in Settings to make changes.`);
    }
    const url = buildApiUrl(source.host, resolved.path, resolved.query);
    const body = encodeBody(resolved.method, resolved.body);
    const controller = new AbortController();
    const release = follow(source.signal, controller);
    inFlight.get(input.requestId)?.abort();
    inFlight.set(input.requestId, controller);
    const started = deps.now();
    try {
      const exchanged = await exchangeWithRetries(source, url, resolved.method, body, handling, controller);
      // An answer that arrives after its session ended is dropped: not shown, kept or recorded.
      if (source.signal.aborted) await handling.discard?.(exchanged.decoded);
      source.signal.throwIfAborted();
      const { result, summary, body: keptBody } = await finish(exchanged, deps.now() - started);
      deps.history.record({ request: typed, summary, body: keptBody, error: null });
      return result;
    } catch (error) {
      source.signal.throwIfAborted();
      const failure = error instanceof AppError ? error : new AppError('internal', 'The request failed inside the app.');
      deps.history.record({ request: typed, summary: null, body: null, error: failure });
      throw error;
    } finally {
      release();
      if (inFlight.get(input.requestId) === controller) inFlight.delete(input.requestId);
    }
  }

  /**
   * With "Retry safe requests" on, a GET that meets a gateway error (502/503/504), a 429 asking
   * for a short wait, or a dropped connection is sent again after a backoff: reading twice
   * changes nothing on the server. Writes are never repeated.
   */
  async function exchangeWithRetries<P, D extends { envelope: unknown }>(
    source: TokenSource,
    url: URL,
    method: string,
    body: EncodedBody | null,
    handling: BodyHandling<P, D>,
    controller: AbortController,
  ): Promise<Exchanged<P, D>> {
    const retrying = method === 'GET' && deps.settings().retrySafeRequests;
    for (let attemptNo = 1; ; attemptNo += 1) {
      const last = !retrying || attemptNo >= SAFE_RETRY_DELAYS_MS.length + 1;
      let exchanged: Exchanged<P, D>;
      try {
        exchanged = await exchange(source, url, method, body, handling, controller);
      } catch (error) {
        if (last || !(error instanceof AppError) || error.code !== 'network' || controller.signal.aborted) throw error;
        await pause(SAFE_RETRY_DELAYS_MS[attemptNo - 1]!, controller.signal);
        continue;
      }
      const wait = retryWait(exchanged.answer.response, SAFE_RETRY_DELAYS_MS[attemptNo - 1] ?? 0);
      if (last || wait === null) return exchanged;
      await handling.discard?.(exchanged.decoded);
      await pause(wait, controller.signal);
    }
  }

  /** One call with the current token; on a token rejection, one refresh and one retry. */
  async function exchange<P, D extends { envelope: unknown }>(
    source: TokenSource,
    url: URL,
    method: string,
    body: EncodedBody | null,
    handling: BodyHandling<P, D>,
    controller: AbortController,
  ): Promise<Exchanged<P, D>> {
    // A session waiting for "Sign in again" holds the token back: the user may cancel meanwhile.
    let token = await unlessCancelled(() => source.accessToken(), controller.signal);
    let answer = await attempt(url, method, body, token, handling.read, controller);
    let decoded = await handling.decode(answer.payload);
    if (!isTokenRejection(answer.response.status, decoded.envelope)) return { answer, decoded, refreshed: false };
    await handling.discard?.(decoded);
    const rejected = token;
    token = await unlessCancelled(() => source.refreshAfterRejection(rejected), controller.signal);
    answer = await attempt(url, method, body, token, handling.read, controller);
    decoded = await handling.decode(answer.payload);
    return { answer, decoded, refreshed: true };
  }

  /** One answer, following same-origin redirects; `controller` cancels it and takes the timeout. */
  async function attempt<P>(url: URL, method: string, body: EncodedBody | null, token: string, read: (response: HttpAnswer) => Promise<P>, controller: AbortController): Promise<RawAnswer<P>> {
    const { tokenDelivery, timeoutSeconds } = deps.settings();
    const timeoutMs = timeoutSeconds * 1000;
    const { signal } = controller;
    const disarm = armTimeout(controller, timeoutMs);
    let target = url;
    let currentMethod = method;
    let currentBody = body;
    try {
      for (let hop = 0; ; hop += 1) {
        const withToken = new URL(target);
        const headers: Record<string, string> = { accept: 'application/json' };
        if (tokenDelivery === 'header') headers.authorization = `Bearer ${token}`;
        else withToken.searchParams.set('access_token', token);
        if (currentBody) headers['content-type'] = currentBody.contentType;
        let response: HttpAnswer;
        try {
          response = await deps.http(withToken, { method: currentMethod, headers, body: currentBody?.text, signal });
        } catch (error) {
          throw describeHttpFailure(error, target.host, timeoutMs, signal);
        }
        const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
        // A Location that is not a URL leaves nothing to follow: the 3xx is the answer.
        const next = location && URL.canParse(location, target) ? new URL(location, target) : null;
        next?.searchParams.delete('access_token');
        // The token never follows a redirect to another origin, and nothing leaves /api/v2/.
        const refused = next && (next.origin !== url.origin || !next.pathname.startsWith('/api/v2/') || hop >= MAX_REDIRECTS);
        if (!next || refused) {
          const why = !next ? null : next.origin !== url.origin ? `to another host (${next.origin})` : hop >= MAX_REDIRECTS ? 'too many times' : 'outside /api/v2/';
          const note = why && `The server redirected ${why}; the redirect was not followed, so your token stayed private.`;
          try {
            return { response, payload: await read(response), url: withToken, note };
          } catch (error) {
            // A body left unread (a file that cannot be opened, say) would hold its connection.
            response.discard();
            throw describeHttpFailure(error, target.host, timeoutMs, signal);
          }
        }
        response.discard();
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && currentMethod !== 'GET')) {
          currentMethod = 'GET';
          currentBody = null;
        }
        target = next;
      }
    } finally {
      disarm();
    }
  }

  function summarize(input: RequestInput, answer: RawAnswer<unknown>, view: BodyView, refreshed: boolean, durationMs: number): ResponseSummary {
    const { response } = answer;
    return {
      responseId: view.responseId,
      requestId: input.requestId,
      method: input.method,
      url: deps.redactor.redactUrl(answer.url),
      httpStatus: response.status,
      statusText: response.statusText,
      outcome: answer.note ?? describeOutcome(response.status, view.envelope),
      envelope: view.envelope,
      durationMs,
      sizeBytes: view.sizeBytes,
      headers: response.headers.entries().map(([name, value]) => ({ name, value: deps.redactor.redact(value) })),
      contentType: response.headers.get('content-type') ?? '',
      bodyKind: view.bodyKind,
      textChars: view.textChars,
      refreshed,
      receivedAt: deps.now(),
    };
  }

  return {
    /** Sends the request and keeps its body for the renderer to look at, window by window. */
    send(source: TokenSource, input: RequestInput): Promise<ResponseSummary> {
      return sendAndRecord(source, input, kept, async ({ answer, decoded, refreshed }, durationMs) => {
        const status = answer.response.status;
        const envelope = decoded.isJson ? decodeEnvelope(status, decoded.head) : notEnvelope(decoded.textChars ? 'The answer is not JSON' : 'The answer has no body');
        const bodyKind = decoded.isJson ? 'json' : decoded.textChars ? 'text' : 'empty';
        const view = { responseId: decoded.responseId, bodyKind, envelope, textChars: decoded.textChars, sizeBytes: decoded.body.sizeBytes } as const;
        const summary = summarize(input, answer, view, refreshed, durationMs);
        return { result: summary, summary, body: decoded.body };
      });
    },

    /** Sends the request again and streams the answer to `path` without keeping it; the byte count. */
    download(source: TokenSource, input: RequestInput, path: string): Promise<number> {
      return sendAndRecord(source, input, savedTo(path), async ({ answer, decoded, refreshed }, durationMs) => {
        await decoded.file.commit().catch(async (error: unknown) => {
          await decoded.file.abort();
          throw writeFailure('The answer', path, error);
        });
        const status = answer.response.status;
        const envelope = decoded.isJson ? decodeEnvelope(status, decoded.head) : notEnvelope(`The answer was saved to ${path}`);
        const view = { responseId: '', bodyKind: decoded.isJson ? 'json' : 'text', envelope, textChars: 0, sizeBytes: decoded.bytes } as const;
        return { result: decoded.bytes, summary: summarize(input, answer, view, refreshed, durationMs), body: null };
      });
    },

    /** One GET for a bulk pull: status, Retry-After and parsed body; not kept, not in history. */
    async call(source: TokenSource, request: SavedRequest, signal: AbortSignal): Promise<{ status: number; retryAfterSeconds: number | null; body: unknown }> {
      const resolved = forCompany(request, deps.settings());
      const url = buildApiUrl(source.host, resolved.path, resolved.query);
      // Our own controller, following the pull's signal: the timeout must abort only this call.
      const controller = new AbortController();
      const releases = [follow(signal, controller), follow(source.signal, controller)];
      const { answer, decoded } = await exchange(source, url, resolved.method, encodeBody(resolved.method, resolved.body), parsed, controller).finally(() =>
        releases.forEach((release) => release()),
      );
      source.signal.throwIfAborted();
      const retryAfter = Number(answer.response.headers.get('retry-after'));
      return {
        status: answer.response.status,
        retryAfterSeconds: answer.response.headers.has('retry-after') && Number.isFinite(retryAfter) ? retryAfter : null,
        body: decoded.value,
      };
    },
    /** A GET whose JSON the app reads itself (such as /me); nothing is kept for the renderer. */
    async getJson(source: TokenSource, path: string): Promise<unknown> {
      const controller = new AbortController();
      const release = follow(source.signal, controller);
      const { answer, decoded } = await exchange(source, buildApiUrl(source.host, path, []), 'GET', null, parsed, controller).finally(release);
      source.signal.throwIfAborted();
      if (!answer.response.ok) throw new AppError('network', `GET /${path} answered HTTP ${answer.response.status}.`);
      return decoded.isJson ? decoded.value : undefined;
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

/** Aborts `controller` with `signal` (the session's, or a pull's); returns what stops following. */
function follow(signal: AbortSignal, controller: AbortController): () => void {
  const stop = () => controller.abort(signal.reason);
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  return () => signal.removeEventListener('abort', stop);
}

/** Backoff before the 2nd and 3rd try of a safe request. */
const SAFE_RETRY_DELAYS_MS = [500, 1500];
const MAX_RETRY_AFTER_MS = 10_000;

/** How long to wait before sending a GET again, or null when its answer should stand. */
function retryWait(response: HttpAnswer, backoffMs: number): number | null {
  if ([502, 503, 504].includes(response.status)) return backoffMs;
  if (response.status !== 429) return null;
  const seconds = Number(response.headers.get('retry-after') ?? NaN);
  // A long Retry-After is shown to the user rather than silently waited out.
  return Number.isFinite(seconds) && seconds * 1000 <= MAX_RETRY_AFTER_MS ? Math.max(seconds * 1000, backoffMs) : null;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return unlessCancelled(() => new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), signal).finally(() => clearTimeout(timer));
}

/**
 * `start()`'s outcome, or "cancelled" as soon as `signal` aborts (the work itself goes on, its
 * failure then unheard). Nothing is started for a request already cancelled.
 */
function unlessCancelled<T>(start: () => Promise<T>, signal: AbortSignal): Promise<T> {
  const cancelled = () => new AppError('cancelled', 'The request was cancelled.');
  if (signal.aborted) return Promise.reject(cancelled());
  const work = start();
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

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

/**
 * The wire form of a body (also used by "Copy as cURL"). A field or JSON key named access_token,
 * at any depth, is refused: PHP servers merge a JSON body into the request parameters.
 */
export function encodeBody(method: string, body: RequestBody): EncodedBody | null {
  if (method === 'GET' || body.kind === 'none') return null;
  if (body.kind === 'form') {
    const form = new URLSearchParams();
    for (const field of body.fields) {
      if (!field.enabled || !field.name) continue;
      if (isReservedName(field.name)) throw reservedNameError('invalid_body', 'the form field', field.name);
      form.append(field.name, field.value);
    }
    return { text: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch (error) {
    throw new AppError('invalid_body', `The JSON body is not valid: ${(error as Error).message}. Fix it and send again.`);
  }
  const [reserved] = reservedMembers(json);
  if (reserved) throw reservedNameError('invalid_body', 'the JSON body field', reserved.key);
  return { text: body.text, contentType: 'application/json' };
}
