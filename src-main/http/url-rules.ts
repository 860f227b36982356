// Where requests may go: the configured Humanity host only, under /api/v2/ only. And which names
// are the app's own: access_token, which the app sets from the session.
import { AppError } from '../shared/app-error';
import type { NameValue } from '../shared/contract';

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** Validates what the user typed as API host and returns its origin, e.g. `https://www.humanity.com`. */
export function normalizeHost(input: string): string {
  const typed = input.trim().replace(/\/+$/, '');
  const invalid = (why: string) => new AppError('invalid_host', `The API host ${why}. Use an address like https://www.humanity.com.`);
  if (!typed) throw invalid('is empty');
  if (CONTROL_CHARS.test(typed)) throw invalid('contains control characters');
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    throw invalid(`"${typed}" is not a web address`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.test(url.hostname)) {
    throw invalid('must use https:// (plain http:// is only allowed for this computer, such as the sandbox)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(`must start with https://, not ${url.protocol}`);
  if (url.username || url.password) throw invalid('must not contain a user name or password');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw invalid('must be only the address, without a path, query or #fragment');
  }
  return url.origin;
}

export function isLoopbackOrigin(origin: string): boolean {
  return LOOPBACK_HOSTS.test(new URL(origin).hostname);
}

/** Builds `<host>/api/v2/<path>?<query>`; rejects anything that could leave the host or the API. */
export function buildApiUrl(host: string, path: string, query: readonly NameValue[]): URL {
  const relative = checkPath(path);
  const url = new URL(`${host}/api/v2/${relative}`);
  if (url.origin !== host || !url.pathname.startsWith('/api/v2/')) {
    throw new AppError('invalid_path', 'The path must stay under /api/v2/ on the configured host.');
  }
  const params = new URLSearchParams();
  for (const param of query) {
    if (!param.enabled || !param.name) continue;
    if (CONTROL_CHARS.test(param.name) || CONTROL_CHARS.test(param.value)) {
      throw new AppError('invalid_path', `The query parameter "${printable(param.name)}" contains line breaks or control characters. Remove them and send again.`);
    }
    if (isReservedName(param.name)) throw reservedNameError('invalid_path', 'the query parameter', param.name);
    params.append(param.name, param.value);
  }
  // Set once: every url.searchParams.append would write the whole URL again (the path has no query).
  url.search = params.toString();
  return url;
}

/**
 * Whether a query parameter, form field or JSON key could reach Humanity's PHP server as
 * access_token. PHP strips leading spaces, reads "." and " " (and a "[" never closed) as "_", and
 * `name[...]` as an array called name; names %-encoded once or more, or in another case, are
 * refused too rather than trusting the server to read them differently.
 */
export function isReservedName(name: string): boolean {
  // PHP reads a variable name up to its first NUL: "access_token\0x" is access_token to it.
  const plain = formDecoded(name).split('\0')[0]!.trim();
  const base = /^([^[]*)\[.*\]/s.exec(plain)?.[1] ?? plain;
  return base.replace(/[.\s[]/g, '_').toLowerCase() === 'access_token';
}

/** The sentence for a reserved name, e.g. `what` = "the form field"; never the value. */
export function reservedNameError(code: 'invalid_path' | 'invalid_body', what: string, name: string): AppError {
  return new AppError(code, `Remove ${what} "${printable(name)}": access_token is set by the app from your session.`);
}

/** A member of a parsed JSON object whose key is reserved. */
export interface ReservedMember {
  owner: Record<string, unknown>;
  key: string;
}

/** Every reserved member of a parsed JSON value, at any depth; none is looked for inside another. */
export function reservedMembers(value: unknown): ReservedMember[] {
  const found: ReservedMember[] = [];
  // A list, not recursion: a body may nest deeper than the call stack reaches.
  const pending = [value];
  while (pending.length) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null) continue;
    for (const [key, child] of Object.entries(current)) {
      if (!Array.isArray(current) && isReservedName(key)) found.push({ owner: current as Record<string, unknown>, key });
      else pending.push(child);
    }
  }
  return found;
}

/** Undoes form encoding ("+", %XX) as many times as it was applied; a broken escape stays, as PHP's urldecode leaves it. */
function formDecoded(name: string): string {
  let previous: string;
  let current = name;
  do {
    previous = current;
    current = previous.replace(/\+/g, ' ').replace(/%([0-9a-f]{2})/gi, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  } while (current !== previous);
  return current;
}

function checkPath(path: string): string {
  const bad = (why: string) => new AppError('invalid_path', `The path ${why}. Enter a path relative to /api/v2/, such as employees or shifts/123.`);
  if (/^\s*\/\//.test(path)) throw bad('looks like a full web address; only paths on the configured host are allowed');
  const trimmed = path.trim().replace(/^\/+/, '').replace(/^api\/v2\//, '');
  if (!trimmed) throw bad('is empty');
  if (CONTROL_CHARS.test(trimmed)) throw bad('contains line breaks or control characters');
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.includes('//')) throw bad('looks like a full web address; only paths on the configured host are allowed');
  if (trimmed.includes('\\')) throw bad('contains a backslash');
  if (trimmed.includes('?') || trimmed.includes('#')) throw bad('contains ? or #; put query parameters in the parameter table');
  for (const segment of trimmed.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw bad('contains a broken %-escape');
    }
    if (decoded === '.' || decoded === '..') throw bad('may not contain . or .. segments');
    if (/[/\\]/.test(decoded) || CONTROL_CHARS.test(decoded)) throw bad('contains an encoded slash or control character');
  }
  return trimmed;
}

function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, '\u2423');
}
