// The export must load in Postman's own library and mean the same there.
/// <reference path="../../node_modules/postman-collection/types/index.d.ts" />
import { Collection, ItemGroup, type Item, type PropertyList } from 'postman-collection';
import { describe, expect, it } from 'vitest';
import type { CollectionNode, SavedRequest } from '../shared/contract';
import { toPostmanCollection } from './postman-export';
import { POSTMAN_SCHEMA_V21 } from './postman-format';

const node = (kind: CollectionNode['kind'], id: string, name: string, extra: Partial<CollectionNode> = {}): CollectionNode => ({
  id,
  kind,
  name,
  description: '',
  variables: [],
  request: null,
  children: [],
  ...extra,
});
const request = (id: string, name: string, saved: SavedRequest, description = '') => node('request', id, name, { request: saved, description });

const shifts: SavedRequest = {
  method: 'GET',
  path: 'shifts',
  query: [
    { name: 'start_date', value: '{{startOfWeek}}', enabled: true },
    { name: 'end_date', value: '{{endOfWeek}}', enabled: true },
    { name: 'mode', value: 'overview', enabled: false },
  ],
  body: { kind: 'none' },
};
const createShift: SavedRequest = {
  method: 'POST',
  path: '/api/v2/shifts',
  query: [],
  body: {
    kind: 'form',
    fields: [
      { name: 'start_time', value: '{{today}} 09:00', enabled: true },
      { name: 'title', value: 'Draft', enabled: false },
    ],
  },
};
const updateEmployee: SavedRequest = { method: 'PUT', path: 'employees/{{employeeId}}', query: [], body: { kind: 'json', text: '{\n  "notes": "Moved to {{location}}"\n}' } };

const payroll = node('collection', 'col1', 'Payroll', {
  description: 'Weekly payroll calls',
  variables: [
    { name: 'employeeId', value: '42', enabled: true },
    { name: 'location', value: 'Berlin', enabled: false },
  ],
  children: [
    node('folder', 'fold1', 'Schedules', {
      description: 'Shift calls',
      children: [request('req1', 'This week', shifts, 'Shifts of this week'), node('folder', 'fold2', 'Empty', {})],
    }),
    request('req2', 'Create shift', createShift),
    request('req3', 'Update employee', updateEmployee),
  ],
});

// The library's bundled typings leave out some members, so rows and items are read through these.
type Pair = { key: string; value: string; disabled?: boolean };
const pairs = (list: PropertyList) => (list.all() as Pair[]).map(({ key, value, disabled }) => ({ key, value, disabled: disabled ?? false }));
const requestItems = (group: ItemGroup): Item[] =>
  (group.items.all() as Array<Item | ItemGroup>).flatMap((entry) => (ItemGroup.isItemGroup(entry) ? requestItems(entry as ItemGroup) : [entry as Item]));

function loaded() {
  const json = toPostmanCollection(payroll);
  // Through text, as a file would travel.
  const collection = new Collection(JSON.parse(JSON.stringify(json)));
  const requests = new Map(requestItems(collection).map((item) => [item.name, item]));
  return { json, collection, requests, plain: collection.toJSON() };
}

describe('Postman v2.1 export', () => {
  it('writes the info block with the v2.1 schema', () => {
    const { json, collection, plain } = loaded();
    expect(json.info).toEqual({ _postman_id: 'col1', name: 'Payroll', description: 'Weekly payroll calls', schema: POSTMAN_SCHEMA_V21 });
    expect(collection.name).toBe('Payroll');
    expect(collection.id).toBe('col1');
    expect(plain.info.description).toEqual({ content: 'Weekly payroll calls', type: 'text/plain' });
  });

  it('keeps the folder tree as Postman item groups', () => {
    const { collection, requests, plain } = loaded();
    const top = collection.items.all() as Array<Item | ItemGroup>;
    expect(top.map((entry) => [entry.name, ItemGroup.isItemGroup(entry)])).toEqual([['Schedules', true], ['Create shift', false], ['Update employee', false]]);
    const schedules = top[0] as ItemGroup;
    expect((schedules.items.all() as Item[]).map((entry) => entry.name)).toEqual(['This week', 'Empty']);
    expect(ItemGroup.isItemGroup(schedules.items.one('fold2'))).toBe(true);
    expect([...requests.keys()]).toEqual(['This week', 'Create shift', 'Update employee']);
    expect(plain.item[0].item[0].description).toEqual({ content: 'Shifts of this week', type: 'text/plain' });
  });

  it('builds URLs on {{baseUrl}} with the path under /api/v2/ and the query with disabled rows', () => {
    const { requests } = loaded();
    const week = requests.get('This week')!.request;
    expect(week.method).toBe('GET');
    expect(week.url.getHost()).toBe('{{baseUrl}}');
    expect(week.url.getPath()).toBe('/shifts');
    expect(pairs(week.url.query)).toEqual([
      { key: 'start_date', value: '{{startOfWeek}}', disabled: false },
      { key: 'end_date', value: '{{endOfWeek}}', disabled: false },
      { key: 'mode', value: 'overview', disabled: true },
    ]);
    expect(week.url.toString()).toBe('{{baseUrl}}/shifts?start_date={{startOfWeek}}&end_date={{endOfWeek}}');
    // A path typed with /api/v2/ in front is not doubled.
    expect(requests.get('Create shift')!.request.url.getPath()).toBe('/shifts');
  });

  it('writes urlencoded and raw JSON bodies', () => {
    const { requests } = loaded();
    const form = requests.get('Create shift')!.request;
    expect(form.method).toBe('POST');
    expect(form.body!.mode).toBe('urlencoded');
    expect(pairs(form.body!.urlencoded)).toEqual([
      { key: 'start_time', value: '{{today}} 09:00', disabled: false },
      { key: 'title', value: 'Draft', disabled: true },
    ]);
    const json = requests.get('Update employee')!.request;
    expect(json.method).toBe('PUT');
    expect(json.body!.mode).toBe('raw');
    expect(json.body!.raw).toBe('{\n  "notes": "Moved to {{location}}"\n}');
    expect(json.body!.toJSON().options).toEqual({ raw: { language: 'json' } });
    expect(requests.get('This week')!.request.body).toBeUndefined();
  });

  it('carries the collection variables and a baseUrl pointing at Humanity', () => {
    const { collection } = loaded();
    expect(collection.variables.get('baseUrl')).toBe('https://www.humanity.com/api/v2');
    expect(collection.variables.get('employeeId')).toBe('42');
    expect(collection.variables.one('location')!.disabled).toBe(true);
    expect(collection.toJSON().variable.map((variable: { key: string }) => variable.key)).toEqual(['baseUrl', 'employeeId', 'location']);
  });

  it('keeps a baseUrl the collection defines itself', () => {
    const own = toPostmanCollection({ ...payroll, variables: [{ name: 'baseUrl', value: 'https://eu.humanity.com/api/v2', enabled: true }] });
    expect(own.variable).toEqual([{ key: 'baseUrl', value: 'https://eu.humanity.com/api/v2', disabled: false }]);
  });

  it('survives a round trip through the library without losing requests', () => {
    const { json, plain: again } = loaded();
    expect(again.item).toHaveLength(json.item.length);
    expect(again.info.schema).toBe(POSTMAN_SCHEMA_V21);
    expect(JSON.stringify(again)).not.toMatch(/access_token|client_secret|password/i);
  });
});
