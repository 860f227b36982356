// Resolves `{{name}}` in a request before it is sent (resolve) or shown (preview, the
// `variables` channel, on the session's host).
// Where a name's value comes from, strongest first:
//   1. built-in dates (today, startOfWeek+7d, ...): reserved names, nothing can override them;
//   2. the active environment's variables;
//   3. the variables of the request's collection.
// Disabled rows of any table are ignored, both as variables and as places to substitute.
import { AppError } from '../shared/app-error';
import type { Handlers, NameValue, RequestBody, SavedRequest } from '../shared/contract';
import { builtinDate } from './builtin-dates';
import { substitute } from './template';
import { variableMap } from './variable-rows';

export interface VariablesServiceDeps {
  collections: { variablesOf(collectionId: string): NameValue[] };
  environments: { activeVariables(): NameValue[] };
  now(): number;
  /** The API host of the session (or saved profile); null before the first sign-in. */
  host(): string | null;
}

export interface RequestPreview {
  /** `<host>/api/v2/<path>?<query>` without any token; "(host)" when no host is configured yet. */
  url: string;
  request: SavedRequest;
  /** Every name that has no value, in order of first use. */
  unresolved: string[];
}

type VariablesChannel = Handlers['variables'];

/** The `variables` channel (preview), and resolve for the request pipeline and exports. */
export interface VariablesService extends VariablesChannel {
  resolve(request: SavedRequest, collectionId: string | null): SavedRequest;
  preview(input: { request: SavedRequest; collectionId: string | null }): RequestPreview;
}

export function createVariablesService(deps: VariablesServiceDeps): VariablesService {
  function expand(request: SavedRequest, collectionId: string | null): { request: SavedRequest; unresolved: string[] } {
    // Built on the first placeholder: a request without one never reads the variable tables.
    let defined: Map<string, string> | null = null;
    const lookup = (name: string) =>
      (defined ??= variableMap([...(collectionId ? deps.collections.variablesOf(collectionId) : []), ...deps.environments.activeVariables()])).get(name);
    const now = deps.now();
    const unresolved: string[] = [];
    const fill = (text: string) =>
      substitute(
        text,
        (name) => builtinDate(name, now) ?? lookup(name),
        (name) => {
          if (!unresolved.includes(name)) unresolved.push(name);
        },
      );
    const fillRows = (rows: NameValue[]) => rows.map((row) => (row.enabled ? { ...row, name: fill(row.name), value: fill(row.value) } : row));
    const fillBody = (body: RequestBody): RequestBody => {
      if (body.kind === 'json') return { kind: 'json', text: fill(body.text) };
      if (body.kind === 'form') return { kind: 'form', fields: fillRows(body.fields) };
      return body;
    };
    const expanded = { method: request.method, path: fill(request.path), query: fillRows(request.query), body: fillBody(request.body) };
    return { request: expanded, unresolved };
  }

  return {
    resolve(request, collectionId) {
      const { request: resolved, unresolved } = expand(request, collectionId);
      const [first] = unresolved;
      if (first !== undefined) {
        throw new AppError(
          'unresolved_variable',
          `The variable {{${first}}} has no value. Define it in the active environment or the collection variables, or remove it.`,
        );
      }
      return resolved;
    },
    preview({ request, collectionId }) {
      const { request: resolved, unresolved } = expand(request, collectionId);
      return { url: previewUrl(deps.host(), resolved), request: resolved, unresolved };
    },
  };
}

/** The address as the runner would build it, for reading: placeholders left unresolved stay readable. */
function previewUrl(host: string | null, request: SavedRequest): string {
  const path = request.path.trim().replace(/^\/+/, '').replace(/^api\/v2\//, '');
  const query = request.query
    .filter((row) => row.enabled && row.name)
    .map((row) => `${encodeQueryPart(row.name)}=${encodeQueryPart(row.value)}`)
    .join('&');
  return `${host ?? '(host)'}/api/v2/${path}${query ? `?${query}` : ''}`;
}

// Form-style encoding as URLSearchParams does it (what the runner sends), except that braces
// stay readable so an unresolved {{name}} looks the same as in the editor.
function encodeQueryPart(text: string): string {
  return new URLSearchParams([['', text]]).toString().slice(1).replace(/%7B/g, '{').replace(/%7D/g, '}');
}
