import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import type { NameValue } from '../shared/contract';
import { buildApiUrl, isLoopbackOrigin, isReservedName, normalizeHost } from './url-rules';

const HOST = 'https://www.humanity.com';
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Runs `fn`, expects an AppError with `code`, and checks its message is one clean sentence. */
function expectAppError(fn: () => unknown, code: string): AppError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected an AppError to be thrown').toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/^[A-Z].*\.$/s);
  expect(error.message).not.toMatch(CONTROL);
  return error;
}

const q = (name: string, value: string, enabled = true): NameValue => ({ name, value, enabled });

/** Names a PHP server (Humanity's API is PHP) could read as access_token, or that only differ in case. */
const RESERVED_SPELLINGS = [
  'access_token',
  'ACCESS_TOKEN',
  'aCcEsS_tOkEn',
  'access_token[]',
  'access_token[0]',
  'access_token[x]',
  'Access_Token[a][b]',
  'access%5Ftoken',
  'access%5ftoken%5B%5D',
  'access%255Ftoken',
  '  access_token  ',
  'access.token',
  'access token',
  'access+token',
  'access[token',
  // PHP stops reading a name at NUL (a raw NUL in a query name is refused as a control character).
  'access_token%00[]',
];

describe('normalizeHost', () => {
  it.each([
    ['https://www.humanity.com', 'https://www.humanity.com'],
    ['https://www.humanity.com/', 'https://www.humanity.com'],
    ['  https://www.humanity.com///  ', 'https://www.humanity.com'],
    ['HTTPS://WWW.Humanity.COM', 'https://www.humanity.com'],
    ['https://acme.humanity.com:8443', 'https://acme.humanity.com:8443'],
    ['https://www.humanity.com:443', 'https://www.humanity.com'],
  ])('accepts the https host %j as origin %j', (input, origin) => {
    expect(normalizeHost(input)).toBe(origin);
  });

  it.each([
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://LOCALHOST:4010/', 'http://localhost:4010'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.8.9.10', 'http://127.8.9.10'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
  ])('accepts plain http only for loopback: %j', (input, origin) => {
    expect(normalizeHost(input)).toBe(origin);
    expect(isLoopbackOrigin(origin)).toBe(true);
  });

  it.each([
    'http://example.com',
    'http://www.humanity.com',
    'http://localhost.evil.com',
    'http://127.0.0.1.nip.io',
    'http://10.0.0.1',
    'http://[::2]',
  ])('refuses plain http to a non-loopback host: %j', (input) => {
    const error = expectAppError(() => normalizeHost(input), 'invalid_host');
    expect(error.message).toContain('https://');
  });

  it('does not treat https hosts as loopback', () => {
    expect(isLoopbackOrigin('https://www.humanity.com')).toBe(false);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://files.humanity.com', 'data:text/html,hi', 'ws://localhost:4010'])(
    'refuses the non-web scheme %j',
    (input) => {
      expectAppError(() => normalizeHost(input), 'invalid_host');
    },
  );

  it.each(['https://user:pass@www.humanity.com', 'https://user@www.humanity.com', 'https://:pw@www.humanity.com'])(
    'refuses credentials in the host: %j',
    (input) => {
      const error = expectAppError(() => normalizeHost(input), 'invalid_host');
      expect(error.message).toMatch(/user name or password/);
    },
  );

  it.each([
    'https://www.humanity.com/api/v2',
    'https://www.humanity.com/x',
    'https://www.humanity.com?x=1',
    'https://www.humanity.com/?access_token=abc',
    'https://www.humanity.com#frag',
    'https://www.humanity.com\\evil',
  ])('refuses a path, query or fragment: %j', (input) => {
    expectAppError(() => normalizeHost(input), 'invalid_host');
  });

  it.each([
    'https://www.huma\r\nnity.com',
    'https://www.humanity.com\r\nX-Injected: 1',
    'https://www.huma\u0000nity.com',
    'https://www.huma\tnity.com',
    'https://www.humanity.com\u007f',
  ])('refuses control characters and CR/LF inside the host: %j', (input) => {
    const error = expectAppError(() => normalizeHost(input), 'invalid_host');
    expect(error.message).toMatch(/control characters/);
  });

  it.each(['', '   ', '/', '\t\n'])('refuses an empty host: %j', (input) => {
    expectAppError(() => normalizeHost(input), 'invalid_host');
  });

  it.each(['www.humanity.com', 'not a url', 'https://'])('refuses text that is not a web address: %j', (input) => {
    expectAppError(() => normalizeHost(input), 'invalid_host');
  });
});

describe('buildApiUrl', () => {
  it('builds <host>/api/v2/<path>?<query>', () => {
    const url = buildApiUrl(HOST, 'shifts', [q('start_date', '2024-01-01'), q('end_date', '2024-01-31')]);
    expect(url.href).toBe('https://www.humanity.com/api/v2/shifts?start_date=2024-01-01&end_date=2024-01-31');
  });

  it('keeps nested path segments', () => {
    expect(buildApiUrl(HOST, 'shifts/123/shiftbreaks', []).href).toBe('https://www.humanity.com/api/v2/shifts/123/shiftbreaks');
  });

  it('works with a loopback sandbox host', () => {
    const url = buildApiUrl('http://127.0.0.1:4010', 'me', []);
    expect(url.href).toBe('http://127.0.0.1:4010/api/v2/me');
  });

  it.each([
    ['/employees', 'employees'],
    ['api/v2/employees', 'employees'],
    ['/api/v2/employees/7', 'employees/7'],
    ['  employees  ', 'employees'],
  ])('strips leading slashes and a pasted api/v2/ prefix: %j', (path, rest) => {
    expect(buildApiUrl(HOST, path, []).href).toBe(`${HOST}/api/v2/${rest}`);
  });

  it('percent-encodes query names and values instead of letting them break the URL', () => {
    const url = buildApiUrl(HOST, 'employees', [q('a&b', 'c=d&e'), q('x', 'y z#w')]);
    expect(url.searchParams.get('a&b')).toBe('c=d&e');
    expect(url.searchParams.get('x')).toBe('y z#w');
    expect(url.hash).toBe('');
    expect([...url.searchParams.keys()]).toEqual(['a&b', 'x']);
  });

  it('keeps disabled and nameless parameters out', () => {
    const url = buildApiUrl(HOST, 'employees', [q('keep', '1'), q('off', '2', false), q('', '3'), q('access_token', 'x', false)]);
    expect(url.search).toBe('?keep=1');
  });

  it('keeps repeated parameters in order', () => {
    const url = buildApiUrl(HOST, 'employees', [q('id', '1'), q('id', '2')]);
    expect(url.searchParams.getAll('id')).toEqual(['1', '2']);
  });

  it.each([
    'https://evil.com/x',
    'http://evil.com/x',
    'HTTPS://evil.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'mailto:a@b.c',
    'evil.com//x',
    'employees//x',
  ])('refuses an absolute URL or double slash in the path: %j', (path) => {
    expectAppError(() => buildApiUrl(HOST, path, []), 'invalid_path');
  });

  // A protocol-relative URL pasted into the path field is an address elsewhere, not a path here.
  it.each(['//evil.com/x', '  //evil.com/x'])('refuses a protocol-relative URL %j', (path) => {
    expectAppError(() => buildApiUrl(HOST, path, []), 'invalid_path');
  });

  it.each([
    '..',
    '../oauth2/token.php',
    'employees/../../oauth2/token.php',
    'employees/..',
    '.',
    './employees',
    'employees/./1',
    '%2e%2e',
    '%2E%2e',
    '%2e%2E/x',
    '.%2e/x',
    '%2e./x',
    'employees/%2e',
    'employees/%2E%2E/%2E%2E/admin',
  ])('refuses dot segments, plain or encoded: %j', (path) => {
    const error = expectAppError(() => buildApiUrl(HOST, path, []), 'invalid_path');
    expect(error.message).toMatch(/\. or \.\./);
  });

  it.each(['employees%2f..%2f..%2fadmin', 'a%2Fb', 'a%5cb', 'a%5C..%5Cb'])('refuses encoded slashes and backslashes: %j', (path) => {
    expectAppError(() => buildApiUrl(HOST, path, []), 'invalid_path');
  });

  it.each(['\\\\evil.com\\x', 'employees\\..\\admin', 'a\\b'])('refuses backslashes: %j', (path) => {
    expectAppError(() => buildApiUrl(HOST, path, []), 'invalid_path');
  });

  it.each(['employees\r\nX-Injected: 1', 'employees\n/1', 'emp\u0000loyees', 'emp\tloyees', 'employees/%0d%0aX', 'employees/%00'])(
    'refuses CR/LF/NUL and other control characters in the path, raw or encoded: %j',
    (path) => {
      expectAppError(() => buildApiUrl(HOST, path, []), 'invalid_path');
    },
  );

  it.each(['employees?x=1', 'employees#top', 'employees?access_token=abc', '?x', '#'])('refuses ? and # in the path: %j', (path) => {
    const error = expectAppError(() => buildApiUrl(HOST, path, []), 'invalid_path');
    expect(error.message).toMatch(/parameter table/);
  });

  it.each(['%', 'a%zz', 'a%e0%a4', 'employees/%'])('refuses a broken %-escape: %j', (path) => {
    const error = expectAppError(() => buildApiUrl(HOST, path, []), 'invalid_path');
    expect(error.message).toMatch(/%-escape/);
  });

  it.each(['', '   ', '/', '/api/v2/'])('refuses an empty path: %j', (path) => {
    expectAppError(() => buildApiUrl(HOST, path, []), 'invalid_path');
  });

  it.each([
    [q('bad\r\nname', 'v')],
    [q('name', 'line1\r\nline2')],
    [q('name', 'nul\u0000')],
    [q('nul\u0000', 'v')],
    [q('lf', '\n')],
  ])('refuses CR/LF/NUL in query names and values: %j', (param) => {
    expectAppError(() => buildApiUrl(HOST, 'employees', [param]), 'invalid_path');
  });

  it('prints a query name with several control characters without any raw control character', () => {
    const error = expectAppError(() => buildApiUrl(HOST, 'employees', [q('X-\r\nInjected', 'v')]), 'invalid_path');
    expect(error.message).toContain('X-');
    expect(error.message).toContain('Injected');
  });

  it.each(RESERVED_SPELLINGS)('refuses an access_token query parameter named %j, naming it and not its value', (name) => {
    const error = expectAppError(() => buildApiUrl(HOST, 'employees', [q('keep', '1'), q(name, 'some-token')]), 'invalid_path');
    expect(error.message).toBe(`Remove the query parameter "${name}": access_token is set by the app from your session.`);
    expect(error.message).not.toContain('some-token');
  });

  it.each(['access_tokens', 'access_token_type', 'my_access_token', 'access', 'token', 'access_token%', 'access_token[', 'x[access_token]'])(
    'sends a parameter whose name only resembles access_token: %j',
    (name) => {
      expect(buildApiUrl(HOST, 'employees', [q(name, 'v')]).searchParams.get(name)).toBe('v');
    },
  );

  it('lets disabled rows with control characters or access_token pass (they are not sent)', () => {
    const url = buildApiUrl(HOST, 'employees', [q('access_token', 'x', false), q('a\r\n', 'b', false)]);
    expect(url.search).toBe('');
  });

  const tricky = [
    'employees',
    '/employees',
    'api/v2/employees',
    '@evil.com',
    'employees@evil.com',
    ':@evil.com',
    'evil.com',
    '%40evil.com',
    ':8080/x',
    '%2f%2fevil.com',
    'x/%2e%2e/%2e%2e/%2e%2e/evil',
    'a:b',
    '\u3002evil.com',
    '\uff0e\uff0e/x',
    ' \u00a0employees',
  ];
  it.each(tricky)('either refuses %j or keeps the configured origin and /api/v2/ prefix', (path) => {
    let url: URL;
    try {
      url = buildApiUrl(HOST, path, [q('a', 'b')]);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_path');
      return;
    }
    expect(url.origin).toBe(HOST);
    expect(url.pathname.startsWith('/api/v2/')).toBe(true);
    expect(url.username).toBe('');
    expect(url.password).toBe('');
    expect(url.hash).toBe('');
  });

  it('keeps the origin equal to the host for accepted paths on a loopback port', () => {
    const host = 'http://127.0.0.1:4010';
    for (const path of ['me', 'employees/1', 'shifts', '@x', 'x:y']) {
      let url: URL | null = null;
      try {
        url = buildApiUrl(host, path, []);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
      }
      if (url) expect(url.origin).toBe(host);
    }
  });
});

describe('isReservedName', () => {
  it.each(RESERVED_SPELLINGS)('reads %j as access_token', (name) => {
    expect(isReservedName(name)).toBe(true);
  });

  it.each(['', 'access_tokens', 'access_token_type', 'access_token%', 'access_token[', 'x[access_token]', 'refresh_token', 'child_company_id'])(
    'does not read %j as access_token',
    (name) => {
      expect(isReservedName(name)).toBe(false);
    },
  );
});
