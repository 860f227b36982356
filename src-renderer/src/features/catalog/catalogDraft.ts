// The pure rules between a catalog endpoint and the editor's draft: filling a new draft from an
// endpoint, recognising which endpoint a request is, and reading or writing one builder field.
import {
  CATALOG,
  endpointById,
  fillPath,
  pathParamNames,
  type CatalogEndpoint,
  type CatalogParam,
} from '@shared/catalog';
import type { HttpMethod } from '@shared/contract';
import { newRow, type NameValueRow } from '../../components/NameValueTable';
import { initialDraft, type Draft } from '../explorer/draft';

const PLACEHOLDER = /^\{[^{}/]+\}$/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^{}/]+\})/)
    .map((part) => (PLACEHOLDER.test(part) ? '([^/]*)' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}$`);
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The values of the template's `{name}` placeholders in `path`, or null when the path does not
 * follow the template. A placeholder still in the path reads as an empty value.
 */
export function pathValues(template: string, path: string): Record<string, string> | null {
  const match = templatePattern(template).exec(path.trim());
  if (!match) return null;
  const values: Record<string, string> = {};
  pathParamNames(template).forEach((name, i) => {
    const raw = match[i + 1] ?? '';
    values[name] = raw === `{${name}}` ? '' : safeDecode(raw);
  });
  return values;
}

/**
 * The template with one placeholder set. `{{variables}}` typed into a field stay readable: braces
 * have no meaning in a Humanity path, so they are not left %-escaped.
 */
export function withPathValue(template: string, path: string, name: string, value: string): string {
  const values = { ...(pathValues(template, path) ?? {}), [name]: value.trim() };
  return fillPath(template, values).replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}

/** True while the draft is still a request to `endpoint`: its method, and a path that follows its template. */
export function followsEndpoint(endpoint: CatalogEndpoint, method: HttpMethod, path: string): boolean {
  return endpoint.method === method && pathValues(endpoint.path, path) !== null;
}

/**
 * The catalog endpoint a saved request calls, if any: an exact path first, then the template with
 * the fewest placeholders (so `shifts/publish` is not read as `shifts/{id}`).
 */
export function matchEndpoint(method: HttpMethod, path: string): CatalogEndpoint | null {
  const trimmed = path.trim();
  if (!trimmed) return null;
  const candidates = CATALOG.filter((endpoint) => followsEndpoint(endpoint, method, trimmed));
  candidates.sort((a, b) => pathParamNames(a.path).length - pathParamNames(b.path).length);
  return candidates[0] ?? null;
}

/** Keeps the endpoint while the draft follows it; forgets it once method or path leave the template. */
export function keptEndpointId(endpointId: string | null, draft: Draft): string | null {
  if (!endpointId) return null;
  const endpoint = endpointById(endpointId);
  return endpoint && followsEndpoint(endpoint, draft.method, draft.path) ? endpointId : null;
}

// ---- JSON bodies ------------------------------------------------------------------------------

type JsonObject = Record<string, unknown>;

/** The JSON body as an object the builder can edit, or null when it is not one. */
export function jsonBodyObject(text: string): JsonObject | null {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/** How a field's text goes into a JSON body: numbers, booleans and JSON values keep their type. */
function jsonValueOf(param: CatalogParam, text: string): unknown {
  const trimmed = text.trim();
  if ((param.type === 'integer' || param.type === 'number') && trimmed !== '' && Number.isFinite(Number(trimmed))) {
    return Number(trimmed);
  }
  if (param.type === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (param.type === 'json' || param.type === 'id-list') {
    try {
      return JSON.parse(trimmed);
    } catch {
      // Not JSON yet (still typing, or a plain list): kept as text, and the editor shows it.
    }
  }
  return text;
}

function jsonTextOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// ---- reading and writing one field ----------------------------------------------------------

const rowsOf = (draft: Draft, where: 'query' | 'form') => (where === 'query' ? draft.query : draft.form);

/** Whether this endpoint's body goes as JSON (newer task endpoints) rather than form fields. */
export const jsonBody = (endpoint: CatalogEndpoint) => endpoint.bodyFormat === 'json';

/** The value the builder shows for `param`: the first enabled row of that name, or the JSON key. */
export function fieldValue(endpoint: CatalogEndpoint, draft: Draft, param: CatalogParam): string {
  if (param.in === 'path') return pathValues(endpoint.path, draft.path)?.[param.name] ?? '';
  if (param.in === 'body' && jsonBody(endpoint)) return jsonTextOf(jsonBodyObject(draft.json)?.[param.name]);
  const row = rowsOf(draft, param.in === 'query' ? 'query' : 'form').find((r) => r.enabled && r.name === param.name);
  return row?.value ?? '';
}

/** Sets one row: updates the first row of that name, fills a blank row, or adds one. */
function withRowValue(rows: readonly NameValueRow[], name: string, value: string, required: boolean): NameValueRow[] {
  const index = rows.findIndex((row) => row.name === name);
  if (value === '' && !required) {
    if (index < 0) return [...rows];
    const kept = rows.filter((row) => row.name !== name);
    return kept.length > 0 ? kept : [newRow()];
  }
  if (index >= 0) return rows.map((row, i) => (i === index ? { ...row, value, enabled: true } : row));
  const blank = rows.findIndex((row) => row.name === '' && row.value === '');
  if (blank >= 0) return rows.map((row, i) => (i === blank ? { ...row, name, value, enabled: true } : row));
  return [...rows, newRow(name, value)];
}

/**
 * The draft with `param` set to `value`: a path placeholder, a query row, a form field or a key
 * of the JSON body. Clearing an optional parameter removes its row (or key); a required one keeps
 * its row with an empty value so it stays in sight. Null when the JSON body is not an object.
 */
export function withFieldValue(endpoint: CatalogEndpoint, draft: Draft, param: CatalogParam, value: string): Draft | null {
  if (param.in === 'path') return { ...draft, path: withPathValue(endpoint.path, draft.path, param.name, value) };
  if (param.in === 'query') return { ...draft, query: withRowValue(draft.query, param.name, value, param.required) };
  if (!jsonBody(endpoint)) return { ...draft, bodyKind: 'form', form: withRowValue(draft.form, param.name, value, param.required) };
  const body = jsonBodyObject(draft.json);
  if (!body) return null;
  const next = { ...body };
  if (value === '' && !param.required) delete next[param.name];
  else next[param.name] = jsonValueOf(param, value);
  return { ...draft, bodyKind: 'json', json: JSON.stringify(next, null, 2) };
}

// ---- a new draft for an endpoint -----------------------------------------------------------------

/**
 * A fresh draft for `endpoint`: its method and path template, a row for each required query
 * parameter, and its body type with the required body fields (empty, for the user to fill).
 */
export function endpointDraft(endpoint: CatalogEndpoint): Draft {
  const blank = initialDraft();
  const required = (where: CatalogParam['in']) => endpoint.params.filter((param) => param.in === where && param.required);
  const query = required('query').map((param) => newRow(param.name, ''));
  const form = required('body').map((param) => newRow(param.name, ''));
  let json = blank.json;
  if (jsonBody(endpoint)) {
    const body: JsonObject = {};
    for (const param of required('body')) body[param.name] = '';
    json = JSON.stringify(body, null, 2);
  }
  return {
    ...blank,
    method: endpoint.method,
    path: endpoint.path,
    query: query.length > 0 ? query : [newRow()],
    bodyKind: endpoint.bodyFormat === 'none' ? (endpoint.method === 'GET' ? blank.bodyKind : 'none') : endpoint.bodyFormat,
    form: form.length > 0 ? form : [newRow()],
    json,
  };
}

// ---- date ranges -------------------------------------------------------------------------------

export const DATE_PARAMS = { start: 'start_date', end: 'end_date' } as const;

/**
 * Whether "Pull range" applies: a GET whose endpoint pulls by date window, or any GET that has
 * start_date and end_date parameters.
 */
export function canPullRange(endpoint: CatalogEndpoint | null, draft: Draft): boolean {
  if (draft.method !== 'GET' || draft.path.trim() === '') return false;
  if (endpoint?.dateWindow) return true;
  const names = new Set(draft.query.filter((row) => row.name.trim() !== '').map((row) => row.name.trim()));
  return names.has(DATE_PARAMS.start) && names.has(DATE_PARAMS.end);
}

/** The draft's enabled value of a query parameter, or ''. */
export function queryValue(draft: Draft, name: string): string {
  return draft.query.find((row) => row.enabled && row.name.trim() === name)?.value.trim() ?? '';
}
