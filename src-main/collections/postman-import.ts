// Reads Postman Collection v2.0/v2.1 files as Postman, Insomnia and Bruno write them. What has
// no place in this app (auth, scripts, headers, file fields, GraphQL, other hosts, ...) is left
// out and described in `unmapped`, one short sentence per finding.
import { AppError } from '../shared/app-error';
import { HTTP_METHODS, type CollectionNode, type HttpMethod, type NameValue, type RequestBody } from '../shared/contract';
import { MAX_DEPTH, MAX_NAME_LENGTH, newNodeId } from './collection-tree';

export interface ImportedCollection {
  collection: CollectionNode;
  unmapped: string[];
}

type Note = (sentence: string) => void;

/** What one import collects while it walks the file. */
interface Reading {
  note: Note;
  /** Variables used as the host (`{{baseUrl}}/...`): the app's own host replaces them. */
  hostVariables: Set<string>;
}

const MAX_DESCRIPTION = 20_000;
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;
// The app sets these itself from the body kind; listing them as lost would only be noise.
const IMPLIED_HEADERS = new Set(['content-type', 'accept']);
const NO_AUTH = new Set(['noauth', 'inherit']);
const SCRIPT_KINDS: Record<string, string> = { prerequest: 'pre-request script', test: 'test script' };

/** Postman v2 has `info` and an `item` list. */
export function isPostmanV2(doc: Record<string, unknown>): boolean {
  return typeof doc.info === 'object' && doc.info !== null && Array.isArray(doc.item) && !isPostmanV1(doc);
}

/** Postman's retired v1 format: a flat `requests` list beside `folders` and `order`. */
export function isPostmanV1(doc: Record<string, unknown>): boolean {
  return Array.isArray(doc.requests) || /\/v1\.\d+\.\d+\//.test(text(record(doc.info).schema));
}

export function fromPostmanCollection(doc: Record<string, unknown>): ImportedCollection {
  const unmapped: string[] = [];
  const reading: Reading = { note: (sentence) => unmapped.push(sentence), hostVariables: new Set() };
  const info = record(doc.info);

  const schema = text(info.schema);
  if (!schema) reading.note('The file does not say which Postman schema it follows; it was read as Collection v2.1.');
  else if (!/\/collection\/v2\.[01]\.\d+\//.test(schema)) reading.note(`The file follows the schema ${schema}; it was read as Collection v2.1, so parts of it may be missing.`);
  noteExtras('The collection', doc, reading.note);

  const children = mapItems(list(doc.item), 2, reading);
  const variables = list(doc.variable).flatMap((entry) => mapVariable(record(entry), reading));
  const collection: CollectionNode = { ...node('collection', nameOf(info.name, 'Imported collection'), descriptionOf(info.description)), variables, children };
  return { collection, unmapped };
}

function mapItems(items: unknown[], depth: number, reading: Reading): CollectionNode[] {
  if (depth > MAX_DEPTH) {
    throw new AppError('invalid_file', `The folders in this file are nested more than ${MAX_DEPTH} levels deep, which the app does not support. Nothing was imported.`);
  }
  return items.flatMap((entry): CollectionNode[] => {
    const item = record(entry);
    if (Array.isArray(item.item)) {
      const name = nameOf(item.name, 'Untitled folder');
      noteExtras(`Folder "${name}"`, item, reading.note);
      return [{ ...node('folder', name, descriptionOf(item.description)), children: mapItems(item.item, depth + 1, reading) }];
    }
    if (item.request !== undefined && item.request !== null) return mapRequest(item, reading);
    reading.note(`An entry named "${nameOf(item.name, '(no name)')}" is neither a folder nor a request and was skipped.`);
    return [];
  });
}

function mapRequest(item: Record<string, unknown>, reading: Reading): CollectionNode[] {
  const name = nameOf(item.name, 'Untitled request');
  const label = `Request "${name}"`;
  // v2 allows a bare URL string as the whole request.
  const request = typeof item.request === 'string' ? { url: item.request } : record(item.request);
  const method = text(request.method).toUpperCase() || 'GET';
  if (!(HTTP_METHODS as readonly string[]).includes(method)) {
    reading.note(`${label}: the method ${method} is not supported, so the request was not imported.`);
    return [];
  }
  const url = mapUrl(request.url, label, reading);
  noteExtras(label, { event: item.event, auth: request.auth }, reading.note);
  noteHeaders(label, request.header, reading.note);
  const examples = list(item.response).length;
  if (examples) reading.note(`${label}: ${examples} saved example response${examples === 1 ? '' : 's'} not imported.`);
  const body = mapBody(request.body, label, reading.note);
  return [{ ...node('request', name, descriptionOf(item.description ?? request.description)), request: { method: method as HttpMethod, ...url, body } }];
}

function mapUrl(url: unknown, label: string, reading: Reading): { path: string; query: NameValue[] } {
  const parts = record(url);
  const raw = typeof url === 'string' ? url : typeof parts.raw === 'string' ? parts.raw : rebuildUrl(parts);
  const [location = '', queryString = ''] = insomniaVariables(raw).split('#')[0]!.split(/\?(.*)/s);
  const examples = new Map(list(parts.variable).map((entry) => [text(record(entry).key), text(record(entry).value)]));
  // Postman's `:id` path segments become their example value, or a {{variable}} to fill in.
  const path = relativePath(location, label, reading).replace(
    /(^|\/):([A-Za-z_][\w-]*)/g,
    (_segment, slash: string, name: string) => `${slash}${examples.get(name) || `{{${name}}}`}`,
  );
  // The structured list keeps disabled rows; a raw-only URL (Insomnia style) has its query in the text.
  return { path, query: Array.isArray(parts.query) ? rows(parts.query) : parseQuery(queryString) };
}

/** The path under /api/v2/: the host (`{{baseUrl}}`, `https://www.humanity.com`) and the `api/v2/` prefix go. */
function relativePath(location: string, label: string, reading: Reading): string {
  let rest = location.trim();
  const hostVariable = /^\{\{\s*([^{}]+?)\s*\}\}/.exec(rest);
  // `https://anything`, or a bare `www.humanity.com` / `localhost:8080` before the first slash.
  const host = /^(?:[a-z][a-z0-9+.-]*:\/\/([^/]*)|([^/{}\s]+\.[a-z]{2,}(?::\d+)?|localhost(?::\d+)?)(?=\/|$))/i.exec(rest);
  if (hostVariable) {
    reading.hostVariables.add(hostVariable[1]!);
    rest = rest.slice(hostVariable[0].length);
  } else if (host) {
    const name = host[1] ?? host[2] ?? '';
    for (const match of name.matchAll(PLACEHOLDER)) reading.hostVariables.add(match[1]!);
    if (!name.includes('{{') && !isHumanityHost(name)) reading.note(`${label}: ${name || 'its host'} is not a Humanity host, so only the path was imported.`);
    rest = rest.slice(host[0].length);
  }
  return rest.replace(/^\/+/, '').replace(/^api\/v2(?:\/|$)/, '');
}

function mapBody(value: unknown, label: string, note: Note): RequestBody {
  const body = record(value);
  const mode = text(body.mode);
  const lost = (what: string): RequestBody => {
    note(`${label}: the ${what} body was not imported; only JSON and form bodies are.`);
    return { kind: 'none' };
  };
  if (!mode || body.disabled === true) return { kind: 'none' };
  if (mode === 'urlencoded') return { kind: 'form', fields: rows(list(body.urlencoded)) };
  if (mode === 'formdata') {
    // Humanity's endpoints read text form fields the same way from either encoding.
    const fields = list(body.formdata).filter((entry) => {
      const isFile = record(entry).type === 'file';
      if (isFile) note(`${label}: the file field "${text(record(entry).key)}" was not imported.`);
      return !isFile;
    });
    return { kind: 'form', fields: rows(fields) };
  }
  if (mode === 'raw') {
    const raw = insomniaVariables(text(body.raw));
    const language = text(record(record(body.options).raw).language);
    if (!raw.trim()) return { kind: 'none' };
    // Postman leaves `language` out for plain text; a body that opens like JSON is taken as JSON.
    if (language === 'json' || ((!language || language === 'text') && /^\s*[[{]/.test(raw))) return { kind: 'json', text: raw };
    return lost(language || 'plain text');
  }
  return lost(mode === 'graphql' ? 'GraphQL' : mode);
}

function mapVariable(row: Record<string, unknown>, reading: Reading): NameValue[] {
  const name = text(row.key ?? row.id).trim();
  if (!name) return [];
  if (reading.hostVariables.has(name)) {
    reading.note(`Variable "${name}" was not imported: requests go to the Humanity host you signed in to.`);
    return [];
  }
  const enabled = row.disabled !== true;
  if (row.type === 'secret') {
    reading.note(`Variable "${name}": its secret value was not imported; enter it in an environment.`);
    return [{ name, value: '', enabled }];
  }
  return [{ name, value: insomniaVariables(text(row.value)), enabled }];
}

/** Auth blocks and scripts on a collection, folder or request: the app has its own sign-in and no scripting. */
function noteExtras(owner: string, item: Record<string, unknown>, note: Note): void {
  const auth = text(record(item.auth).type);
  if (auth && !NO_AUTH.has(auth)) note(`${owner}: ${auth} authentication not imported; the app signs every request with your session.`);
  const scripts = new Set<string>();
  for (const entry of list(item.event)) {
    const event = record(entry);
    const source = record(event.script).exec;
    const code = Array.isArray(source) ? source.join('\n') : text(source);
    if (code.trim() && event.disabled !== true) scripts.add(SCRIPT_KINDS[text(event.listen)] ?? `${text(event.listen) || 'event'} script`);
  }
  for (const script of scripts) note(`${owner}: ${script} not imported.`);
}

function noteHeaders(label: string, header: unknown, note: Note): void {
  // v2.0 also allows the headers as one "Name: value" string per line.
  const names = (typeof header === 'string' ? header.split('\n').map((line) => ({ key: line.split(':')[0] })) : list(header))
    .map((entry) => record(entry))
    .filter((entry) => entry.disabled !== true)
    .map((entry) => text(entry.key).trim())
    .filter((name) => name && !IMPLIED_HEADERS.has(name.toLowerCase()));
  if (names.length) note(`${label}: header${names.length === 1 ? '' : 's'} ${names.join(', ')} not imported.`);
}

function rows(entries: unknown[]): NameValue[] {
  return entries.flatMap((entry) => {
    const row = record(entry);
    if (row.key === undefined || row.key === null) return [];
    return [{ name: insomniaVariables(text(row.key)), value: insomniaVariables(text(row.value)), enabled: row.disabled !== true }];
  });
}

function parseQuery(queryString: string): NameValue[] {
  return queryString
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      return { name: decodeFormPart(name), value: decodeFormPart(value), enabled: true };
    });
}

function decodeFormPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/** v2 URL objects may lack `raw`: put host and path back together. */
function rebuildUrl(parts: Record<string, unknown>): string {
  const segments = (value: unknown, separator: string) =>
    Array.isArray(value) ? value.map((segment) => (typeof segment === 'string' ? segment : text(record(segment).value))).join(separator) : text(value);
  const host = segments(parts.host, '.');
  const protocol = text(parts.protocol);
  return `${protocol && host ? `${protocol}://` : ''}${host}/${segments(parts.path, '/')}`;
}

function isHumanityHost(host: string): boolean {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return name === 'humanity.com' || name.endsWith('.humanity.com');
}

/** Insomnia writes its environment variables as `{{ _.name }}`; here they are `{{name}}`. */
function insomniaVariables(value: string): string {
  return value.replace(/\{\{\s*_\.([^{}]+?)\s*\}\}/g, '{{$1}}');
}

function node(kind: CollectionNode['kind'], name: string, description: string): CollectionNode {
  return { id: newNodeId(), kind, name, description, variables: [], request: null, children: [] };
}

function nameOf(value: unknown, fallback: string): string {
  return text(value).trim().slice(0, MAX_NAME_LENGTH).trim() || fallback;
}

/** Descriptions are a string, or `{ content, type }` in v2.1. */
function descriptionOf(value: unknown): string {
  return (typeof value === 'object' && value !== null ? text(record(value).content) : text(value)).slice(0, MAX_DESCRIPTION);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
