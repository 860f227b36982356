// Reads an exported workbook back for tests and the bench, never with the library that wrote it:
// cell values through read-excel-file (numbers, Dates, booleans, strings as a spreadsheet reader
// sees them), and the sheets' XML through Node's own zlib, for what values cannot show (the frozen
// header, the autofilter, bold, and that no cell is a formula).
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import readXlsxFile from 'read-excel-file/node';

export type ReadCell = string | number | boolean | Date | null;

export interface ReadWorkbook {
  /** Sheet name → rows of cells, in sheet order. */
  sheets: Map<string, ReadCell[][]>;
  /** Every part of the zip by name ("xl/worksheets/sheet1.xml"), as text. */
  parts: Map<string, string>;
}

export async function readWorkbook(path: string): Promise<ReadWorkbook> {
  const sheets = new Map<string, ReadCell[][]>();
  for (const { sheet, data } of await readXlsxFile(path)) sheets.set(sheet, data.map((row) => row.map(roundDate)));
  return { sheets, parts: zipParts(readFileSync(path)) };
}

/** An Excel date is a float of days: read back, 17:00:00 can come out as 16:59:59.999. */
function roundDate(cell: unknown): ReadCell {
  return cell instanceof Date ? new Date(Math.round(cell.getTime() / 1000) * 1000) : (cell as ReadCell);
}

/** The entries of a zip, from its central directory (streamed zips leave sizes out of the local headers). */
function zipParts(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const parts = new Map<string, string>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i -= 1) {
    const [method, size, nameLength, extraLength, commentLength, local] = [
      zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32), zip.readUInt32LE(at + 42),
    ];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const bytes = zip.subarray(start, start + size);
    parts.set(name, (method === 8 ? inflateRawSync(bytes) : bytes).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}
