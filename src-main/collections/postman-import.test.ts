// Postman v2.1 as three tools write it. The fixtures are written by hand after each tool's
// exporter: Postman's own app, an Insomnia v2.1 export (raw URL strings, `{{ _.var }}`
// placeholders, description objects) and Bruno's exporter (noauth everywhere, query both in the
// raw URL and as a list, a `type: default` variable for every placeholder it found).
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import type { CollectionNode } from '../shared/contract';
import { parseCollectionDocument } from './collection-files';
import { fromPostmanCollection } from './postman-import';
import { POSTMAN_SCHEMA_V21 } from './postman-format';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const postmanFile = {
  info: {
    _postman_id: '7d1c6c2e-3f0a-4b44-9a8e-1f2a3b4c5d6e',
    name: 'Humanity HR',
    description: { content: 'Calls for **HR**', type: 'text/markdown' },
    schema: POSTMAN_SCHEMA_V21,
  },
  auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
  event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: ['pm.environment.set("x", 1);'] } }],
  item: [
    {
      name: 'Employees',
      description: 'Staff calls',
      event: [{ listen: 'test', script: { exec: ['pm.test("ok", () => {});'] } }],
      item: [
        {
          name: 'List employees',
          request: {
            method: 'GET',
            header: [
              { key: 'Accept', value: 'application/json' },
              { key: 'X-Trace', value: '1' },
              { key: 'X-Off', value: '1', disabled: true },
            ],
            url: {
              raw: '{{baseUrl}}/employees?location={{location}}&deleted=1',
              host: ['{{baseUrl}}'],
              path: ['employees'],
              query: [
                { key: 'location', value: '{{location}}' },
                { key: 'deleted', value: '1', disabled: true },
              ],
            },
          },
          response: [{ name: 'Example', code: 200, body: '{}' }],
        },
        {
          name: 'Employee',
          request: {
            method: 'GET',
            url: { raw: '{{baseUrl}}/employees/:employeeId', host: ['{{baseUrl}}'], path: ['employees', ':employeeId'], variable: [{ key: 'employeeId', value: '' }] },
          },
        },
        {
          name: 'Nested',
          item: [{ name: 'Deeper', item: [{ name: 'Leave types', request: { method: 'get', url: '{{baseUrl}}/leave/types' } }] }],
        },
      ],
    },
    {
      name: 'Create shift',
      request: {
        method: 'POST',
        auth: { type: 'noauth' },
        header: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
        body: {
          mode: 'urlencoded',
          urlencoded: [
            { key: 'start_time', value: '{{today}} 09:00', type: 'text' },
            { key: 'title', value: 'Draft', type: 'text', disabled: true },
          ],
        },
        url: { raw: 'https://www.humanity.com/api/v2/shifts', protocol: 'https', host: ['www', 'humanity', 'com'], path: ['api', 'v2', 'shifts'] },
      },
    },
    {
      name: 'Upload',
      request: {
        method: 'POST',
        body: {
          mode: 'formdata',
          formdata: [
            { key: 'employee', value: '5', type: 'text' },
            { key: 'photo', type: 'file', src: '/home/me/photo.png' },
          ],
        },
        url: { raw: '{{baseUrl}}/employees/5/photo' },
      },
    },
    { name: 'Graph', request: { method: 'POST', body: { mode: 'graphql', graphql: { query: '{ me }' } }, url: '{{baseUrl}}/graphql' } },
    { name: 'Elsewhere', request: { method: 'GET', url: 'https://api.example.com/v1/users?active=true' } },
    { name: 'Head check', request: { method: 'HEAD', url: '{{baseUrl}}/me' } },
  ],
  variable: [
    { key: 'baseUrl', value: 'https://www.humanity.com/api/v2' },
    { key: 'location', value: '12', type: 'string' },
    { key: 'apiToken', value: 'do-not-keep', type: 'secret' },
    { key: 'today', value: 'shadowed' },
    { key: 'off', value: 'x', disabled: true },
  ],
};

const insomniaFile = {
  info: { name: 'Insomnia workspace', schema: POSTMAN_SCHEMA_V21, description: { content: 'Exported from Insomnia' } },
  item: [
    {
      name: 'Reports',
      item: [
        {
          name: 'Timesheets',
          request: {
            method: 'GET',
            url: '{{ _.base_url }}/reports/timesheets?start_date={{ _.startOfMonth }}&end_date={{ _.endOfMonth }}&type=hours%20worked',
            description: { content: 'Monthly timesheets' },
            header: [],
          },
        },
        {
          name: 'Update employee',
          request: {
            method: 'PUT',
            url: { raw: '{{ _.base_url }}/employees/{{ _.employee_id }}' },
            body: { mode: 'raw', raw: '{"notes": "{{ _.note }}"}', options: { raw: { language: 'json' } } },
          },
        },
      ],
    },
  ],
  variable: [
    { key: 'base_url', value: 'https://www.humanity.com/api/v2' },
    { key: 'employee_id', value: '77' },
  ],
};

const brunoFile = {
  info: { name: 'Bruno collection', description: undefined, schema: POSTMAN_SCHEMA_V21 },
  item: [
    {
      name: 'Shifts',
      item: [
        {
          name: 'Shifts this week',
          request: {
            method: 'GET',
            header: [],
            auth: { type: 'noauth' },
            description: '',
            url: {
              raw: '{{baseUrl}}/shifts?start_date={{startOfWeek}}&end_date={{endOfWeek}}',
              protocol: '',
              host: ['{{baseUrl}}'],
              path: ['shifts?start_date={{startOfWeek}}&end_date={{endOfWeek}}'],
              query: [
                { key: 'start_date', value: '{{startOfWeek}}', description: '' },
                { key: 'end_date', value: '{{endOfWeek}}', description: '' },
              ],
              variable: [],
            },
          },
        },
        {
          name: 'Clock in',
          request: {
            method: 'POST',
            header: [{ key: 'Content-Type', value: 'application/json', disabled: false, type: 'default' }],
            auth: { type: 'noauth' },
            description: 'Clocks the employee in',
            url: { raw: '{{baseUrl}}/timeclocks/clockin', protocol: '', host: ['{{baseUrl}}'], path: ['timeclocks', 'clockin'], query: [], variable: [] },
            body: { mode: 'raw', raw: '{\n  "employee": {{employeeId}}\n}', options: { raw: { language: 'json' } } },
          },
        },
        {
          name: 'Empty body',
          request: { method: 'POST', header: [], auth: { type: 'noauth' }, description: '', url: { raw: '{{baseUrl}}/ping', host: ['{{baseUrl}}'], path: ['ping'] }, body: { mode: 'raw', raw: '' } },
        },
      ],
    },
  ],
  variable: [
    { key: 'baseUrl', value: '', type: 'default' },
    { key: 'startOfWeek', value: '', type: 'default' },
    { key: 'endOfWeek', value: '', type: 'default' },
    { key: 'employeeId', value: '', type: 'default' },
  ],
};

const child = (node: CollectionNode, ...names: string[]): CollectionNode =>
  names.reduce((current, name) => {
    const found = current.children.find((entry) => entry.name === name);
    if (!found) throw new Error(`no "${name}" in "${current.name}"`);
    return found;
  }, node);

function allIds(node: CollectionNode): string[] {
  return [node.id, ...node.children.flatMap(allIds)];
}

describe('Postman v2.1 import: a Postman export', () => {
  const { collection, unmapped } = parseCollectionDocument(structuredClone(postmanFile), 'hr.json');

  it('keeps the name, a markdown description and fresh ids', () => {
    expect(collection).toMatchObject({ kind: 'collection', name: 'Humanity HR', description: 'Calls for **HR**' });
    const ids = allIds(collection);
    expect(ids.every((id) => ID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(postmanFile.info._postman_id);
  });

  it('maps nested folders and their requests', () => {
    expect(collection.children.map((node) => [node.kind, node.name])).toEqual([
      ['folder', 'Employees'],
      ['request', 'Create shift'],
      ['request', 'Upload'],
      ['request', 'Graph'],
      ['request', 'Elsewhere'],
    ]);
    expect(child(collection, 'Employees').description).toBe('Staff calls');
    expect(child(collection, 'Employees', 'Nested', 'Deeper', 'Leave types').request).toEqual({ method: 'GET', path: 'leave/types', query: [], body: { kind: 'none' } });
  });

  it('takes the query list with its disabled rows and a path relative to /api/v2/', () => {
    expect(child(collection, 'Employees', 'List employees').request).toEqual({
      method: 'GET',
      path: 'employees',
      query: [
        { name: 'location', value: '{{location}}', enabled: true },
        { name: 'deleted', value: '1', enabled: false },
      ],
      body: { kind: 'none' },
    });
    expect(child(collection, 'Create shift').request!.path).toBe('shifts');
    expect(child(collection, 'Employees', 'Employee').request!.path).toBe('employees/{{employeeId}}');
  });

  it('maps urlencoded bodies and the text fields of form-data bodies', () => {
    expect(child(collection, 'Create shift').request!.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'start_time', value: '{{today}} 09:00', enabled: true },
        { name: 'title', value: 'Draft', enabled: false },
      ],
    });
    expect(child(collection, 'Upload').request!.body).toEqual({ kind: 'form', fields: [{ name: 'employee', value: '5', enabled: true }] });
  });

  it('keeps collection variables, but not the host variable, secret values or reserved names', () => {
    expect(collection.variables).toEqual([
      { name: 'location', value: '12', enabled: true },
      { name: 'apiToken', value: '', enabled: true },
      { name: 'off', value: 'x', enabled: false },
    ]);
  });

  it('lists everything it could not map, in short sentences', () => {
    expect(unmapped).toEqual([
      'The collection: bearer authentication not imported; the app signs every request with your session.',
      'The collection: pre-request script not imported.',
      'Folder "Employees": test script not imported.',
      'Request "List employees": header X-Trace not imported.',
      'Request "List employees": 1 saved example response not imported.',
      'Request "Upload": the file field "photo" was not imported.',
      'Request "Graph": the GraphQL body was not imported; only JSON and form bodies are.',
      'Request "Elsewhere": api.example.com is not a Humanity host, so only the path was imported.',
      'Request "Head check": the method HEAD is not supported, so the request was not imported.',
      'Variable "baseUrl" was not imported: requests go to the Humanity host you signed in to.',
      'Variable "apiToken": its secret value was not imported; enter it in an environment.',
      'Variable "today" was not imported: the name is reserved for a built-in date.',
    ]);
    expect(child(collection, 'Elsewhere').request).toMatchObject({ path: 'v1/users', query: [{ name: 'active', value: 'true', enabled: true }] });
  });
});

describe('Postman v2.1 import: an Insomnia export', () => {
  const { collection, unmapped } = parseCollectionDocument(structuredClone(insomniaFile), 'insomnia.json');

  it('reads raw URL strings: host variable, path and query parsed from the text', () => {
    expect(child(collection, 'Reports', 'Timesheets')).toMatchObject({
      description: 'Monthly timesheets',
      request: {
        method: 'GET',
        path: 'reports/timesheets',
        query: [
          { name: 'start_date', value: '{{startOfMonth}}', enabled: true },
          { name: 'end_date', value: '{{endOfMonth}}', enabled: true },
          { name: 'type', value: 'hours worked', enabled: true },
        ],
        body: { kind: 'none' },
      },
    });
  });

  it('turns {{ _.name }} into {{name}} in paths, bodies and keeps the other variables', () => {
    expect(child(collection, 'Reports', 'Update employee').request).toEqual({
      method: 'PUT',
      path: 'employees/{{employee_id}}',
      query: [],
      body: { kind: 'json', text: '{"notes": "{{note}}"}' },
    });
    expect(collection.description).toBe('Exported from Insomnia');
    expect(collection.variables).toEqual([{ name: 'employee_id', value: '77', enabled: true }]);
    expect(unmapped).toEqual(['Variable "base_url" was not imported: requests go to the Humanity host you signed in to.']);
  });
});

describe('Postman v2.1 import: a Bruno export', () => {
  const { collection, unmapped } = parseCollectionDocument(structuredClone(brunoFile), 'bruno.json');

  it('takes the path from the raw URL, not from the path list Bruno fills with the query', () => {
    expect(child(collection, 'Shifts', 'Shifts this week').request).toEqual({
      method: 'GET',
      path: 'shifts',
      query: [
        { name: 'start_date', value: '{{startOfWeek}}', enabled: true },
        { name: 'end_date', value: '{{endOfWeek}}', enabled: true },
      ],
      body: { kind: 'none' },
    });
  });

  it('maps JSON bodies with unquoted placeholders and treats an empty raw body as none', () => {
    expect(child(collection, 'Shifts', 'Clock in')).toMatchObject({
      description: 'Clocks the employee in',
      request: { method: 'POST', path: 'timeclocks/clockin', body: { kind: 'json', text: '{\n  "employee": {{employeeId}}\n}' } },
    });
    expect(child(collection, 'Shifts', 'Empty body').request!.body).toEqual({ kind: 'none' });
  });

  it('keeps real variables, drops built-in names and noauth is not reported', () => {
    expect(collection.variables).toEqual([{ name: 'employeeId', value: '', enabled: true }]);
    expect(unmapped).toEqual([
      'Variable "baseUrl" was not imported: requests go to the Humanity host you signed in to.',
      'Variable "startOfWeek" was not imported: the name is reserved for a built-in date.',
      'Variable "endOfWeek" was not imported: the name is reserved for a built-in date.',
    ]);
  });
});

describe('Postman import: edge cases', () => {
  const single = (request: unknown, extra: Record<string, unknown> = {}) =>
    fromPostmanCollection({ info: { name: 'One', schema: POSTMAN_SCHEMA_V21 }, item: [{ name: 'R', request, ...extra }] });

  it('rebuilds a URL object without raw, and strips a bare Humanity host', () => {
    const rebuilt = single({ method: 'GET', url: { protocol: 'https', host: ['www', 'humanity', 'com'], path: ['api', 'v2', 'me'], query: [{ key: 'a', value: null }] } });
    expect(rebuilt.collection.children[0]!.request).toMatchObject({ path: 'me', query: [{ name: 'a', value: '', enabled: true }] });
    expect(rebuilt.unmapped).toEqual([]);
    expect(single({ url: 'www.humanity.com/api/v2/positions' }).collection.children[0]!.request!.path).toBe('positions');
    expect(single({ url: '/api/v2/positions' }).collection.children[0]!.request!.path).toBe('positions');
  });

  it('reads a request given as a bare URL string as a GET', () => {
    expect(single('{{baseUrl}}/me').collection.children[0]!.request).toEqual({ method: 'GET', path: 'me', query: [], body: { kind: 'none' } });
  });

  it('fills a path variable with its example value', () => {
    const mapped = single({ url: { raw: '{{baseUrl}}/shifts/:shiftId/notes', variable: [{ key: 'shiftId', value: '99' }] } });
    expect(mapped.collection.children[0]!.request!.path).toBe('shifts/99/notes');
  });

  it('takes raw bodies that look like JSON, and reports other raw languages', () => {
    expect(single({ url: 'x', body: { mode: 'raw', raw: ' [1, 2]' } }).collection.children[0]!.request!.body).toEqual({ kind: 'json', text: ' [1, 2]' });
    const xml = single({ url: 'x', body: { mode: 'raw', raw: '<a/>', options: { raw: { language: 'xml' } } } });
    expect(xml.collection.children[0]!.request!.body).toEqual({ kind: 'none' });
    expect(xml.unmapped).toEqual(['Request "R": the xml body was not imported; only JSON and form bodies are.']);
    expect(single({ url: 'x', body: { mode: 'file', file: { src: 'a.bin' } } }).unmapped).toEqual(['Request "R": the file body was not imported; only JSON and form bodies are.']);
  });

  it('reads v2.0 header strings and says when the schema is missing or unknown', () => {
    expect(single({ url: 'x', header: 'X-One: 1\nContent-Type: application/json' }).unmapped).toEqual(['Request "R": header X-One not imported.']);
    expect(fromPostmanCollection({ info: { name: 'N' }, item: [] }).unmapped).toEqual(['The file does not say which Postman schema it follows; it was read as Collection v2.1.']);
    expect(fromPostmanCollection({ info: { name: 'N', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' }, item: [] }).unmapped).toEqual([]);
    expect(fromPostmanCollection({ info: { name: 'N', schema: 'https://example.com/v9/collection.json' }, item: [] }).unmapped[0]).toMatch(/^The file follows the schema https:\/\/example\.com/);
  });

  it('names nameless items and skips entries that are neither folder nor request', () => {
    const mapped = fromPostmanCollection({ info: { schema: POSTMAN_SCHEMA_V21 }, item: [{ item: [] }, { request: { url: 'me' } }, { name: 'Odd' }, 'junk'] });
    expect(mapped.collection.name).toBe('Imported collection');
    expect(mapped.collection.children.map((node) => node.name)).toEqual(['Untitled folder', 'Untitled request']);
    expect(mapped.unmapped).toEqual([
      'An entry named "Odd" is neither a folder nor a request and was skipped.',
      'An entry named "(no name)" is neither a folder nor a request and was skipped.',
    ]);
  });

  it('refuses folders nested deeper than the app allows', () => {
    let item: Record<string, unknown> = { name: 'leaf', request: { url: 'me' } };
    for (let level = 0; level < 40; level += 1) item = { name: `F${level}`, item: [item] };
    let failure: unknown;
    try {
      fromPostmanCollection({ info: { name: 'Deep', schema: POSTMAN_SCHEMA_V21 }, item: [item] });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('invalid_file');
    expect((failure as AppError).message).toMatch(/nested more than 32 levels/);
  });
});

describe('Postman import: access_token is removed', () => {
  const request = (name: string, details: Record<string, unknown>) => ({ name, request: { method: 'POST', ...details } });
  const cleanJson = '{\n    "note": "access_token",\n    "id": {{employeeId}}\n}';
  const file = {
    info: { name: 'Hostile', schema: POSTMAN_SCHEMA_V21 },
    item: [
      request('Query list', {
        method: 'GET',
        url: {
          raw: '{{baseUrl}}/employees',
          query: [
            { key: 'access_token', value: '{{otherToken}}' },
            { key: 'fields', value: 'id' },
            { key: 'access_token[]', value: 'x', disabled: true },
          ],
        },
      }),
      request('Raw query', { method: 'GET', url: '{{baseUrl}}/employees?access%5Ftoken=abc&id=1' }),
      request('Urlencoded', { url: 'shifts', body: { mode: 'urlencoded', urlencoded: [{ key: 'ACCESS_TOKEN', value: 'abc' }, { key: 'name', value: 'Ada' }] } }),
      request('Form-data', { url: 'shifts', body: { mode: 'formdata', formdata: [{ key: ' access_token ', value: 'abc', type: 'text' }] } }),
      request('JSON', {
        method: 'PUT',
        url: 'employees/1',
        body: { mode: 'raw', raw: '{"id": {{employeeId}}, "auth": {"access_token": "{{token}}", "keep": "{{x}}"}, "access_token[0]": "abc"}', options: { raw: { language: 'json' } } },
      }),
      request('Clean JSON', { url: 'employees', body: { mode: 'raw', raw: cleanJson } }),
    ],
  };
  const { collection, unmapped } = parseCollectionDocument(structuredClone(file), 'hostile.json');

  it('drops query parameters, form fields and JSON keys named like access_token, disabled ones too', () => {
    expect(child(collection, 'Query list').request!.query).toEqual([{ name: 'fields', value: 'id', enabled: true }]);
    expect(child(collection, 'Raw query').request!.query).toEqual([{ name: 'id', value: '1', enabled: true }]);
    expect(child(collection, 'Urlencoded').request!.body).toEqual({ kind: 'form', fields: [{ name: 'name', value: 'Ada', enabled: true }] });
    expect(child(collection, 'Form-data').request!.body).toEqual({ kind: 'form', fields: [] });
  });

  it('rewrites a JSON body only when it held such a key, keeping its {{placeholders}}', () => {
    expect(child(collection, 'JSON').request!.body).toEqual({ kind: 'json', text: '{\n  "id": {{employeeId}},\n  "auth": {\n    "keep": "{{x}}"\n  }\n}' });
    expect(child(collection, 'Clean JSON').request!.body).toEqual({ kind: 'json', text: cleanJson });
  });

  it('says how many were removed, first in the report', () => {
    expect(unmapped[0]).toBe('Removed 7 query parameters, form fields or JSON body fields named access_token: the app sets access_token from your session.');
  });

  it('leaves a JSON body nested too deep to write back as it is, without running out of stack (sending refuses it)', () => {
    const raw = `${'{"a":'.repeat(20_000)}{"access_token": "abc"}${'}'.repeat(20_000)}`;
    const deep = parseCollectionDocument({ ...file, item: [request('Deep', { url: 'shifts', body: { mode: 'raw', raw } })] }, 'deep.json');
    expect(child(deep.collection, 'Deep').request!.body).toEqual({ kind: 'json', text: raw });
    expect(deep.unmapped).toEqual([]);
  });
});
