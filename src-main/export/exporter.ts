// Exports from main: a kept response as a JSON or CSV file (through the native save dialog,
// streamed, atomic) and a request as a cURL command on the clipboard. Bodies are the stored,
// already-redacted ones; the access token reaches the clipboard only when the user asks for it.
// A JSON export is the body as received: the exact data (IDs past 2^53, escapes and key order
// intact) written at the speed of a file copy, whatever its size; pretty text is a view in the app.
import { AppError } from '../shared/app-error';
import type { SavedRequest, Settings } from '../shared/contract';
import type { ClipboardPort, FileFilter, NativeDialogs } from '../ports/native';
import type { Redactor } from '../redaction/redactor';
import type { ResponseStore } from '../response/main/response-store';
import { forCompany } from '../http/company-param';
import { encodeBody } from '../http/encode-body';
import type { VariableSource } from '../http/request-runner';
import { buildApiUrl } from '../http/url-rules';
import { tableRows } from '../table/table-rows';
import { writeChunksAtomic, writeFailure, type Chunk } from './atomic-file';
import { csvChunks } from './csv';
import type { RowStream } from './row-stream';
import { curlCommand, type CurlRequest } from './curl';
import { suggestedName } from './file-names';
import { redactStrings } from '../redaction/redact-strings';

export interface ExporterDeps {
  dialogs: NativeDialogs;
  clipboard: ClipboardPort;
  responses: Pick<ResponseStore, 'info' | 'chunks' | 'table'>;
  variables: VariableSource;
  settings(): Settings;
  redactor: Redactor;
  /** The API host of the session (or saved profile); null before the first sign-in. */
  host(): string | null;
  accessToken(): Promise<string>;
  /** For the date in suggested file names. */
  now?(): number;
}

const JSON_FILES: FileFilter[] = [{ name: 'JSON', extensions: ['json'] }];
const CSV_FILES: FileFilter[] = [{ name: 'CSV (comma-separated)', extensions: ['csv'] }];
const NDJSON_FILES: FileFilter[] = [{ name: 'NDJSON (one JSON value per line)', extensions: ['ndjson'] }];

function* ndjsonChunks(rows: readonly unknown[]): Generator<string> {
  for (const row of rows) yield `${JSON.stringify(row)}\n`;
}

function* jsonArrayChunks(rows: readonly unknown[]): Generator<string> {
  yield '[';
  for (let i = 0; i < rows.length; i += 1) yield `${i === 0 ? '\n  ' : ',\n  '}${JSON.stringify(rows[i])}`;
  yield rows.length ? '\n]\n' : ']\n';
}

export function createExporter(deps: ExporterDeps) {
  const now = deps.now ?? Date.now;

  async function askPath(title: string, extension: string, filters: FileFilter[], stem = 'response'): Promise<string | null> {
    return deps.dialogs.saveFile({ title, defaultName: suggestedName(stem, extension, now()), filters });
  }

  async function save(path: string, chunks: Iterable<Chunk> | AsyncIterable<Chunk>): Promise<void> {
    await writeChunksAtomic(path, chunks).catch((error: unknown) => {
      throw error instanceof AppError ? error : writeFailure('The export', path, error);
    });
  }

  async function tokenForClipboard(): Promise<string> {
    try {
      return await deps.accessToken();
    } catch (error) {
      if (error instanceof AppError && (error.code === 'not_signed_in' || error.code === 'reauth_required')) {
        throw new AppError('not_signed_in', 'Sign in to copy the command with your token, or copy it without the token.');
      }
      throw error;
    }
  }

  return {
    async responseJson(responseId: string): Promise<{ saved: boolean; path: string }> {
      deps.responses.info(responseId); // not_found before a dialog opens
      const path = await askPath('Export response as JSON', 'json', JSON_FILES);
      if (!path) return { saved: false, path: '' };
      await save(path, deps.responses.chunks(responseId));
      return { saved: true, path };
    },

    async responseCsv(responseId: string, pointer: string): Promise<{ saved: boolean; path: string; rows: number; columns: number }> {
      const rows = await tableRows(deps.responses, responseId, { pointer, filter: '', sort: null }, null);
      const path = await askPath('Export response as CSV', 'csv', CSV_FILES);
      if (!path) return { saved: false, path: '', rows: 0, columns: 0 };
      await save(path, csvChunks(rows));
      return { saved: true, path, rows: rows.count, columns: rows.columns.length };
    },

    /** Rows of a table view (as filtered and sorted) or of a bulk pull. */
    async rowsCsv(rows: RowStream, stem: string): Promise<{ saved: boolean; path: string; rows: number; columns: number }> {
      const path = await askPath('Export rows as CSV', 'csv', CSV_FILES, stem);
      if (!path) return { saved: false, path: '', rows: 0, columns: 0 };
      await save(path, csvChunks(rows));
      return { saved: true, path, rows: rows.count, columns: rows.columns.length };
    },

    /** "Save to file" for an answer too large to keep: asks where, then `write` streams it there. */
    async saveAnswer(write: (path: string) => Promise<number>): Promise<{ saved: boolean; path: string; bytes: number }> {
      const path = await askPath('Save the answer to a file', 'json', JSON_FILES);
      if (!path) return { saved: false, path: '', bytes: 0 };
      return { saved: true, path, bytes: await write(path) };
    },

    async rowsJson(rows: readonly unknown[], format: 'json' | 'ndjson', stem: string): Promise<{ saved: boolean; path: string; rows: number }> {
      const ndjson = format === 'ndjson';
      const path = await askPath(`Export rows as ${ndjson ? 'NDJSON' : 'JSON'}`, format, ndjson ? NDJSON_FILES : JSON_FILES, stem);
      if (!path) return { saved: false, path: '', rows: 0 };
      await save(path, ndjson ? ndjsonChunks(rows) : jsonArrayChunks(rows));
      return { saved: true, path, rows: rows.length };
    },

    async curl(input: { request: SavedRequest; collectionId: string | null; includeToken: boolean }): Promise<{ copied: boolean; text: string }> {
      const host = deps.host();
      if (!host) throw new AppError('not_signed_in', 'Sign in first: the command needs the API host of your account.');
      const resolved = redactStrings(forCompany(deps.variables.resolve(input.request, input.collectionId), deps.settings()), deps.redactor.redactLong);
      const request: CurlRequest = {
        method: resolved.method,
        url: buildApiUrl(host, resolved.path, resolved.query),
        body: encodeBody(resolved.method, resolved.body),
        tokenDelivery: deps.settings().tokenDelivery,
      };
      // `text` crosses to the renderer, so it always carries the placeholder.
      const text = curlCommand(request, null);
      deps.clipboard.writeText(input.includeToken ? curlCommand(request, await tokenForClipboard()) : text);
      return { copied: true, text };
    },
  };
}

export type Exporter = ReturnType<typeof createExporter>;
