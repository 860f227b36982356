import { DEFAULT_SETTINGS } from '../settings/settings-store';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import type { SavedRequest, Settings } from '../shared/contract';
import type { FileFilter } from '../ports/native';
import { Redactor } from '../redaction/redactor';
import type { ResponseStore } from '../response/main/response-store';
import { createTestResponseStore } from '../testing/test-response-store';
import { TOKEN_PLACEHOLDER } from './curl';
import { createExportService, type ExportServiceDeps } from './export-service';
import { createFileSaver } from './file-saver';
import { createResponseOrigins } from './response-origins';
import { createRowFiles } from './row-files';
import { readWorkbook } from '../testing/read-workbook';

const TOKEN = 'tok+SENTINEL/access=';
const PASSWORD = 'pw-SENTINEL-secret';
const HOST = 'https://acme.humanity.com';

let dir: string;
let dialogCalls: Array<{ title: string; defaultName: string; filters: FileFilter[] }>;
let chosenPath: string | null;
let clipboard: string[];
let settings: Settings;
let responses: ResponseStore;
let redactor: Redactor;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-export-'));
  dialogCalls = [];
  chosenPath = join(dir, 'out.file');
  clipboard = [];
  settings = { ...DEFAULT_SETTINGS };
  responses = createTestResponseStore();
  redactor = new Redactor();
  redactor.addSecret(PASSWORD);
  redactor.addSecret(TOKEN);
});
afterEach(async () => {
  await responses.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date(2024, 2, 5, 23, 30).getTime();

function exporter(overrides: Partial<ExportServiceDeps> = {}) {
  const files = createFileSaver({
    dialogs: {
      saveFile: async (options) => {
        dialogCalls.push(options);
        return chosenPath;
      },
    },
    now: () => NOW,
  });
  return createExportService({
    files,
    rowFiles: createRowFiles({ files, origins: createResponseOrigins(), now: () => NOW }),
    clipboard: { writeText: (text) => void clipboard.push(text) },
    responses,
    // Stands in for the variable resolver: {{employee}} becomes 42.
    variables: { resolve: (request) => JSON.parse(JSON.stringify(request).replaceAll('{{employee}}', '42')) as SavedRequest },
    settings: () => settings,
    redactor,
    host: () => HOST,
    accessToken: async () => TOKEN,
    ...overrides,
  });
}

/** Keeps `value` as a JSON body; its responseId. */
async function putJson(value: unknown): Promise<string> {
  return (await responses.keep(Buffer.from(JSON.stringify(value)))).responseId;
}

async function putText(text: string): Promise<string> {
  return (await responses.keep(Buffer.from(text))).responseId;
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).toMatch(/^[A-Z].*\.$/s);
  return error as AppError;
}

describe('responseJson', () => {
  it('streams a ~20 MB body to the chosen file exactly as received', async () => {
    const value = {
      status: 1,
      data: Array.from({ length: 170_000 }, (_, id) => ({ id, employee: `Employee ${id}`, start: '2024-01-01', hours: { total: 8.5, cost: -12.25 }, tags: ['a', 'é'] })),
      error: null,
    };
    // Digits beyond 2^53 and escapes survive: the file is the bytes, not a re-serialised value.
    const text = JSON.stringify(value).replace('"status":1', '"status":1,"big":12345678901234567890,"esc":"\\u00e9"');
    expect(text.length).toBeGreaterThan(19_000_000);
    const id = await putText(text);
    chosenPath = join(dir, 'big.json');
    expect(await exporter().responseJson({ responseId: id })).toEqual({ saved: true, path: chosenPath });
    expect(readFileSync(chosenPath, 'utf8') === text).toBe(true);
    expect(readdirSync(dir)).toEqual(['big.json']);
  });

  it('asks for a path with a dated default name and a JSON filter', async () => {
    await exporter().responseJson({ responseId: await putJson({ data: [] }) });
    expect(dialogCalls).toEqual([{ title: expect.any(String), defaultName: 'response-2024-03-05.json', filters: [{ name: 'JSON', extensions: ['json'] }] }]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const id = await putJson({ data: [] });
    chosenPath = null;
    expect(await exporter().responseJson({ responseId: id })).toEqual({ saved: false, path: '' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a non-JSON body exactly as received', async () => {
    const id = await putText('<html>Server error ✗</html>\n');
    chosenPath = join(dir, 'page.json');
    await exporter().responseJson({ responseId: id });
    expect(readFileSync(chosenPath, 'utf8')).toBe('<html>Server error ✗</html>\n');
  });

  it('reports a write failure with the path and leaves no partial file', async () => {
    const id = await putJson({ data: [1, 2, 3] });
    chosenPath = join(dir, 'folder-taken');
    mkdirSync(join(chosenPath, 'inside'), { recursive: true });
    const error = await caught(exporter().responseJson({ responseId: id }));
    expect(error.code).toBe('storage_failed');
    expect(error.message).toContain(chosenPath);
    expect(error.message).toContain('a folder already has that name');
    expect(readdirSync(dir)).toEqual(['folder-taken']);
    expect(readdirSync(chosenPath)).toEqual(['inside']);
  });

  it('answers not_found for a response no longer kept, before opening a dialog', async () => {
    expect((await caught(exporter().responseJson({ responseId: 'gone' }))).code).toBe('not_found');
    expect(dialogCalls).toEqual([]);
  });
});

describe('responseCsv', () => {
  it('writes a report object as CSV rows with BOM and CRLF and returns the counts', async () => {
    const id = await putJson({
      status: 1,
      data: { '1': { eid: '8', employee: 'Bo, Jr.', hours: { total: 7 } }, '0': { eid: '7', employee: 'Ada', hours: { total: 8 } }, custom_report: { title: 'x' } },
    });
    chosenPath = join(dir, 'report.csv');
    expect(await exporter().responseCsv({ responseId: id, pointer: '' })).toEqual({ saved: true, path: chosenPath, rows: 2, columns: 3 });
    expect(readFileSync(chosenPath, 'utf8')).toBe('\uFEFFeid,employee,hours.total\r\n7,Ada,8\r\n8,"Bo, Jr.",7\r\n');
    expect(dialogCalls[0]).toMatchObject({ defaultName: 'response-2024-03-05.csv', filters: [{ extensions: ['csv'] }] });
  });

  it('uses the pointer the user picked', async () => {
    const id = await putJson({ data: { employees: [{ id: 1 }], positions: [{ name: 'Cook' }] } });
    chosenPath = join(dir, 'positions.csv');
    await exporter().responseCsv({ responseId: id, pointer: '/data/positions' });
    expect(readFileSync(chosenPath, 'utf8')).toBe('\uFEFFname\r\nCook\r\n');
  });

  it('refuses a body with nothing to tabulate before asking for a file', async () => {
    const one = await putJson({ status: 1, data: { id: 5, name: 'Ada' } });
    const text = await putText('plain');
    expect((await caught(exporter().responseCsv({ responseId: one, pointer: '' }))).code).toBe('invalid_input');
    expect((await caught(exporter().responseCsv({ responseId: text, pointer: '' }))).code).toBe('invalid_input');
    expect(dialogCalls).toEqual([]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const id = await putJson([{ a: 1 }]);
    chosenPath = null;
    expect(await exporter().responseCsv({ responseId: id, pointer: '' })).toEqual({ saved: false, path: '', rows: 0, columns: 0 });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('responseXlsx', () => {
  it('writes the rows at the pointer as a workbook, and says in About where they came from', async () => {
    const id = await putJson({ data: { employees: [{ id: 1 }], positions: [{ name: 'Cook', wage: '12.50' }, { name: '=1+1', wage: '9' }] } });
    chosenPath = join(dir, 'positions.xlsx');
    expect(await exporter().responseXlsx({ responseId: id, pointer: '/data/positions' })).toEqual({ saved: true, path: chosenPath, rows: 2, columns: 2 });
    expect(dialogCalls[0]).toMatchObject({ defaultName: 'response-2024-03-05.xlsx', filters: [{ extensions: ['xlsx'] }] });
    const { sheets } = await readWorkbook(chosenPath);
    expect(sheets.get('Rows')).toEqual([['name', 'wage'], ['Cook', 12.5], ['=1+1', 9]]);
    const about = new Map(sheets.get('About')!.map(([label, value]) => [label, value]));
    // No summary of this response was noted: main does not guess from whoever is signed in now.
    expect(about.get('Request')).toBe('not known');
    expect(about.get('Host')).toBe('not known');
    expect(about.get('Username')).toBe('not known');
    expect(about.get('Rows at')).toBe('/data/positions');
  });

  it('refuses a body with nothing to tabulate before asking for a file, and writes nothing when cancelled', async () => {
    const one = await putJson({ status: 1, data: { id: 5, name: 'Ada' } });
    expect((await caught(exporter().responseXlsx({ responseId: one, pointer: '' }))).code).toBe('invalid_input');
    expect(dialogCalls).toEqual([]);
    chosenPath = null;
    expect(await exporter().responseXlsx({ responseId: await putJson([{ a: 1 }]), pointer: '' })).toEqual({ saved: false, path: '', rows: 0, columns: 0 });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('curl', () => {
  const request: SavedRequest = {
    method: 'POST',
    path: 'employees/{{employee}}',
    query: [{ name: 'fields', value: 'id,name', enabled: true }],
    body: { kind: 'form', fields: [{ name: 'notes', value: `it's ${PASSWORD}`, enabled: true }] },
  };

  it('copies the command with a placeholder and returns the same text', async () => {
    const result = await exporter().curl({ request, collectionId: null, includeToken: false });
    expect(result.copied).toBe(true);
    expect(clipboard).toEqual([result.text]);
    expect(result.text).toContain(`${HOST}/api/v2/employees/42?fields=id%2Cname&access_token=${TOKEN_PLACEHOLDER}`);
    expect(result.text).toContain("--data-raw 'notes=it%27s+%5BREDACTED%5D'");
    expect(result.text).not.toContain(PASSWORD);
  });

  it('puts the real token only on the clipboard when the user includes it', async () => {
    const result = await exporter().curl({ request, collectionId: null, includeToken: true });
    expect(clipboard).toHaveLength(1);
    expect(clipboard[0]).toContain(`access_token=${encodeURIComponent(TOKEN)}`);
    expect(clipboard[0]).not.toContain(TOKEN_PLACEHOLDER);
    expect(result.text).toContain(`access_token=${TOKEN_PLACEHOLDER}`);
    expect(result.text).not.toContain(encodeURIComponent(TOKEN));
    expect(result.text).not.toContain(TOKEN);
  });

  it('uses the Authorization header when the token goes in a header', async () => {
    settings = { ...settings, tokenDelivery: 'header' };
    const result = await exporter().curl({ request, collectionId: null, includeToken: true });
    expect(result.text).toContain(`-H 'Authorization: Bearer ${TOKEN_PLACEHOLDER}'`);
    expect(result.text).not.toContain('access_token');
    expect(clipboard[0]).toContain(`-H 'Authorization: Bearer ${TOKEN}'`);
  });

  it('says to sign in when the token is wanted but there is no session, and copies nothing', async () => {
    const signedOut = exporter({
      accessToken: () => {
        throw new AppError('not_signed_in', 'You are signed out. Sign in to send requests.');
      },
    });
    const error = await caught(signedOut.curl({ request, collectionId: null, includeToken: true }));
    expect(error.code).toBe('not_signed_in');
    expect(clipboard).toEqual([]);
  });

  it('says to sign in when no host is known yet', async () => {
    const error = await caught(exporter({ host: () => null }).curl({ request, collectionId: null, includeToken: false }));
    expect(error.code).toBe('not_signed_in');
  });

  it('passes on an unresolved variable from the resolver', async () => {
    const strict = exporter({
      variables: {
        resolve: () => {
          throw new AppError('unresolved_variable', 'The variable {{employee}} has no value.');
        },
      },
    });
    expect((await caught(strict.curl({ request, collectionId: 'c1', includeToken: false }))).code).toBe('unresolved_variable');
    expect(clipboard).toEqual([]);
  });
});
