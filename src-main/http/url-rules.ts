// Where requests may go: the configured Humanity host only, under /api/v2/ only.
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
    // PHP reads "access.token", "access token" and " access_token" as access_token too.
    if (param.name.trimStart().replace(/[.\s[]/g, '_').toLowerCase() === 'access_token') {
      throw new AppError('invalid_path', 'Remove the access_token parameter: the app adds your token to every request itself.');
    }
    params.append(param.name, param.value);
  }
  // Set once: every url.searchParams.append would write the whole URL again (the path has no query).
  url.search = params.toString();
  return url;
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
