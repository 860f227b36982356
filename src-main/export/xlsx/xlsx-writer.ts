// The Excel sink of a row stream: a workbook written as the rows come, with exceljs's streaming
// writer (each row is committed to the zip and dropped), into a temporary file that replaces the
// target only when whole (atomic-file.ts). Sheet "Rows": a frozen, bold header row with an
// autofilter, typed cells (cell-types.ts). Sheet "About": what was exported, from where, when.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/app-error';
import { openAtomicFile, type AtomicFile } from '../atomic-file';
import type { RowStream } from '../row-stream';
import { sheetCell, sheetText, type SheetCell } from './cell-types';

/** Excel's limits: 1,048,576 rows (one is the header) and 16,384 columns. */
export const SHEET_MAX_ROWS = 1_048_575;
export const SHEET_MAX_COLUMNS = 16_384;
const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** Rows written between looks at the zip's backlog. */
const ROWS_PER_CHECK = 100;
/** Sheet XML allowed to wait for the zip before the writer waits too. */
const BACKLOG_BYTES = 4 * 1024 * 1024;
const COLUMN_WIDTH = { min: 8, max: 60 };

/** The "About" sheet: never a token, only where the rows came from. */
/** The account the rows came from (never a token); username null when it is no longer known. */
export interface SheetAccount {
  host: string;
  username: string | null;
}

export interface SheetAbout {
  /** "GET /api/v2/shifts?start_date=…", or null when main does not know it. */
  request: string | null;
  account: SheetAccount | null;
  exportedAt: number;
  /** More lines for the sheet, such as the table view's filter or a Pull range's dates. */
  details: Array<[label: string, value: string]>;
}

type Workbook = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;
type Worksheet = ReturnType<Workbook['addWorksheet']>;

/** A sentence before any dialog or file: the rows do not fit in one sheet. */
export function checkSheetFits(rows: Pick<RowStream, 'columns' | 'count'>): void {
  if (rows.count > SHEET_MAX_ROWS) {
    throw new AppError('invalid_input', `${rows.count.toLocaleString('en-US')} rows do not fit in one Excel sheet (at most ${SHEET_MAX_ROWS.toLocaleString('en-US')}). Filter the rows, pull a shorter range, or export CSV.`);
  }
  if (rows.columns.length > SHEET_MAX_COLUMNS) {
    throw new AppError('invalid_input', `${rows.columns.length.toLocaleString('en-US')} columns do not fit in one Excel sheet (at most ${SHEET_MAX_COLUMNS.toLocaleString('en-US')}). Pick fewer columns in the table view, or export CSV.`);
  }
}

/** Writes the workbook to `path` (whole or not at all); returns the number of rows written. */
export async function writeXlsxAtomic(path: string, rows: RowStream, about: SheetAbout): Promise<number> {
  checkSheetFits(rows);
  const file = await openAtomicFile(path);
  const output = fileOutput(file);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output.stream, useStyles: true, useSharedStrings: false });
    const written = await writeRowsSheet(workbook, rows, output.check);
    writeAboutSheet(workbook, about, written, rows.columns.length);
    await Promise.race([workbook.commit(), output.failed]);
    await file.commit();
    return written;
  } catch (error) {
    output.stream.destroy();
    await file.abort();
    throw error;
  }
}

/**
 * The zip's bytes into the atomic file, in order, one write at a time. A failed write (a full
 * disk) ends the export: `check` throws it between rows, `failed` rejects with it (exceljs would
 * otherwise wait for the end of a stream that never ends).
 */
function fileOutput(file: AtomicFile): { stream: Writable; check(): void; failed: Promise<never> } {
  let failure: Error | null = null;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      file.write(chunk).then(() => done(), done);
    },
  });
  const failed = new Promise<never>((_, reject) =>
    stream.once('error', (error) => {
      failure = error;
      reject(error);
    }),
  );
  failed.catch(() => undefined); // raced or checked where it matters; never unhandled
  return {
    stream,
    failed,
    check() {
      if (failure) throw failure;
    },
  };
}

async function writeRowsSheet(workbook: Workbook, rows: RowStream, check: () => void): Promise<number> {
  const sheet = workbook.addWorksheet('Rows', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = rows.columns.map((name) => ({ width: Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, name.length + 2)) }));
  if (rows.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: rows.columns.length } };
  const header = sheet.addRow(rows.columns.map(sheetText));
  header.font = { bold: true };
  header.commit();
  let written = 0;
  for await (const cells of rows.rows) {
    if (written === SHEET_MAX_ROWS) throw new AppError('invalid_input', `More rows arrived than fit in one Excel sheet (${SHEET_MAX_ROWS.toLocaleString('en-US')}). Export CSV instead.`);
    writeRow(sheet, cells);
    written += 1;
    if (written % ROWS_PER_CHECK === 0) await keepUp(sheet, check);
  }
  sheet.commit();
  return written;
}

/**
 * One style object per kind of cell, shared by every cell of that kind: exceljs remembers a style
 * object it has seen, where a fresh one per cell (its default) is worked out again each time.
 */
const CELL_STYLES: Record<SheetCell['kind'], Partial<ExcelJS.Style>> = {
  empty: {},
  text: {},
  number: {},
  boolean: {},
  date: { numFmt: DATE_FORMAT },
  datetime: { numFmt: DATE_TIME_FORMAT },
};

function writeRow(sheet: Worksheet, cells: readonly string[]): void {
  const typed = cells.map(sheetCell);
  const row = sheet.addRow(typed.map((cell) => cell.value));
  typed.forEach((cell, index) => {
    row.getCell(index + 1).style = CELL_STYLES[cell.kind];
  });
  row.commit();
}

function writeAboutSheet(workbook: Workbook, about: SheetAbout, rows: number, columns: number): void {
  const sheet = workbook.addWorksheet('About');
  sheet.columns = [{ width: 16 }, { width: 80 }];
  const lines: Array<[string, string | number | Date]> = [
    ['Request', about.request ?? 'not known'],
    ['Host', about.account?.host ?? 'not known'],
    ['Username', about.account?.username ?? 'not known'],
    ['Exported at', wallClock(about.exportedAt)],
    ['Rows', rows],
    ['Columns', columns],
    ...about.details,
  ];
  for (const [label, value] of lines) {
    const row = sheet.addRow([label, typeof value === 'string' ? sheetText(value) : value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = DATE_TIME_FORMAT;
    row.commit();
  }
  sheet.commit();
}

/** This computer's clock time as an Excel date-time (Excel dates have no zone). */
function wallClock(ms: number): Date {
  const local = new Date(ms);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()));
}

/**
 * exceljs hands a sheet's XML to the zip without waiting for it to be compressed, so a fast row
 * source would pile the whole sheet up in memory. This waits while more than BACKLOG_BYTES wait
 * in the stream between the sheet and the zip (exceljs keeps no public handle on it: when that
 * stream is not found, the writer only yields, and the bench's memory figure would show it).
 */
async function keepUp(sheet: Worksheet, check: () => void): Promise<void> {
  do {
    await new Promise((resolve) => setImmediate(resolve));
    check(); // a failed write stops the zip: waiting for it to catch up would never end
  } while (backlogBytes(sheet) > BACKLOG_BYTES);
}

interface BufferedStream {
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

function backlogBytes(sheet: Worksheet): number {
  const zipInput = (sheet as unknown as { stream?: { pipes?: BufferedStream[] } }).stream?.pipes?.[0];
  return (zipInput?._writableState?.length ?? 0) + (zipInput?._readableState?.length ?? 0);
}
