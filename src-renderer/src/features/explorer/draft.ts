// The request being edited, and the pure rules that turn it into a `request.send` input.
import type { HttpMethod, NameValue, RequestBody, RequestInput, SavedRequest } from '@shared/contract';
import { newRow, type NameValueRow } from '../../components/NameValueTable';

export type BodyKind = RequestBody['kind'];

export type Draft = {
  method: HttpMethod;
  /** Relative to `/api/v2/`, without a query string. */
  path: string;
  query: NameValueRow[];
  bodyKind: BodyKind;
  form: NameValueRow[];
  json: string;
};

export function initialDraft(): Draft {
  // Form fields by default: Humanity's classic endpoints take form data.
  return { method: 'GET', path: '', query: [newRow()], bodyKind: 'form', form: [newRow()], json: '{\n  \n}' };
}

export const methodTakesBody = (method: HttpMethod): boolean => method !== 'GET';

// A URL copied from the docs or a browser: an optional origin, then the API prefix.
const API_PREFIX = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/]+)?\/?api\/v2\//i;

/** True when the path text holds something `withPathText` would move: a prefix, a query, a slash. */
export function pathNeedsTidying(text: string): boolean {
  return API_PREFIX.test(text.trim()) || text.includes('?') || text.trim().startsWith('/');
}

/**
 * Sets the path from free text: strips the origin and `/api/v2/`, and moves `?query` pairs into the
 * parameter table, so a pasted URL just works. A pasted name replaces the rows of that name where
 * the first of them stood (as Postman's URL bar does), so pasting the same URL twice sends each
 * parameter once; other rows with content stay.
 */
export function withPathText(draft: Draft, text: string): Draft {
  if (!pathNeedsTidying(text)) return { ...draft, path: text };
  let rest = text.trim().replace(API_PREFIX, '');
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const mark = rest.indexOf('?');
  const path = (mark >= 0 ? rest.slice(0, mark) : rest).replace(/^\/+/, '');
  if (mark < 0) return { ...draft, path };
  const pairs = [...new URLSearchParams(rest.slice(mark + 1))].map(([name, value]) => newRow(name, value));
  return { ...draft, path, query: mergeQueryRows(draft.query, pairs) };
}

function mergeQueryRows(rows: NameValueRow[], pasted: NameValueRow[]): NameValueRow[] {
  const pastedByName = new Map<string, NameValueRow[]>();
  for (const row of pasted) pastedByName.set(row.name, [...(pastedByName.get(row.name) ?? []), row]);
  const merged: NameValueRow[] = [];
  for (const row of rows) {
    if (row.name === '' && row.value === '') continue;
    const replacement = pastedByName.get(row.name);
    if (!replacement) merged.push(row);
    else if (replacement.length > 0) {
      merged.push(...replacement);
      pastedByName.set(row.name, []); // placed once, where the first row of this name stood
    }
  }
  for (const rest of pastedByName.values()) merged.push(...rest);
  return merged;
}

export function invalidJsonSentence(parserMessage: string): string {
  return `The JSON body is not valid: ${parserMessage.replace(/\.$/, '')}.`;
}

export function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return invalidJsonSentence(error instanceof Error ? error.message : String(error));
  }
}

/** The name of a catalog template's `{name}` placeholder left in the path (`{{variables}}` are fine). */
export function unfilledPlaceholder(path: string): string | null {
  return /(?<!\{)\{([^{}/]+)\}(?!\})/.exec(path)?.[1] ?? null;
}

export type DraftProblem = { field: 'path' | 'json'; message: string };

/** The request the draft stands for, as sent, saved or compared: only named rows, no body for GET. */
function requestOf(draft: Draft): SavedRequest {
  const named = (rows: NameValueRow[]): NameValue[] =>
    rows.filter((row) => row.name.trim() !== '').map(({ name, value, enabled }) => ({ name, value, enabled }));
  const hasBody = methodTakesBody(draft.method);
  const body: RequestBody =
    !hasBody || draft.bodyKind === 'none' ? { kind: 'none' }
    : draft.bodyKind === 'json' ? { kind: 'json', text: draft.json }
    : { kind: 'form', fields: named(draft.form) };
  return { method: draft.method, path: draft.path.trim(), query: named(draft.query), body };
}

/** The request to send, or the first thing the user must fix. */
export function toRequestInput(
  draft: Draft,
  requestId: string,
): { ok: true; input: RequestInput } | { ok: false; problem: DraftProblem } {
  if (draft.path.trim() === '') {
    return { ok: false, problem: { field: 'path', message: 'Enter a path after /api/v2/, for example me.' } };
  }
  const placeholder = unfilledPlaceholder(draft.path);
  if (placeholder) {
    return { ok: false, problem: { field: 'path', message: `Fill in ${placeholder}: the path still has the placeholder {${placeholder}}.` } };
  }
  if (methodTakesBody(draft.method) && draft.bodyKind === 'json') {
    const message = jsonProblem(draft.json);
    if (message) return { ok: false, problem: { field: 'json', message } };
  }
  return { ok: true, input: { requestId, ...requestOf(draft) } };
}

/**
 * The draft as a collection or history stores it. Never refuses: an empty path or unfinished JSON
 * is saved as typed, so nothing is lost. A pasted URL in the path is tidied first.
 */
export function toSavedRequest(draft: Draft): SavedRequest {
  return requestOf(pathNeedsTidying(draft.path) ? withPathText(draft, draft.path) : draft);
}

/** A saved or history request back in the editor. */
export function fromSavedRequest(saved: SavedRequest): Draft {
  const rows = (list: readonly NameValue[]) =>
    list.length === 0 ? [newRow()] : list.map((item) => ({ ...newRow(item.name, item.value), enabled: item.enabled }));
  const blank = initialDraft();
  const { body } = saved;
  return {
    method: saved.method,
    path: saved.path,
    query: rows(saved.query),
    // A GET keeps the default body type, ready for when the method changes.
    bodyKind: body.kind === 'none' && !methodTakesBody(saved.method) ? blank.bodyKind : body.kind,
    form: rows(body.kind === 'form' ? body.fields : []),
    json: body.kind === 'json' ? body.text : blank.json,
  };
}

/** True when two requests would be sent and saved the same way. */
export function sameRequest(a: SavedRequest, b: SavedRequest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A fresh id for `request.send` / `request.cancel` (the contract allows [A-Za-z0-9_-]). */
export function newRequestId(): string {
  return crypto.randomUUID().replace(/[^A-Za-z0-9_-]/g, '');
}
