// Response bodies stay in main; the renderer asks for windows of them by responseId.
import { AppError } from '../shared/app-error';
import { visibleRows } from './json-tree';

export interface StoredResponse {
  text: string;
  json: { value: unknown } | null;
  pretty?: string;
}

/**
 * A stored body whose JSON is parsed on first use. Reopening a history entry then costs one
 * file read; the parse happens only when the renderer asks for the tree or the pretty text.
 */
export function lazyStoredResponse(text: string): StoredResponse {
  let parsed: { json: StoredResponse['json'] } | null = null;
  return {
    text,
    get json() {
      parsed ??= { json: parseOrNull(text) };
      return parsed.json;
    },
  };
}

function parseOrNull(text: string): StoredResponse['json'] {
  if (!text.trim()) return null;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

export class ResponseStore {
  private readonly entries = new Map<string, StoredResponse>();

  constructor(private readonly maxEntries = 16) {}

  put(id: string, response: StoredResponse): void {
    this.entries.set(id, response);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  tree(id: string, expanded: readonly string[], offset: number, limit: number) {
    const entry = this.get(id);
    const root = entry.json ? entry.json.value : entry.text;
    return visibleRows(root, new Set(expanded), offset, limit);
  }

  text(id: string, offset: number, length: number, pretty: boolean) {
    const entry = this.get(id);
    let text = entry.text;
    if (pretty && entry.json) text = entry.pretty ??= JSON.stringify(entry.json.value, null, 2);
    return { text: text.slice(offset, offset + length), offset, totalChars: text.length };
  }

  clear(): void {
    this.entries.clear();
  }

  /** The kept body (already redacted); not_found once it was evicted or the user signed out. */
  get(id: string): StoredResponse {
    const entry = this.entries.get(id);
    if (!entry) throw new AppError('not_found', 'That response is no longer kept in memory. Send the request again to see it.');
    return entry;
  }
}
