// What an Excel cell holds for a cell of text from the row stream. Rows arrive as text (the table
// view and CSV show the same cells), so a cell's type is read from its text, strictly: only text
// that could not mean anything else becomes a number, a date or a boolean; the rest stays text.
// A text cell is stored as a string, never as a formula, so "=HYPERLINK(…)" cannot run
// (docs/architecture.md, Exports).

export type SheetCell =
  | { kind: 'empty'; value: null }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  /** A calendar day or a wall-clock date-time, as a Date whose UTC fields are the written ones. */
  | { kind: 'date' | 'datetime'; value: Date };

/** Excel's limit on the characters of one cell; longer text is cut there. */
export const CELL_MAX_CHARS = 32_767;
/** Excel keeps 15 significant digits: a longer number (an ID past 2^53, say) stays text. */
const MAX_DIGITS = 15;

/** "12", "-0.5", "8.50"; not "007", "1.", "+3" or "1,5". */
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
/** How JavaScript writes very large and very small JSON numbers: "1e+21", "5e-7". */
const JS_EXPONENT = /^-?[1-9](?:\.\d+)?e[+-]\d+$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 8601 ("2025-10-02T09:29:03+00:00") and Humanity's `*_timestamp` form ("2026-01-05 09:00:00"). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
/** The `formatted` field of Humanity's date objects: "Jan 5, 2026". */
const HUMANITY_DAY = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Characters XML 1.0 cannot carry; a workbook holding one will not open. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function sheetCell(text: string): SheetCell {
  if (text === '') return { kind: 'empty', value: null };
  if (text === 'true' || text === 'false') return { kind: 'boolean', value: text === 'true' };
  const number = numberOf(text);
  if (number !== null) return { kind: 'number', value: number };
  const day = dayOf(text);
  if (day) return { kind: 'date', value: day };
  const moment = dateTimeOf(text);
  if (moment) return { kind: 'datetime', value: moment };
  return { kind: 'text', value: sheetText(text) };
}

/** Text as a cell can hold it: characters XML forbids become U+FFFD, and at most CELL_MAX_CHARS. */
export function sheetText(text: string): string {
  const clean = text.replace(NOT_XML, '\uFFFD');
  return clean.length > CELL_MAX_CHARS ? clean.slice(0, CELL_MAX_CHARS) : clean;
}

function numberOf(text: string): number | null {
  const first = text.charCodeAt(0);
  if (first !== 45 && (first < 48 || first > 57)) return null; // neither "-" nor a digit: most text ends here
  if (!DECIMAL.test(text) && !JS_EXPONENT.test(text)) return null;
  if (text.length > MAX_DIGITS && text.split('e')[0]!.replace(/[-.]/g, '').replace(/^0+/, '').length > MAX_DIGITS) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function dayOf(text: string): Date | null {
  const iso = ISO_DAY.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), [0, 0, 0, 0]);
  const humanity = HUMANITY_DAY.exec(text);
  if (humanity) return calendarDate(Number(humanity[3]), MONTHS.indexOf(humanity[1]!) + 1, Number(humanity[2]), [0, 0, 0, 0]);
  return null;
}

/** The clock time as written: Excel has no time zones, and the offset (if any) is left out. */
function dateTimeOf(text: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const ms = Math.round(Number(match[7] ?? 0) * 1000);
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]), [hours, minutes, seconds, ms]);
}

/** A real calendar day Excel can show (it counts from 1900), or null. */
function calendarDate(year: number, month: number, day: number, time: [number, number, number, number]): Date | null {
  if (year < 1900 || year > 9999) return null;
  const date = new Date(Date.UTC(year, month - 1, day, ...time));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}
