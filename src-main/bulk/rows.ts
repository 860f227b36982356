// The rows of one answer, and the merge of many answers into one deduplicated list.

/**
 * The rows in a Humanity answer: the envelope's `data` (or the body itself when there is no
 * envelope) as an array, or as the numeric-keyed object custom and payroll reports return, whose
 * rows sit under "0", "1", … beside non-row keys like `custom_report` (humanity-api.md §4.1, §7.6).
 */
export function extractRows(body: unknown): unknown[] {
  const payload = isRecord(body) && 'data' in body ? body.data : body;
  if (Array.isArray(payload)) return payload;
  if (!isRecord(payload)) return [];
  return Object.keys(payload)
    .filter((key) => /^\d+$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => payload[key]);
}

/**
 * Adds `rows` to `merged` (keyed by identity, in first-seen order) and returns it. Rows with an
 * `id` are the same row when their ids match as text (Humanity sends ids as numbers or strings);
 * rows without one (or with an empty one) are kept unless an identical row was already seen.
 */
export function mergeRows(merged: Map<string, unknown>, rows: readonly unknown[]): Map<string, unknown> {
  for (const row of rows) {
    const key = rowKey(row);
    if (!merged.has(key)) merged.set(key, row);
  }
  return merged;
}

function rowKey(row: unknown): string {
  const id = isRecord(row) ? row.id : undefined;
  // Prefixes keep an id of "[1]" apart from a row without id whose JSON text is [1].
  if ((typeof id === 'string' && id !== '') || typeof id === 'number') return `id:${id}`;
  return `json:${JSON.stringify(row)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
