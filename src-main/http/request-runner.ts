// Sends API requests on the renderer's behalf, through the steps of the request pipeline
// (docs/architecture.md, "The request pipeline"): company parameter, body encoding, then safe
// retry around token retry around redirects, with the body kept, parsed or saved to a file. The
// runner composes them, keeps the in-flight map for Cancel, drops what arrives for a session that
// has ended ("A session is a generation") and records history.
import { AppError } from '../shared/app-error';
import type { AccountRef, EnvelopeView, RequestInput, ResponseSummary, SavedRequest, Settings } from '../shared/contract';
import type { Redactor } from '../redaction/redactor';
import type { BodySource, ResponseStore } from '../response/main/response-store';
import { writeFailure } from '../export/atomic-file';
import { keptBody, parsedBody, savedToFile, type BodyHandling, type Decoded, type ParsedBody } from './body-handling';
import { follow } from './cancellation';
import { forCompany } from './company-param';
import { encodeBody } from './encode-body';
import { decodeEnvelope, describeOutcome, notEnvelope } from './envelope';
import type { Exchange, Exchanged, SendExchange, SendWithToken } from './exchange';
import type { HttpSend } from './http-client';
import { sendFollowingRedirects } from './redirects';
import { retryAfterSeconds, sendWithSafeRetry } from './safe-retry';
import { sendWithTokenRetry } from './token-retry';
import { buildApiUrl } from './url-rules';

/** What the runner needs from the session: a token now, and a new one after a rejection. */
export interface TokenSource {
  /** The saved account the session is for: history records it (docs/architecture.md, "Accounts"). */
  readonly account?: AccountRef | null;
  readonly host: string;
  /** Who is signed in: an export names the account its rows came from (docs/architecture.md, "Exports"). */
  readonly username?: string;
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
  record(entry: { request: SavedRequest; summary: ResponseSummary | null; body: BodySource | null; error: AppError | null; account?: AccountRef | null }): void;
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

/** What a caller makes of its decoded response: its result, and what history keeps of it. */
type Finish<D, T> = (exchanged: Exchanged<D>, durationMs: number) => Promise<{ result: T; summary: ResponseSummary; body: BodySource | null }>;

/** The parts of a summary that come from the body. */
interface BodyView {
  responseId: string;
  bodyKind: ResponseSummary['bodyKind'];
  envelope: EnvelopeView;
  textChars: number;
  sizeBytes: number;
}

export function createRequestRunner(deps: RunnerDeps) {
  const inFlight = new Map<string, AbortController>();
  const sendOnce: SendWithToken = (exchange, token) => sendFollowingRedirects(deps, exchange, token);
  const sendWithToken: SendExchange = (exchange) => sendWithTokenRetry(exchange, sendOnce);
  const sendSafely: SendExchange = (exchange) => sendWithSafeRetry(deps, exchange, sendWithToken);
  const recorded = <P, D extends Decoded, T>(source: TokenSource, input: RequestInput, handling: BodyHandling<P, D>, finish: Finish<D, T>) =>
    sendAndRecord({ deps, inFlight, send: sendSafely }, source, input, handling, finish);
  const kept = keptBody(deps);
  const parsed = parsedBody(deps);

  /** For bodies main reads itself: token retry, no safe retry, no history; dropped once the session ends. */
  async function sendParsed(source: TokenSource, wire: Pick<Exchange<Buffer, ParsedBody>, 'url' | 'method' | 'body'>, signals: AbortSignal[]) {
    // Its own controller, following the session's signal (and a pull's): the timeout must abort only this call.
    const controller = new AbortController();
    const releases = signals.map((signal) => follow(signal, controller));
    const exchanged = await sendWithToken({ ...wire, handling: parsed, controller, source }).finally(() => releases.forEach((release) => release()));
    source.signal.throwIfAborted();
    return exchanged;
  }

  return {
    /** Sends the request and keeps its body for the renderer to look at, window by window. */
    send(source: TokenSource, input: RequestInput): Promise<ResponseSummary> {
      return recorded(source, input, kept, async (exchanged, durationMs) => {
        const { decoded } = exchanged;
        const envelope = decoded.isJson ? decodeEnvelope(exchanged.response.status, decoded.head) : notEnvelope(decoded.textChars ? 'The answer is not JSON' : 'The answer has no body');
        const bodyKind = decoded.isJson ? 'json' : decoded.textChars ? 'text' : 'empty';
        const view = { responseId: decoded.responseId, bodyKind, envelope, textChars: decoded.textChars, sizeBytes: decoded.body.sizeBytes } as const;
        const summary = summarize(deps, input, exchanged, view, durationMs);
        // The tree's first page goes to the window with the answer, not into history.
        return { result: decoded.firstRows ? { ...summary, firstRows: decoded.firstRows } : summary, summary, body: decoded.body };
      });
    },

    /** Sends the request again and streams the response to `path` without keeping it; the byte count. */
    download(source: TokenSource, input: RequestInput, path: string): Promise<number> {
      return recorded(source, input, savedToFile(deps, path), async (exchanged, durationMs) => {
        const { decoded } = exchanged;
        await decoded.file.commit().catch(async (error: unknown) => {
          await decoded.file.abort();
          throw writeFailure('The answer', path, error);
        });
        const envelope = decoded.isJson ? decodeEnvelope(exchanged.response.status, decoded.head) : notEnvelope(`The answer was saved to ${path}`);
        const view = { responseId: '', bodyKind: decoded.isJson ? 'json' : 'text', envelope, textChars: 0, sizeBytes: decoded.bytes } as const;
        return { result: decoded.bytes, summary: summarize(deps, input, exchanged, view, durationMs), body: null };
      });
    },

    /** One GET for a bulk pull: status, Retry-After and parsed body; not kept, not in history. */
    async call(source: TokenSource, request: SavedRequest, signal: AbortSignal): Promise<{ status: number; retryAfterSeconds: number | null; body: unknown }> {
      const resolved = forCompany(request, deps.settings());
      const url = buildApiUrl(source.host, resolved.path, resolved.query);
      const { response, decoded } = await sendParsed(source, { url, method: resolved.method, body: encodeBody(resolved.method, resolved.body) }, [signal, source.signal]);
      return { status: response.status, retryAfterSeconds: retryAfterSeconds(response), body: decoded.value };
    },

    /** A GET whose JSON the app reads itself (such as /me); nothing is kept for the renderer. */
    async getJson(source: TokenSource, path: string): Promise<unknown> {
      const { response, decoded } = await sendParsed(source, { url: buildApiUrl(source.host, path, []), method: 'GET', body: null }, [source.signal]);
      if (!response.ok) throw new AppError('network', `GET /${path} answered HTTP ${response.status}.`);
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

interface Recording {
  deps: RunnerDeps;
  inFlight: Map<string, AbortController>;
  send: SendExchange;
}

/**
 * Sends the request and records it in history whatever happens. Checks that refuse it before
 * anything is sent (read-only mode, an unresolved variable, a bad path or body) are not recorded.
 */
async function sendAndRecord<P, D extends Decoded, T>({ deps, inFlight, send }: Recording, source: TokenSource, input: RequestInput, handling: BodyHandling<P, D>, finish: Finish<D, T>): Promise<T> {
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
    const exchanged = await send({ url, method: resolved.method, body, handling, controller, source });
    // A response that arrives after its session ended is dropped: not shown, kept or recorded.
    if (source.signal.aborted) await handling.discard?.(exchanged.decoded);
    source.signal.throwIfAborted();
    const { result, summary, body: keptBody } = await finish(exchanged, deps.now() - started);
    deps.history.record({ request: typed, summary, body: keptBody, error: null, account: source.account ?? null });
    return result;
  } catch (error) {
    // Ended with its session (sign-out, a switch): recorded as stopped under its own account, with
    // nothing of its answer (docs/architecture.md, "A session is a generation").
    const stopped = source.signal.aborted ? sessionEndReason(source.signal) : null;
    const failure = stopped ?? (error instanceof AppError ? error : new AppError('internal', 'The request failed inside the app.'));
    deps.history.record({ request: typed, summary: null, body: null, error: failure, account: source.account ?? null });
    source.signal.throwIfAborted();
    throw error;
  } finally {
    release();
    if (inFlight.get(input.requestId) === controller) inFlight.delete(input.requestId);
  }
}

function sessionEndReason(signal: AbortSignal): AppError {
  return signal.reason instanceof AppError ? signal.reason : new AppError('cancelled', 'Stopped: the session this was running in ended.');
}

function summarize(deps: RunnerDeps, input: RequestInput, exchanged: Exchanged<unknown>, view: BodyView, durationMs: number): ResponseSummary {
  const { response } = exchanged;
  return {
    responseId: view.responseId,
    requestId: input.requestId,
    method: input.method,
    url: deps.redactor.redactUrl(exchanged.url),
    httpStatus: response.status,
    statusText: response.statusText,
    outcome: exchanged.note ?? describeOutcome(response.status, view.envelope),
    envelope: view.envelope,
    durationMs,
    sizeBytes: view.sizeBytes,
    headers: response.headers.entries().map(([name, value]) => ({ name, value: deps.redactor.redact(value) })),
    contentType: response.headers.get('content-type') ?? '',
    bodyKind: view.bodyKind,
    textChars: view.textChars,
    refreshed: exchanged.refreshed,
    receivedAt: deps.now(),
  };
}
