// The body worker (a worker thread): parses response bodies and answers tree, search, pretty-text
// and table queries, so main's event loop never blocks on a big body. Main keeps the bytes (shared
// with this thread, not copied) and decides which parsed bodies this thread keeps (`evict`).
// Searches run in slices between messages, so windows are answered while a long scan goes on.
// Built as its own bundle; everything under response/worker/ runs here and only here
// (docs/architecture.md, "The response pipeline").
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/app-error';
import { BodyDocument } from './body-document';
import type { SearchJob } from './body-search';
import { ArrivingBody } from './arriving-body';
import { parsedText } from '../shared/body-text';
import { parseLoadedBody } from './loaded-body';
import { comparisonHandlers } from './compare/comparisons';
import type { SearchPage, WithFirstRows, WorkerCalls, WorkerMessage, WorkerOp, WorkerReply } from '../worker-protocol';

const port = parentPort;
if (!port) throw new Error('body-worker.ts runs as a worker thread.');

/** How long one search slice may hold the thread. */
const SLICE_MS = 8;

const documents = new Map<string, BodyDocument>();
/** Bodies still arriving, taken in as far as they are. */
const arriving = new Map<string, ArrivingBody>();
const running = new Set<SearchJob>();
let pumping = false;

/** Keeps a parsed body; answers its first rows (worker-protocol.ts, WithFirstRows). */
function keepDocument(docId: string, value: unknown, isJson: boolean): WithFirstRows {
  documents.get(docId)?.stopSearch();
  const document = new BodyDocument(value, isJson);
  documents.set(docId, document);
  return { firstRows: document.firstRows() };
}

function documentOf(docId: string): BodyDocument {
  const document = documents.get(docId);
  if (!document) throw new AppError('not_found', 'That response is no longer kept in memory. Send the request again to see it.');
  return document;
}

const handlers: { [K in WorkerOp]: (input: WorkerCalls[K]['input']) => WorkerCalls[K]['output'] } = {
  feed({ docId, text, cut, head }) {
    let body = arriving.get(docId);
    if (!body) arriving.set(docId, (body = new ArrivingBody()));
    body.take(text, cut, head);
    return null;
  },
  finish({ docId, rest, pieces, bytes, end }) {
    const body = arriving.get(docId);
    arriving.delete(docId);
    const whole = () => Buffer.from(bytes).toString('utf8', 0, end);
    const { value, ...facts } = body?.pieces === pieces ? body.finish(rest, whole) : parsedText(whole());
    return { ...facts, ...keepDocument(docId, value, facts.isJson) };
  },
  load({ docId, bytes, end }) {
    const { value, ...facts } = parseLoadedBody(Buffer.from(bytes, 0, end));
    return { ...facts, ...keepDocument(docId, value, facts.isJson) };
  },
  evict({ docId }) {
    arriving.delete(docId);
    documents.get(docId)?.stopSearch();
    documents.delete(docId);
    return null;
  },
  tree: ({ docId, expansion, offset, limit }) => documentOf(docId).tree(expansion, offset, limit),
  rowOf: ({ docId, expansion, path }) => documentOf(docId).rowOf(expansion, path),
  pretty: ({ docId, offset, length }) => documentOf(docId).pretty(offset, length),
  table: ({ docId, query, offset, limit, columns }) => documentOf(docId).table(query, offset, limit, columns),
  chart: ({ docId, query, spec }) => documentOf(docId).chart(query, spec),
  ...comparisonHandlers((docId) => documents.get(docId)?.root),
  search({ docId, query, offset, limit }) {
    const job = documentOf(docId).search(query);
    if (!job.done && !running.has(job)) {
      // The first slice answers quick searches in this very call.
      job.run(SLICE_MS);
      if (!job.done) {
        running.add(job);
        pump();
      }
    }
    return searchPage(job, offset, limit);
  },
};

function searchPage(job: SearchJob, offset: number, limit: number): SearchPage {
  return { hits: job.hits.slice(offset, offset + limit), totalHits: job.hits.length, done: job.done, scanned: job.scanned, capped: job.capped };
}

/** One slice per running search, then the event loop (and the messages waiting there), then again. */
function pump(): void {
  if (pumping) return;
  pumping = true;
  setImmediate(() => {
    pumping = false;
    for (const job of running) {
      if (!job.done) job.run(SLICE_MS);
      if (job.done) running.delete(job);
    }
    if (running.size) pump();
  });
}

port.on('message', (message: WorkerMessage) => {
  let reply: WorkerReply;
  try {
    const handler = handlers[message.op] as (input: unknown) => unknown;
    reply = { seq: message.seq, ok: true, value: handler(message.input) };
  } catch (error) {
    const code = error instanceof AppError ? error.code : null;
    reply = { seq: message.seq, ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } };
  }
  port.postMessage(reply);
});
