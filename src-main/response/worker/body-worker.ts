// The body worker (a worker thread): parses response bodies and answers tree, search, pretty-text
// and table queries, so main's event loop never blocks on a big body. Main keeps the bytes (shared
// with this thread, not copied) and decides which parsed bodies this thread keeps (`evict`).
// Searches, and the parse of bodies still arriving, run in slices between messages, so windows are
// answered while a long scan goes on.
// Built as its own bundle; everything under response/worker/ runs here and only here
// (docs/architecture.md, "The response pipeline").
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/app-error';
import { BodyDocument } from './body-document';
import type { SearchJob } from './body-search';
import { ArrivingBody } from './arriving-body';
import { parseLoadedBody } from './loaded-body';
import { comparisonHandlers } from './compare/comparisons';
import { NOTICE_SEQ, type ParseNotice, type SearchPage, type WithFirstRows, type WorkerCalls, type WorkerMessage, type WorkerOp, type WorkerReply } from '../worker-protocol';

const port = parentPort;
if (!port) throw new Error('body-worker.ts runs as a worker thread.');

/** How long one search slice may hold the thread. */
const SLICE_MS = 8;

/** A body's first rows go out before its parse is done only when this much is left to parse. */
const EARLY_MIN_BYTES = 256 * 1024;

/**
 * Bodies still arriving are parsed only once no more bytes came for this long: bytes that come
 * fast are scanned, not parsed, so the first rows can be told the moment the last one lands;
 * bytes that come slowly are parsed while the worker waits for more.
 */
const QUIET_MS = 4;
/**
 * A body told early is parsed this long after, or as soon as a query asks about it: the window is
 * painting its first rows meanwhile, and on a machine with few cores the parse would slow that.
 */
const DEFER_MS = 50;

const documents = new Map<string, BodyDocument>();
/** Bodies still arriving, taken in as far as they are. */
const arriving = new Map<string, ArrivingBody>();
/** Bodies whose first rows went out before their parse was done, with the queries waiting on it. */
const completing = new Map<string, { body: ArrivingBody; waiting: Array<() => void>; started: boolean }>();
const running = new Set<SearchJob>();
let working = false;
let arrivalsQuiet = false;
let quietTimer: NodeJS.Timeout | null = null;

/** Keeps a parsed body. */
function keepDocument(docId: string, value: unknown, isJson: boolean, toldJson = isJson): BodyDocument {
  documents.get(docId)?.stopSearch();
  const document = new BodyDocument(value, isJson, toldJson);
  documents.set(docId, document);
  return document;
}

/** Keeps a parsed body and answers its first rows (worker-protocol.ts, WithFirstRows). */
function keptWithFirstRows(docId: string, value: unknown, isJson: boolean, toldJson = isJson): WithFirstRows {
  return { firstRows: keepDocument(docId, value, isJson, toldJson).firstRows() };
}

/** `use` of the body's document, once its parse is done (a body told early: the parse starts now). */
function withDocument<T>(docId: string, use: (document: BodyDocument) => T): T | Promise<T> {
  startParse(docId);
  return whenParsed(docId, use);
}

/** `use` of the body's document once its parse is done, leaving a deferred parse to its time. */
function whenParsed<T>(docId: string, use: (document: BodyDocument) => T): T | Promise<T> {
  const parsing = completing.get(docId);
  if (!parsing) return use(documentOf(docId));
  return new Promise<void>((resolve) => parsing.waiting.push(resolve)).then(() => use(documentOf(docId)));
}

/**
 * Tells main a kept body's whole parse starts or ends (worker-protocol.ts, ParseNotice): were this
 * thread to run out of memory meanwhile, that body is the one main never loads again.
 */
function tellParsing(docId: string, parsing: boolean): void {
  port!.postMessage({ seq: NOTICE_SEQ, docId, parsing } satisfies ParseNotice);
}

/** A kept body's parse in one go (a `load`), told to main before and after, even when it throws. */
function parsedWhole<T>(docId: string, parse: () => T): T {
  tellParsing(docId, true);
  try {
    return parse();
  } finally {
    tellParsing(docId, false);
  }
}

function documentOf(docId: string): BodyDocument {
  const document = documents.get(docId);
  if (!document) throw new AppError('not_found', 'That response is no longer kept in memory. Send the request again to see it.');
  return document;
}

function finishBody({ docId, pieces, bytes, end }: WorkerCalls['finish']['input']): WorkerCalls['finish']['output'] {
  const whole = Buffer.from(bytes, 0, end);
  const body = arriving.get(docId);
  arriving.delete(docId);
  // Not all of it was fed here (the worker restarted meanwhile): parsed whole, as a load is.
  if (body?.pieces !== pieces) return loadBody({ docId, bytes, end });
  body.take(whole, end, true);
  const early = body.unparsedBytes >= EARLY_MIN_BYTES ? body.firstRows() : null;
  if (early) {
    completing.set(docId, { body, waiting: [], started: false });
    setTimeout(() => startParse(docId), DEFER_MS);
    return { isJson: true, toldJson: true, ...early, ...body.counts() };
  }
  const { value, ...facts } = body.complete();
  return { ...facts, ...body.counts(), ...keptWithFirstRows(docId, value, facts.isJson) };
}

function loadBody({ docId, bytes, end, toldJson }: WorkerCalls['load']['input']): WorkerCalls['load']['output'] {
  const { value, ...facts } = parseLoadedBody(Buffer.from(bytes, 0, end));
  return { ...facts, ...keptWithFirstRows(docId, value, facts.isJson, toldJson ?? facts.isJson) };
}

function startParse(docId: string): void {
  const parsing = completing.get(docId);
  if (!parsing || parsing.started) return;
  parsing.started = true;
  tellParsing(docId, true);
  work();
}

/** A body told early is parsed: its document replaces the wait. */
function completed(docId: string): void {
  const parsing = completing.get(docId)!;
  completing.delete(docId);
  const { value, isJson } = parsing.body.complete();
  // Its first rows went out already; the window's next query builds what it needs.
  keepDocument(docId, value, isJson, true);
  tellParsing(docId, false);
  for (const go of parsing.waiting) go();
}

const handlers: { [K in WorkerOp]: (input: WorkerCalls[K]['input']) => WorkerCalls[K]['output'] | Promise<WorkerCalls[K]['output']> } = {
  feed({ docId, bytes, end }) {
    let body = arriving.get(docId);
    if (!body) arriving.set(docId, (body = new ArrivingBody()));
    body.take(Buffer.from(bytes), end);
    arrivalsQuiet = false;
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      [arrivalsQuiet, quietTimer] = [true, null];
      work();
    }, QUIET_MS);
    return null;
  },
  finish: finishBody,
  // Main asks right after an early finish's answer, and so hears whether the body is JSON after
  // all (docs/architecture.md, "The response pipeline").
  parsed: ({ docId }) => whenParsed(docId, (document) => ({ isJson: document.isJson })),
  load: (input) => parsedWhole(input.docId, () => loadBody(input)),
  evict({ docId }) {
    arriving.delete(docId);
    const parsing = completing.get(docId);
    completing.delete(docId);
    if (parsing?.started) tellParsing(docId, false);
    documents.get(docId)?.stopSearch();
    documents.delete(docId);
    for (const go of parsing?.waiting ?? []) go();
    return null;
  },
  tree: ({ docId, expansion, offset, limit }) => withDocument(docId, (document) => document.tree(expansion, offset, limit)),
  rowOf: ({ docId, expansion, path }) => withDocument(docId, (document) => document.rowOf(expansion, path)),
  pretty: ({ docId, offset, length }) => withDocument(docId, (document) => document.pretty(offset, length)),
  table: ({ docId, query, offset, limit, columns }) => withDocument(docId, (document) => document.table(query, offset, limit, columns)),
  chart: ({ docId, query, spec }) => withDocument(docId, (document) => document.chart(query, spec)),
  ...comparisonHandlers(),
  search: ({ docId, query, offset, limit }) =>
    withDocument(docId, (document) => {
      const job = document.search(query);
      if (!job.done && !running.has(job)) {
        // The first slice answers quick searches in this very call.
        job.run(SLICE_MS);
        if (!job.done) {
          running.add(job);
          work();
        }
      }
      return searchPage(job, offset, limit);
    }),
};

function searchPage(job: SearchJob, offset: number, limit: number): SearchPage {
  return { hits: job.hits.slice(offset, offset + limit), totalHits: job.hits.length, done: job.done, scanned: job.scanned, capped: job.capped };
}

/**
 * Work between messages: a batch of each body told early and, once arrivals are quiet, of each
 * arriving body; then one slice per running search; then the event loop (and the messages waiting
 * there); then again while any is left.
 */
function work(): void {
  if (working) return;
  working = true;
  setImmediate(() => {
    working = false;
    let more = running.size > 0;
    if (arrivalsQuiet) for (const body of arriving.values()) more = body.step() || more;
    for (const [docId, { body, started }] of completing) {
      if (!started) continue;
      if (body.step()) more = true;
      else completed(docId);
    }
    for (const job of running) {
      if (!job.done) job.run(SLICE_MS);
      if (job.done) running.delete(job);
    }
    if (more || running.size) work();
  });
}

function failure(seq: number, error: unknown): WorkerReply {
  const code = error instanceof AppError ? error.code : null;
  return { seq, ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } };
}

port.on('message', (message: WorkerMessage) => {
  const { seq } = message;
  // A notice is not answered, not even with its failure: main waits on none.
  const answer = seq === NOTICE_SEQ ? () => undefined : (reply: WorkerReply) => port.postMessage(reply);
  let value: unknown;
  try {
    value = (handlers[message.op] as (input: unknown) => unknown)(message.input);
  } catch (error) {
    answer(failure(seq, error));
    return;
  }
  if (value instanceof Promise) value.then((settled) => answer({ seq, ok: true, value: settled }), (error: unknown) => answer(failure(seq, error)));
  else answer({ seq, ok: true, value });
});
