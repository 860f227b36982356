import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../redaction/redactor';
import { DEFAULT_SETTINGS } from '../settings/settings-store';
import type { SavedRequest } from '../shared/contract';
import { curlCommand, shellQuote, TOKEN_PLACEHOLDER, type CurlRequest } from './curl';
import { createExportService, type ExportServiceDeps } from './export-service';
import { createFileSaver } from './file-saver';

/** Runs the command in sh with `curl` replaced by a function that prints its arguments. */
function argvOf(command: string): string[] {
  const script = `curl() { for arg in "$@"; do printf '%s\\0' "$arg"; done; }\n${command}`;
  return execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

const get: CurlRequest = {
  method: 'GET',
  url: new URL('https://www.humanity.com/api/v2/shifts?start_date=2024-01-01&end_date=2024-01-28'),
  body: null,
  tokenDelivery: 'query',
};

describe('shellQuote', () => {
  it('survives sh unchanged, whatever the text holds', () => {
    const nasty = `it's $(rm -rf ~) \`id\` "$HOME" \\ ; | & \n line 2 ''`;
    expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(nasty)}`], { encoding: 'utf8' })).toBe(nasty);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('curlCommand', () => {
  it('puts the placeholder in the access_token parameter by default', () => {
    const command = curlCommand(get, null);
    expect(command).toContain(`access_token=${TOKEN_PLACEHOLDER}`);
    expect(argvOf(command)).toEqual([
      `https://www.humanity.com/api/v2/shifts?start_date=2024-01-01&end_date=2024-01-28&access_token=${TOKEN_PLACEHOLDER}`,
      '-H',
      'Accept: application/json',
    ]);
  });

  it('URL-encodes a real token and starts the query when there is none', () => {
    const command = curlCommand({ ...get, url: new URL('https://h.example/api/v2/me') }, 'a+b/c=');
    expect(argvOf(command)[0]).toBe('https://h.example/api/v2/me?access_token=a%2Bb%2Fc%3D');
  });

  it('sends the placeholder or token as a Bearer header when the setting says so', () => {
    const header: CurlRequest = { ...get, tokenDelivery: 'header' };
    expect(argvOf(curlCommand(header, null))).toEqual([get.url.toString(), '-H', 'Accept: application/json', '-H', `Authorization: Bearer ${TOKEN_PLACEHOLDER}`]);
    expect(argvOf(curlCommand(header, 'tok-123'))).toContain('Authorization: Bearer tok-123');
    expect(curlCommand(header, null)).not.toContain('access_token');
  });

  it('sends method, content type and body exactly, with quotes inside the body', () => {
    const post: CurlRequest = {
      method: 'POST',
      url: new URL('https://h.example/api/v2/employees'),
      body: { text: `{"notes":"Bob's \\"day\\" $(off)"}`, contentType: 'application/json' },
      tokenDelivery: 'query',
    };
    expect(argvOf(curlCommand(post, null))).toEqual([
      '-X',
      'POST',
      `https://h.example/api/v2/employees?access_token=${TOKEN_PLACEHOLDER}`,
      '-H',
      'Accept: application/json',
      '-H',
      'Content-Type: application/json',
      '--data-raw',
      `{"notes":"Bob's \\"day\\" $(off)"}`,
    ]);
  });
});

describe('Copy as cURL: access_token is reserved there too', () => {
  const copied: string[] = [];
  const exporter = createExportService({
    files: createFileSaver({ dialogs: { saveFile: async () => null } }),
    rowFiles: {} as ExportServiceDeps['rowFiles'],
    clipboard: { writeText: (text) => void copied.push(text) },
    // "Copy as cURL" reads no kept response.
    responses: {} as ExportServiceDeps['responses'],
    variables: { resolve: (request) => request },
    settings: () => DEFAULT_SETTINGS,
    redactor: new Redactor(),
    host: () => 'https://www.humanity.com',
    accessToken: async () => 'session-token',
  });
  const post = (overrides: Partial<SavedRequest>): SavedRequest => ({ method: 'POST', path: 'employees', query: [], body: { kind: 'none' }, ...overrides });

  it.each([
    ['a query parameter', post({ query: [{ name: 'access_token[]', value: 'other-token', enabled: true }] }), 'invalid_path'],
    ['a form field', post({ body: { kind: 'form', fields: [{ name: 'Access_Token', value: 'other-token', enabled: true }] } }), 'invalid_body'],
    ['a JSON key', post({ body: { kind: 'json', text: '{"employee": {"access_token": "other-token"}}' } }), 'invalid_body'],
  ])('refuses %s named like access_token and copies nothing', async (_what, request, code) => {
    await expect(exporter.curl({ request, collectionId: null, includeToken: true })).rejects.toMatchObject({
      code,
      message: expect.stringMatching(/^Remove the .*: access_token is set by the app from your session\.$/),
    });
    expect(copied).toEqual([]);
  });
});
