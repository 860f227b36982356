import { describe, expect, it } from 'vitest';
import { CATALOG, endpointById, type CatalogEndpoint, type CatalogParam } from '@shared/catalog';
import { initialDraft, toSavedRequest, type Draft } from '../explorer/draft';
import { catalogEditor, hasUnkeptChanges, openedEditor } from '../explorer/editorState';
import {
  canPullRange,
  endpointDraft,
  fieldValue,
  keptEndpointId,
  matchEndpoint,
  pathValues,
  withFieldValue,
  withPathValue,
} from './catalogDraft';

const endpoint = (id: string): CatalogEndpoint => endpointById(id)!;
const param = (e: CatalogEndpoint, name: string): CatalogParam => e.params.find((p) => p.name === name)!;
const named = (draft: Draft) => toSavedRequest(draft).query.map(({ name, value, enabled }) => [name, value, enabled]);

describe('path templates', () => {
  it('reads placeholder values, an unfilled one as empty', () => {
    expect(pathValues('shifts/{id}', 'shifts/123')).toEqual({ id: '123' });
    expect(pathValues('shifts/{id}', 'shifts/{id}')).toEqual({ id: '' });
    expect(pathValues('shifts/{id}', 'shifts/{{shift}}')).toEqual({ id: '{{shift}}' });
    expect(pathValues('shifts/{id}', 'shifts/123/approve')).toBeNull();
    expect(pathValues('timeclocks/status/{employeeId}/{flag}', 'timeclocks/status/7/{flag}')).toEqual({ employeeId: '7', flag: '' });
  });

  it('fills one placeholder, keeping the others, commas and {{variables}} readable', () => {
    expect(withPathValue('shifts/{shiftIds}/tasks', 'shifts/{shiftIds}/tasks', 'shiftIds', '2413,2415')).toBe('shifts/2413,2415/tasks');
    expect(withPathValue('timeclocks/status/{employeeId}/{flag}', 'timeclocks/status/7/{flag}', 'flag', '1')).toBe('timeclocks/status/7/1');
    expect(withPathValue('shifts/{id}', 'shifts/5', 'id', '')).toBe('shifts/{id}');
    expect(withPathValue('shifts/{id}', 'shifts/5', 'id', '{{shift}}')).toBe('shifts/{{shift}}');
    expect(withPathValue('employees/eid/{eid}', 'employees/eid/{eid}', 'eid', 'E 1/2')).toBe('employees/eid/E%201%2F2');
  });
});

describe('recognising an endpoint', () => {
  it('prefers an exact path to a template, and matches the method', () => {
    expect(matchEndpoint('GET', 'shifts')?.id).toBe('get-shifts');
    expect(matchEndpoint('POST', 'shifts')?.id).toBe('create-shift');
    expect(matchEndpoint('GET', 'shifts/publish')?.id).toBe('publish-shifts');
    expect(matchEndpoint('GET', 'shifts/77')?.id).toBe('get-shift');
    expect(matchEndpoint('GET', 'nothing/here')).toBeNull();
    expect(matchEndpoint('GET', '  ')).toBeNull();
  });

  it('every catalog entry is recognised from its own template', () => {
    for (const entry of CATALOG) expect(matchEndpoint(entry.method, entry.path)?.path).toBe(entry.path);
  });

  it('keeps the endpoint while the draft follows it and forgets it after', () => {
    const editor = catalogEditor(endpoint('get-shift'));
    expect(keptEndpointId(editor.endpointId, { ...editor.draft, path: 'shifts/12' })).toBe('get-shift');
    expect(keptEndpointId(editor.endpointId, { ...editor.draft, path: 'shifts/12/approve' })).toBeNull();
    expect(keptEndpointId(editor.endpointId, { ...editor.draft, method: 'DELETE' })).toBeNull();
  });

  it('an opened saved request shows its builder', () => {
    const opened = openedEditor({ method: 'GET', path: 'shifts', query: [], body: { kind: 'none' } }, null);
    expect(opened.endpointId).toBe('get-shifts');
  });
});

describe('a draft for an endpoint', () => {
  it('has the method, template, required rows and body type, and counts as kept', () => {
    for (const entry of CATALOG) {
      const draft = endpointDraft(entry);
      expect(draft.method).toBe(entry.method);
      expect(draft.path).toBe(entry.path);
      const required = entry.params.filter((p) => p.in === 'query' && p.required).map((p) => p.name);
      expect(draft.query.filter((row) => row.name).map((row) => row.name)).toEqual(required);
      if (entry.method !== 'GET' && entry.bodyFormat !== 'none') expect(draft.bodyKind).toBe(entry.bodyFormat);
      if (entry.bodyFormat === 'json') expect(() => JSON.parse(draft.json)).not.toThrow();
      expect(hasUnkeptChanges(catalogEditor(entry))).toBe(false);
    }
  });
});

describe('builder fields', () => {
  const shifts = endpoint('get-shifts');

  it('set, change and clear query rows', () => {
    let draft = endpointDraft(shifts);
    draft = withFieldValue(shifts, draft, param(shifts, 'start_date'), '2026-03-01')!;
    draft = withFieldValue(shifts, draft, param(shifts, 'end_date'), '2026-03-28')!;
    draft = withFieldValue(shifts, draft, param(shifts, 'mode'), 'overview')!;
    expect(named(draft)).toEqual([
      ['start_date', '2026-03-01', true],
      ['end_date', '2026-03-28', true],
      ['mode', 'overview', true],
    ]);
    expect(fieldValue(shifts, draft, param(shifts, 'mode'))).toBe('overview');
    draft = withFieldValue(shifts, draft, param(shifts, 'mode'), 'open')!;
    expect(named(draft)[2]).toEqual(['mode', 'open', true]);
    draft = withFieldValue(shifts, draft, param(shifts, 'mode'), '')!;
    expect(named(draft).map(([name]) => name)).toEqual(['start_date', 'end_date']);
    expect(fieldValue(shifts, draft, param(shifts, 'mode'))).toBe('');
  });

  it('re-enables a row the user disabled, and ignores disabled rows when reading', () => {
    let draft = withFieldValue(shifts, endpointDraft(shifts), param(shifts, 'mode'), 'open')!;
    draft = { ...draft, query: draft.query.map((row) => ({ ...row, enabled: false })) };
    expect(fieldValue(shifts, draft, param(shifts, 'mode'))).toBe('');
    draft = withFieldValue(shifts, draft, param(shifts, 'mode'), 'late')!;
    expect(named(draft)).toEqual([['mode', 'late', true]]);
  });

  it('keeps a required row when cleared', () => {
    const publish = endpoint('publish-shifts');
    let draft = withFieldValue(publish, endpointDraft(publish), param(publish, 'shifts'), '1,2')!;
    draft = withFieldValue(publish, draft, param(publish, 'shifts'), '')!;
    expect(named(draft)).toEqual([['shifts', '', true]]);
  });

  it('fills path placeholders and form fields', () => {
    const update = endpoint('update-shift');
    let draft = withFieldValue(update, endpointDraft(update), param(update, 'id'), '1205140')!;
    draft = withFieldValue(update, draft, param(update, 'add'), '1002')!;
    expect(toSavedRequest(draft)).toMatchObject({
      method: 'PUT',
      path: 'shifts/1205140',
      body: { kind: 'form', fields: [{ name: 'add', value: '1002', enabled: true }] },
    });
    expect(fieldValue(update, draft, param(update, 'id'))).toBe('1205140');
  });

  it('writes JSON body keys with their types, and refuses a body that is not an object', () => {
    const patch = endpoint('update-master-task');
    let draft = endpointDraft(patch);
    expect(JSON.parse(draft.json)).toEqual({});
    draft = withFieldValue(patch, draft, param(patch, 'positionIds'), '[62580, 62581]')!;
    draft = withFieldValue(patch, draft, param(patch, 'favorite'), 'true')!;
    draft = withFieldValue(patch, draft, param(patch, 'name'), 'Open the till')!;
    expect(JSON.parse(draft.json)).toEqual({ positionIds: [62580, 62581], favorite: true, name: 'Open the till' });
    expect(fieldValue(patch, draft, param(patch, 'positionIds'))).toBe('[62580,62581]');
    // Half-typed JSON stays text until it parses.
    draft = withFieldValue(patch, draft, param(patch, 'positionIds'), '[625')!;
    expect(JSON.parse(draft.json).positionIds).toBe('[625');
    draft = withFieldValue(patch, draft, param(patch, 'favorite'), '')!;
    expect('favorite' in JSON.parse(draft.json)).toBe(false);
    expect(withFieldValue(patch, { ...draft, json: '[1]' }, param(patch, 'name'), 'x')).toBeNull();
  });
});

describe('Pull range', () => {
  it('applies to GETs of date-window endpoints and to any GET with start_date and end_date', () => {
    const shifts = endpoint('get-shifts');
    expect(canPullRange(shifts, endpointDraft(shifts))).toBe(true);
    const plain = { ...initialDraft(), path: 'custom/thing' };
    expect(canPullRange(null, plain)).toBe(false);
    const dated = withFieldValue(shifts, withFieldValue(shifts, plain, param(shifts, 'start_date'), '2026-01-01')!, param(shifts, 'end_date'), '2026-02-01')!;
    expect(canPullRange(null, dated)).toBe(true);
    expect(canPullRange(null, { ...dated, method: 'POST' })).toBe(false);
  });
});
