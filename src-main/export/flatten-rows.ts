// Turns JSON into a table: which value holds the rows, and one flat record per row. Pure, so the
// CSV export and the table view share it.
//
// Flattening rules:
// - a nested object becomes dotted columns: `location.name`;
// - an array of plain values (strings, numbers, booleans, null) becomes one cell, joined with "; ";
// - an array holding any object or array is indexed: `employees.0.name`, `employees.1.name`
//   (so every value keeps its own cell and nothing is lost);
// - an empty object adds no column (Humanity sends `lat: {}` for unknown coordinates);
// - null becomes an empty cell; a row that is not an object becomes one `value` column;
// - column order is first-seen order across the rows.
import { AppError } from '../shared/app-error';

/** Humanity's report objects key their rows "0", "1", …; other keys (custom_report) are not rows. */
const ROW_KEY = /^\d+$/;
const LIST_SEPARATOR = '; ';

export interface FlatTable {
  columns: string[];
  /** Column name → cell text; a column the row lacks is absent (an empty cell). */
  rows: Array<Map<string, string>>;
}

const noTable = (why: string) => new AppError('invalid_input', `${why} Pick an array (or a report object) in the response and try again.`);

/**
 * The rows at `pointer` (a JSON Pointer). "" picks them: the root when it is an array, else `data`
 * when it is an array or a numeric-keyed report object, else a numeric-keyed root.
 */
export function pickRows(root: unknown, pointer: string): unknown[] {
  if (pointer) {
    const rows = rowsOf(resolvePointer(root, pointer));
    if (!rows) throw noTable(`The value at ${pointer} is not a list, so it cannot be exported as a table.`);
    return rows;
  }
  if (Array.isArray(root)) return root;
  const rows = (isRecord(root) ? rowsOf(root.data) : null) ?? rowsOf(root);
  if (!rows) throw noTable('This response has no list to turn into a table.');
  return rows;
}

export function flattenRows(rows: readonly unknown[]): FlatTable {
  const columns = new Set<string>();
  const flat = rows.map((row) => {
    const cells = flattenRow(row);
    for (const column of cells.keys()) columns.add(column);
    return cells;
  });
  return { columns: [...columns], rows: flat };
}

/** One row's cells: column name → cell text. */
export function flattenRow(row: unknown): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [key, value] of Object.entries(isRecord(row) ? row : { value: row })) flattenInto(cells, key, value);
  return cells;
}

/** pickRows + flattenRows, refusing a table without rows or columns. */
export function tableAt(root: unknown, pointer: string): FlatTable {
  const rows = pickRows(root, pointer);
  if (rows.length === 0) throw noTable('The list is empty, so there are no rows to export.');
  const table = flattenRows(rows);
  if (table.columns.length === 0) throw noTable('The rows have no fields, so there are no columns to export.');
  return table;
}

function flattenInto(cells: Map<string, string>, name: string, value: unknown): void {
  if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) flattenInto(cells, `${name}.${key}`, child);
  } else if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
    value.forEach((item, index) => flattenInto(cells, `${name}.${index}`, item));
  } else if (Array.isArray(value)) {
    cells.set(name, value.map(cellText).join(LIST_SEPARATOR));
  } else {
    cells.set(name, cellText(value));
  }
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function rowsOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isRecord(value) || !Object.keys(value).some((key) => ROW_KEY.test(key))) return null;
  return Object.keys(value)
    .filter((key) => ROW_KEY.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => value[key]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901: "/data/0/name", with ~1 for "/" and ~0 for "~" inside keys. */
function resolvePointer(root: unknown, pointer: string): unknown {
  if (!pointer.startsWith('/')) throw noTable(`"${pointer}" is not a JSON Pointer (it must start with /).`);
  let node = root;
  for (const token of pointer.slice(1).split('/')) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && ROW_KEY.test(key) && Number(key) < node.length) node = node[Number(key)];
    else if (isRecord(node) && Object.hasOwn(node, key)) node = node[key];
    else throw noTable(`Nothing was found at ${pointer} in this response.`);
  }
  return node;
}
