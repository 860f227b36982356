// Where every export is written: the native save dialog with a dated default name, then the
// chunks streamed to that path whole or not at all (atomic-file.ts). A write failure is a sentence
// naming the path.
import { AppError } from '../shared/app-error';
import type { FileFilter, NativeDialogs } from '../ports/native';
import { writeChunksAtomic, writeFailure, type Chunk } from './atomic-file';

export const JSON_FILES: FileFilter[] = [{ name: 'JSON', extensions: ['json'] }];
export const CSV_FILES: FileFilter[] = [{ name: 'CSV (comma-separated)', extensions: ['csv'] }];
export const NDJSON_FILES: FileFilter[] = [{ name: 'NDJSON (one JSON value per line)', extensions: ['ndjson'] }];
export const XLSX_FILES: FileFilter[] = [{ name: 'Excel workbook', extensions: ['xlsx'] }];

export interface FileSaverDeps {
  dialogs: Pick<NativeDialogs, 'saveFile'>;
  /** For the date in suggested file names. */
  now?(): number;
}

export function createFileSaver(deps: FileSaverDeps) {
  const now = deps.now ?? Date.now;
  return {
    /** Asks where to save `<stem>-<local date>.<extension>`; null when the user cancelled. */
    pick(title: string, extension: string, filters: FileFilter[], stem = 'response'): Promise<string | null> {
      return deps.dialogs.saveFile({ title, defaultName: `${stem}-${localDate(now())}.${extension}`, filters });
    },

    write(path: string, chunks: Iterable<Chunk> | AsyncIterable<Chunk>): Promise<void> {
      return writeWith(path, () => writeChunksAtomic(path, chunks));
    },

    /** A file made by a writer of its own (the Excel workbook), its failure said the same way. */
    writeWith,
  };
}

async function writeWith<T>(path: string, write: () => Promise<T>): Promise<T> {
  return write().catch((error: unknown) => {
    throw error instanceof AppError ? error : writeFailure('The export', path, error);
  });
}

export type FileSaver = ReturnType<typeof createFileSaver>;

function localDate(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
