// Reading a response's body off the network: whole into memory, counted against the size ceiling
// (for bodies the app keeps), or straight to a file with secrets blanked on the way ("Save to
// file", for responses too large to keep). Neither ever holds more than the ceiling.
import { finished, type Readable } from 'node:stream';
import { AppError } from '../shared/app-error';
import type { HttpResponse } from './http-client';
import { openAtomicFile, writeFailure, type AtomicFile } from '../export/atomic-file';
import { StreamRedactor } from '../redaction/byte-redaction';
import { envelopeHead } from './envelope';
import { parseJson } from '../response/shared/body-text';

const MB = 1024 * 1024;
/** Saved responses up to this size are also read for their envelope (a rejected token, say). */
const PEEK_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'too_large',
    `The answer is larger than ${Math.round(maxBytes / MB)} MB, the most the app keeps (see Settings), so it was stopped and nothing was kept. Save it straight to a file with "Save to file" instead, or narrow the request (a shorter date range or fewer fields).`,
  );
}

/** Bodies the server sizes up front, uncompressed and at most this big, are read in one go. */
const ONE_GO_BYTES = 64 * 1024;

/** Where a body's chunks go as they arrive. */
export interface BodySink {
  push(chunk: Uint8Array): void;
}

/** The size the server declares for the body as it will be read; null when unsized or compressed. */
export function declaredLength(response: HttpResponse): number | null {
  const declared = response.headers.get('content-length');
  // A compressed body's Content-Length says nothing about what it unpacks to.
  return declared === null || response.headers.has('content-encoding') ? null : Number(declared);
}

/**
 * The whole body into the sink `open` gives, counted against `maxBytes`: a body declared larger
 * is refused before the sink exists (it would be sized by that declaration), and reading stops as
 * soon as the count passes the ceiling (eachChunk destroys the stream). Small sized ones
 * skip the stream machinery, which costs a fast request dearly.
 */
export async function readCapped(response: HttpResponse, maxBytes: number, open: () => BodySink): Promise<void> {
  if (Number(response.headers.get('content-length') ?? NaN) > maxBytes) {
    response.discard();
    throw tooLarge(maxBytes);
  }
  const sink = open();
  // undici fails a body longer than its Content-Length, so the size holds.
  const declared = declaredLength(response);
  if (declared !== null && declared <= ONE_GO_BYTES) return sink.push(await response.bytes());
  let total = 0;
  await eachChunk(response.body, (chunk) => {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    sink.push(chunk);
  });
}

/**
 * Hands each chunk to `take` as the stream emits it. Not `for await`: that costs a promise and
 * some turns of the event loop per chunk, and a 10 MB body comes in some 160 (bench figure a).
 * When `take` throws, the stream is destroyed (the connection let go) and its error is the answer.
 */
function eachChunk(body: Readable, take: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Uint8Array) => {
      try {
        take(chunk);
      } catch (error) {
        // Chunks already buffered would still be emitted: none is taken after a failure.
        body.off('data', onData);
        reject(error);
        body.destroy();
      }
    };
    body.on('data', onData);
    finished(body, (error) => (error ? reject(error) : resolve()));
  });
}

/** The whole body in one buffer, for bodies main reads for its own use. */
export async function readWhole(response: HttpResponse, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  await readCapped(response, maxBytes, () => ({ push: (chunk) => chunks.push(chunk) }));
  return Buffer.concat(chunks);
}

export interface SavedBody {
  /** Written but not yet in place: commit() once the response is accepted, abort() otherwise. */
  file: AtomicFile;
  bytes: number;
  /** Known only for small responses: whether they are JSON, and their envelope fields. */
  isJson: boolean;
  head: unknown;
}

export async function saveBody(response: HttpResponse, path: string, secretSpellings: readonly string[]): Promise<SavedBody> {
  const file = await openAtomicFile(path).catch((error: unknown) => {
    throw writeFailure('The answer', path, error);
  });
  const redactor = new StreamRedactor(secretSpellings);
  const start: Buffer[] = [];
  let bytes = 0;
  const write = async (chunk: Buffer) => {
    if (bytes < PEEK_BYTES + 1) start.push(chunk);
    bytes += chunk.length;
    await file.write(chunk).catch((error: unknown) => {
      throw writeFailure('The answer', path, error);
    });
  };
  try {
    for await (const chunk of response.body) await write(redactor.push(chunk));
    await write(redactor.end());
  } catch (error) {
    await file.abort();
    throw error;
  }
  const json = bytes <= PEEK_BYTES ? parseJson(Buffer.concat(start).toString('utf8')) : null;
  return { file, bytes, isJson: json !== null, head: json ? envelopeHead(json.value) : null };
}
