// The request being edited, and the pure rules that turn it into a `request.send` input.
import type { HttpMethod, RequestBody, RequestInput } from '../../../../src-main/shared/contract';
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
 * parameter table (after the rows that have content), so a pasted URL just works.
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
  const kept = draft.query.filter((row) => row.name !== '' || row.value !== '');
  return { ...draft, path, query: [...kept, ...pairs] };
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

export type DraftProblem = { field: 'path' | 'json'; message: string };

/** The request to send, or the first thing the user must fix. */
export function toRequestInput(
  draft: Draft,
  requestId: string,
): { ok: true; input: RequestInput } | { ok: false; problem: DraftProblem } {
  if (draft.path.trim() === '') {
    return { ok: false, problem: { field: 'path', message: 'Enter a path after /api/v2/, for example me.' } };
  }
  const hasBody = methodTakesBody(draft.method);
  if (hasBody && draft.bodyKind === 'json') {
    const message = jsonProblem(draft.json);
    if (message) return { ok: false, problem: { field: 'json', message } };
  }
  const named = (rows: NameValueRow[]) =>
    rows.filter((row) => row.name.trim() !== '').map(({ name, value, enabled }) => ({ name, value, enabled }));
  const body: RequestBody =
    !hasBody || draft.bodyKind === 'none' ? { kind: 'none' }
    : draft.bodyKind === 'json' ? { kind: 'json', text: draft.json }
    : { kind: 'form', fields: named(draft.form) };
  return {
    ok: true,
    input: { requestId, method: draft.method, path: draft.path.trim(), query: named(draft.query), body },
  };
}

/** A fresh id for `request.send` / `request.cancel` (the contract allows [A-Za-z0-9_-]). */
export function newRequestId(): string {
  return crypto.randomUUID().replace(/[^A-Za-z0-9_-]/g, '');
}
