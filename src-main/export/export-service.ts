// The `export` channel: a kept response as a JSON, CSV or Excel file (through the native save
// dialog, streamed, atomic) and a request as a cURL command on the clipboard. Bodies are the stored,
// already-redacted ones; the access token reaches the clipboard only when the user asks for it.
// A JSON export is the body as received: the exact data (IDs past 2^53, escapes and key order
// intact) written at the speed of a file copy, whatever its size; pretty text is a view in the app.
import { AppError } from '../shared/app-error';
import type { Handlers, Settings } from '../shared/contract';
import type { ClipboardPort } from '../ports/native';
import type { Redactor } from '../redaction/redactor';
import type { ResponseStore } from '../response/main/response-store';
import { forCompany } from '../http/company-param';
import { encodeBody } from '../http/encode-body';
import type { VariableSource } from '../http/request-runner';
import { buildApiUrl } from '../http/url-rules';
import { tableRows } from '../table/table-rows';
import { csvChunks } from './csv';
import { curlCommand, type CurlRequest } from './curl';
import { CSV_FILES, JSON_FILES, type FileSaver } from './file-saver';
import type { RowFiles } from './row-files';
import { redactStrings } from '../redaction/redact-strings';

export interface ExportServiceDeps {
  files: FileSaver;
  rowFiles: Pick<RowFiles, 'rowsXlsx'>;
  clipboard: ClipboardPort;
  responses: Pick<ResponseStore, 'info' | 'chunks' | 'table'>;
  variables: VariableSource;
  settings(): Settings;
  redactor: Redactor;
  /** The API host of the session (or saved profile); null before the first sign-in. */
  host(): string | null;
  accessToken(): Promise<string>;
}

export function createExportService(deps: ExportServiceDeps) {
  const { files } = deps;

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

  /** All rows of a kept response ("" picks `data`, the root array or a report object). */
  function responseRows(responseId: string, pointer: string) {
    return tableRows(deps.responses, responseId, { pointer, filter: '', sort: null }, null);
  }

  return {
    async responseJson({ responseId }) {
      deps.responses.info(responseId); // not_found before a dialog opens
      const path = await files.pick('Export response as JSON', 'json', JSON_FILES);
      if (!path) return { saved: false, path: '' };
      await files.write(path, deps.responses.chunks(responseId));
      return { saved: true, path };
    },

    async responseCsv({ responseId, pointer }) {
      const rows = await responseRows(responseId, pointer);
      const path = await files.pick('Export response as CSV', 'csv', CSV_FILES);
      if (!path) return { saved: false, path: '', rows: 0, columns: 0 };
      await files.write(path, csvChunks(rows));
      return { saved: true, path, rows: rows.count, columns: rows.columns.length };
    },

    async responseXlsx({ responseId, pointer }) {
      const rows = await responseRows(responseId, pointer);
      return deps.rowFiles.rowsXlsx(rows, 'response', { responseId }, pointer ? [['Rows at', pointer]] : []);
    },

    async curl(input) {
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
  } satisfies Handlers['export'];
}
