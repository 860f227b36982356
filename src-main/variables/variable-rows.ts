// Rules shared by every place the user defines variables (environments, collection variables).
import { AppError } from '../shared/app-error';
import type { NameValue } from '../shared/contract';
import { isBuiltinDateName } from './builtin-dates';

/** Built-in dates always win, so a user variable with such a name could never be used: refuse it. */
export function checkVariableRows(rows: readonly NameValue[], owner: string): void {
  const reserved = rows.find((row) => row.name.trim() && isBuiltinDateName(row.name));
  if (reserved) {
    throw new AppError(
      'invalid_input',
      `The variable name "${reserved.name.trim()}" in ${owner} is reserved for a built-in date. Choose another name.`,
    );
  }
}

/** Enabled, named rows as a lookup; a later row with the same name wins, as the table reads top-down. */
export function variableMap(rows: readonly NameValue[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (row.enabled && name) map.set(name, row.value);
  }
  return map;
}
