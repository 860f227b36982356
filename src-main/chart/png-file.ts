// A chart picture from the window, checked before it is written: base64 of a PNG (its eight-byte
// signature and an IHDR chunk first), of a sane size. Anything else is refused with a sentence.
import { AppError } from '../shared/app-error';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const PNG_BYTES_MAX = 12 * 1024 * 1024;

export function pngBytes(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  const isPng = bytes.length > 24 && bytes.subarray(0, 8).equals(SIGNATURE) && bytes.toString('latin1', 12, 16) === 'IHDR';
  if (!isPng) throw new AppError('invalid_input', 'The chart picture is not a PNG image, so it was not saved. Draw the chart again and retry.');
  if (bytes.length > PNG_BYTES_MAX) throw new AppError('too_large', 'The chart picture is larger than 12 MB, so it was not saved. Make the window smaller and retry.');
  return bytes;
}

/** `shifts per day` → `shifts-per-day`: a file name stem without path characters. */
export function fileStem(name: string): string {
  const stem = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return stem || 'chart';
}
