// Collection files through the service, as the renderer triggers them: native dialogs (scripted
// here), real files, and the store left untouched by anything that cannot be imported.
/// <reference path="../../node_modules/postman-collection/types/index.d.ts" />
import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Collection } from 'postman-collection';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import type { CollectionNode, SavedRequest } from '../shared/contract';
import { createConfFactory } from '../testing/conf-factory';
import { MAX_IMPORT_BYTES } from './collection-files';
import { NATIVE_FORMAT } from './native-format';
import { collectionsFixture, folderText, getRequest, nestedText } from './test-support';

// Values that stand for real credentials: none of them may reach an exported file.
const SECRETS = ['s3cr3t-client-secret', 'live-access-token-123', 'hunter2-password', 'refresh-xyz-789'];
// The payroll collection has one (disabled) access_token query parameter, which imports leave out.
const ACCESS_TOKEN_REMOVED = 'Removed 1 query parameter, form field or JSON body field named access_token: the app sets access_token from your session.';

let fixture: ReturnType<typeof collectionsFixture>;
let service: ReturnType<typeof collectionsFixture>['service'];

beforeEach(() => {
  fixture = collectionsFixture(createConfFactory());
  service = fixture.service;
});

afterEach(() => rmSync(fixture.dir, { recursive: true, force: true }));

function buildPayroll(): string {
  const collection = service.create({ parentId: null, kind: 'collection', name: 'Payroll: weekly/HR' }).id;
  service.update({
    id: collection,
    description: 'Weekly payroll',
    variables: [
      { name: 'location', value: '12', enabled: true },
      { name: 'client_secret', value: SECRETS[0]!, enabled: true },
      { name: 'token', value: '{{sessionToken}}', enabled: true },
    ],
  });
  const reports = service.create({ parentId: collection, kind: 'folder', name: 'Reports' }).id;
  service.saveRequest({
    id: null,
    parentId: reports,
    name: 'Hours',
    description: 'Hours per employee',
    request: getRequest('reports/employee', {
      query: [
        { name: 'start_date', value: '{{startOfWeek}}', enabled: true },
        { name: 'access_token', value: SECRETS[1]!, enabled: false },
      ],
    }),
  });
  service.saveRequest({
    id: null,
    parentId: collection,
    name: 'Create employee',
    description: '',
    request: getRequest('employees', {
      method: 'POST',
      body: {
        kind: 'form',
        fields: [
          { name: 'name', value: 'Ada', enabled: true },
          { name: 'password', value: SECRETS[2]!, enabled: true },
        ],
      },
    }),
  });
  service.saveRequest({
    id: null,
    parentId: collection,
    name: 'Notes',
    description: '',
    request: getRequest('employees/{{employeeId}}', { method: 'PUT', body: { kind: 'json', text: '{\n  "notes": "x",\n  "refresh_token": "refresh-xyz-789",\n  "id": {{employeeId}}\n}' } }),
  });
  return collection;
}

/** The collection as the user sees it, without ids (imports get fresh ones). */
function shape(node: CollectionNode): unknown {
  const { id: _id, children, ...rest } = node;
  return { ...rest, children: children.map(shape) };
}

async function exported(id: string, format: 'postman' | 'native'): Promise<{ path: string; text: string }> {
  const path = join(fixture.dir, `export-${format}.json`);
  fixture.dialogs.answer = path;
  expect(await service.export({ id, format })).toEqual({ saved: true, path });
  return { path, text: readFileSync(path, 'utf8') };
}

async function importFailure(contents: string | Buffer): Promise<AppError> {
  buildPayroll();
  const before = service.list();
  const onDisk = readFileSync(join(fixture.dir, 'collections.json'), 'utf8');
  const path = join(fixture.dir, 'incoming.json');
  writeFileSync(path, contents);
  fixture.dialogs.answer = path;
  let failure: unknown;
  try {
    await service.import();
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(AppError);
  expect(service.list()).toEqual(before);
  expect(readFileSync(join(fixture.dir, 'collections.json'), 'utf8')).toBe(onDisk);
  expect((failure as AppError).code).toBe('invalid_file');
  expect((failure as AppError).message).toMatch(/^\S.*Nothing was imported\.$/);
  return failure as AppError;
}

describe('collection export', () => {
  it('writes Postman v2.1 through the save dialog, and Postman\'s library loads it', async () => {
    const id = buildPayroll();
    const { text } = await exported(id, 'postman');
    expect(fixture.dialogs.asked).toEqual([
      { kind: 'save', title: 'Export collection', defaultName: 'Payroll- weekly-HR.postman_collection.json', filters: [{ name: 'Postman Collection v2.1', extensions: ['json'] }] },
    ]);
    const collection = new Collection(JSON.parse(text));
    expect(collection.name).toBe('Payroll: weekly/HR');
    expect(collection.variables.get('location')).toBe('12');
    expect(collection.variables.get('baseUrl')).toBe('https://www.humanity.com/api/v2');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('never writes a credential value, in either format, but keeps {{variable}} references', async () => {
    const id = buildPayroll();
    for (const format of ['postman', 'native'] as const) {
      const { text } = await exported(id, format);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).toContain('{{sessionToken}}');
      expect(text).toContain('{{employeeId}}');
    }
    // What is stored stays as the user typed it.
    expect(JSON.stringify(service.list())).toContain(SECRETS[0]);
    expect(readdirSync(fixture.dir).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });

  it('returns saved: false and writes nothing when the dialog is cancelled', async () => {
    const id = buildPayroll();
    fixture.dialogs.answer = null;
    expect(await service.export({ id, format: 'native' })).toEqual({ saved: false, path: '' });
    expect(readdirSync(fixture.dir).filter((name) => name.startsWith('export'))).toEqual([]);
  });

  it('exports only collections, and says so for a folder or an unknown id', async () => {
    const id = buildPayroll();
    const folder = service.list().collections[0]!.children[0]!.id;
    await expect(service.export({ id: folder, format: 'postman' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(service.export({ id: 'nope', format: 'postman' })).rejects.toMatchObject({ code: 'not_found' });
    expect(id).toBeTruthy();
  });

  it('reports a file that cannot be written as a sentence', async () => {
    const id = buildPayroll();
    fixture.dialogs.answer = join(fixture.dir, 'no-such-folder', 'out.json');
    await expect(service.export({ id, format: 'postman' })).rejects.toMatchObject({ code: 'storage_failed', message: expect.stringMatching(/^Could not write .*out\.json because the folder does not exist\. Choose another folder/) });
  });
});

describe('collection import', () => {
  it('round-trips the app\'s own format, with fresh ids and only its access_token parameter left out', async () => {
    const id = buildPayroll();
    const { path, text } = await exported(id, 'native');
    expect(JSON.parse(text)).toMatchObject({ format: NATIVE_FORMAT, version: 1, collection: { name: 'Payroll: weekly/HR' } });
    fixture.dialogs.answer = path;
    const result = await service.import();
    expect(result).toEqual({ imported: true, name: 'Payroll: weekly/HR', requests: 3, unmapped: [ACCESS_TOKEN_REMOVED] });
    const [original, copy] = service.list().collections;
    expect(copy!.id).not.toBe(original!.id);
    // Identical but for the ids, the blanked credential values and the access_token parameter.
    const scrubbedOriginal = structuredClone(original!);
    scrubbedOriginal.variables[1]!.value = '';
    scrubbedOriginal.children[0]!.children[0]!.request!.query.splice(1, 1);
    (scrubbedOriginal.children[1]!.request!.body as { fields: Array<{ value: string }> }).fields[1]!.value = '';
    scrubbedOriginal.children[2]!.request!.body = { kind: 'json', text: '{\n  "notes": "x",\n  "refresh_token": "",\n  "id": {{employeeId}}\n}' };
    expect(shape(copy!)).toEqual(shape(scrubbedOriginal));
    expect(fixture.dialogs.asked.at(-1)).toMatchObject({ kind: 'open', title: 'Import collection' });
  });

  it('round-trips a Postman export back into the same requests', async () => {
    const id = buildPayroll();
    const { path } = await exported(id, 'postman');
    fixture.dialogs.answer = path;
    const result = await service.import();
    expect(result.imported).toBe(true);
    expect(result.requests).toBe(3);
    expect(result.unmapped).toEqual([ACCESS_TOKEN_REMOVED, 'Variable "baseUrl" was not imported: requests go to the Humanity host you signed in to.']);
    const [original, copy] = service.list().collections;
    const requests = (node: CollectionNode): unknown[] =>
      node.request ? [[node.name, node.request.method, node.request.path, node.request.query.map((row) => row.name).filter((name) => name !== 'access_token')]] : node.children.flatMap(requests);
    expect(requests(copy!)).toEqual(requests(original!));
    expect(copy!.children[0]!.kind).toBe('folder');
    expect(copy!.variables.map((row) => row.name)).toEqual(['location', 'client_secret', 'token']);
  });

  it('persists an imported collection across a re-open', async () => {
    const path = join(fixture.dir, 'in.json');
    writeFileSync(path, JSON.stringify({ info: { name: 'Tiny', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [{ name: 'Me', request: { url: '{{baseUrl}}/me' } }] }));
    fixture.dialogs.answer = path;
    await service.import();
    expect(fixture.reopen().list().collections.map((node) => [node.name, node.children.map((child) => child.request?.path)])).toEqual([['Tiny', ['me']]]);
  });

  it('returns imported: false and changes nothing when the dialog is cancelled', async () => {
    buildPayroll();
    const before = service.list();
    fixture.dialogs.answer = null;
    expect(await service.import()).toEqual({ imported: false, name: '', requests: 0, unmapped: [] });
    expect(service.list()).toEqual(before);
  });

  it('refuses a file that is not JSON', async () => {
    expect((await importFailure('{"info": {"name": "half')).message).toBe('incoming.json is not a valid JSON file, so it cannot be a collection. Nothing was imported.');
  });

  it('refuses JSON in an unknown format', async () => {
    expect((await importFailure(JSON.stringify({ hello: 'world' }))).message).toMatch(/^incoming\.json is not a collection this app can read\. Export it as Postman Collection v2\.1/);
    await importFailure('[1, 2, 3]');
  });

  it('refuses a Postman v1 file with advice', async () => {
    expect((await importFailure(JSON.stringify({ id: 'x', name: 'Old', order: [], requests: [] }))).message).toMatch(/Postman Collection v1 file.*export it as Collection v2\.1/);
  });

  it('refuses a file over 20 MB without reading it', async () => {
    const path = join(fixture.dir, 'big.json');
    writeFileSync(path, '{}');
    truncateSync(path, MAX_IMPORT_BYTES + 1);
    buildPayroll();
    const before = service.list();
    fixture.dialogs.answer = path;
    await expect(service.import()).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/^big\.json is 20\.0 MB; collection files can be at most 20 MB/) });
    expect(service.list()).toEqual(before);
  });

  it('refuses a native file from a newer app version, or a damaged one', async () => {
    const node = { id: 'a', kind: 'collection', name: 'N', description: '', variables: [], request: null, children: [] };
    expect((await importFailure(JSON.stringify({ format: NATIVE_FORMAT, version: 2, collection: node }))).message).toMatch(/newer version of Humanity API Explorer/);
    rmSync(fixture.dir, { recursive: true, force: true });
    fixture = collectionsFixture(createConfFactory());
    service = fixture.service;
    expect((await importFailure(JSON.stringify({ format: NATIVE_FORMAT, version: 1, collection: { ...node, kind: 'folder' } }))).message).toMatch(/damaged/);
  });

  it('refuses a file whose values exceed what the app can store', async () => {
    const tooMany = Array.from({ length: 2001 }, (_, index) => ({ key: `k${index}`, value: 'v' }));
    expect((await importFailure(JSON.stringify({ info: { name: 'Big', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [{ name: 'R', request: { url: { raw: 'x', query: tooMany } } }] }))).message).toMatch(/more items, or longer values, than the app can store/);
  });

  it('keeps the list of unmapped findings short', async () => {
    const items = Array.from({ length: 150 }, (_, index) => ({ name: `R${index}`, request: { url: 'x', header: [{ key: 'X-Custom', value: '1' }] } }));
    const path = join(fixture.dir, 'noisy.json');
    writeFileSync(path, JSON.stringify({ info: { name: 'Noisy', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: items }));
    fixture.dialogs.answer = path;
    const result = await service.import();
    expect(result.requests).toBe(150);
    expect(result.unmapped).toHaveLength(100);
    expect(result.unmapped.at(-1)).toBe('…and 51 more items that were not imported.');
  });
});

describe('collection import: files nested too deep, and access_token', () => {
  const LEVELS = 20_000;
  const POSTMAN_INFO = '{"name":"Deep","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}';

  it(`refuses a Postman collection with folders nested ${LEVELS} levels deep`, async () => {
    const item = nestedText(LEVELS, (inner) => `{"name":"F","item":[${inner}]}`, '{"name":"R","request":{"url":"me"}}');
    expect((await importFailure(`{"info":${POSTMAN_INFO},"item":[${item}]}`)).message).toBe(
      'incoming.json is nested too deeply to be a collection this app can read: folders go at most 32 levels deep. Nothing was imported.',
    );
  });

  it(`refuses a Postman collection whose name is an array nested ${LEVELS} levels deep`, async () => {
    await importFailure(`{"info":{"name":${nestedText(LEVELS, (inner) => `[${inner}]`, '1')}},"item":[]}`);
  });

  it(`refuses a native collection with folders nested ${LEVELS} levels deep`, async () => {
    const collection = `{"id":"c","kind":"collection","name":"Deep","description":"","variables":[],"request":null,"children":[${nestedText(LEVELS, folderText, folderText(''))}]}`;
    expect((await importFailure(`{"format":"${NATIVE_FORMAT}","version":1,"collection":${collection}}`)).message).toMatch(/^incoming\.json is nested too deeply/);
  });

  it('imports a native collection without its access_token parameters, fields and keys, and says how many went', async () => {
    const request = (name: string, details: SavedRequest) => ({ id: name, kind: 'request', name, description: '', variables: [], request: details, children: [] });
    const requests = [
      request('Query', getRequest('employees', { query: [{ name: 'Access_Token[x]', value: 'abc', enabled: true }, { name: 'id', value: '1', enabled: true }] })),
      request('Form', getRequest('shifts', { method: 'POST', body: { kind: 'form', fields: [{ name: 'access_token', value: 'abc', enabled: false }] } })),
      request('JSON', getRequest('shifts', { method: 'POST', body: { kind: 'json', text: '[{"access_token": "abc"}]' } })),
    ];
    const path = join(fixture.dir, 'hostile.json');
    writeFileSync(path, JSON.stringify({ format: NATIVE_FORMAT, version: 1, collection: { ...request('Hostile', getRequest('x')), kind: 'collection', request: null, children: requests } }));
    fixture.dialogs.answer = path;
    const result = await service.import();
    expect(result).toMatchObject({ imported: true, requests: 3 });
    expect(result.unmapped).toEqual(['Removed 3 query parameters, form fields or JSON body fields named access_token: the app sets access_token from your session.']);
    expect(service.list().collections[0]!.children.map((node) => node.request)).toEqual([
      getRequest('employees', { query: [{ name: 'id', value: '1', enabled: true }] }),
      getRequest('shifts', { method: 'POST', body: { kind: 'form', fields: [] } }),
      getRequest('shifts', { method: 'POST', body: { kind: 'json', text: '[\n  {}\n]' } }),
    ]);
  });
});
