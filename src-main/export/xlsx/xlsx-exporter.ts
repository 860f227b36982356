// "Export Excel": asks where (the native save dialog), then streams the rows into a workbook. The
// rows are the same stream the CSV export writes (row-stream.ts): a response's rows, a table view
// as filtered and sorted, or a Pull range's merged records.
import { AppError } from '../../shared/app-error';
import type { FileFilter, NativeDialogs } from '../../ports/native';
import type { ResponseStore } from '../../response/main/response-store';
import { tableRows } from '../../table/table-rows';
import { writeFailure } from '../atomic-file';
import { suggestedName } from '../file-names';
import type { ResponseOrigins } from '../response-origins';
import type { RowStream } from '../row-stream';
import { checkSheetFits, writeXlsxAtomic, type SheetAbout } from './xlsx-writer';

const XLSX_FILES: FileFilter[] = [{ name: 'Excel workbook', extensions: ['xlsx'] }];

export interface XlsxExporterDeps {
  dialogs: NativeDialogs;
  responses: Pick<ResponseStore, 'table'>;
  origins: Pick<ResponseOrigins, 'of'>;
  /** The signed-in account, for the About sheet (never a token). */
  account(): Promise<SheetAbout['account']>;
  now(): number;
}

/** Where the rows came from: a kept response, or a request main describes itself (a Pull range). */
export type RowsSource = { responseId: string } | { request: string };

export interface SavedWorkbook {
  saved: boolean;
  path: string;
  rows: number;
  columns: number;
}

export function createXlsxExporter(deps: XlsxExporterDeps) {
  async function rows(stream: RowStream, stem: string, source: RowsSource, details: SheetAbout['details'] = []): Promise<SavedWorkbook> {
    checkSheetFits(stream); // before the dialog: nothing to choose when it cannot be written
    const path = await deps.dialogs.saveFile({ title: 'Export rows as Excel', defaultName: suggestedName(stem, 'xlsx', deps.now()), filters: XLSX_FILES });
    if (!path) return { saved: false, path: '', rows: 0, columns: 0 };
    const request = 'request' in source ? source.request : deps.origins.of(source.responseId);
    const about: SheetAbout = { request, account: await deps.account(), exportedAt: deps.now(), details };
    const written = await writeXlsxAtomic(path, stream, about).catch((error: unknown) => {
      throw error instanceof AppError ? error : writeFailure('The export', path, error);
    });
    return { saved: true, path, rows: written, columns: stream.columns.length };
  }

  return {
    rows,
    /** All rows of a kept response ("" picks `data`, the root array or a report object). */
    async response(responseId: string, pointer: string): Promise<SavedWorkbook> {
      const stream = await tableRows(deps.responses, responseId, { pointer, filter: '', sort: null }, null);
      return rows(stream, 'response', { responseId }, pointer ? [['Rows at', pointer]] : []);
    },
  };
}

export type XlsxExporter = ReturnType<typeof createXlsxExporter>;
