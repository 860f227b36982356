import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import type { CollectionNode } from '../shared/contract';
import { createConfFactory } from '../testing/conf-factory';
import { MAX_DEPTH } from './collection-tree';
import { collectionsFixture, folderText, getRequest, nestedText, NOW } from './test-support';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

let fixture: ReturnType<typeof collectionsFixture>;
let service: ReturnType<typeof collectionsFixture>['service'];

beforeEach(() => {
  fixture = collectionsFixture(createConfFactory());
  service = fixture.service;
});

afterEach(() => rmSync(fixture.dir, { recursive: true, force: true }));

/** Runs a failing edit and returns its error, after checking that nothing changed. */
function refused(edit: () => unknown): AppError {
  const before = structuredClone(service.list());
  const onDisk = readFileSync(join(fixture.dir, 'collections.json'), 'utf8');
  try {
    edit();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(service.list()).toEqual(before);
    expect(readFileSync(join(fixture.dir, 'collections.json'), 'utf8')).toBe(onDisk);
    expect(error.message).toMatch(/^[A-Z"].*\.$/s);
    return error;
  }
  throw new Error('expected the edit to be refused');
}

const names = (nodes: CollectionNode[]) => nodes.map((node) => node.name);
const find = (id: string): CollectionNode => {
  const search = (nodes: CollectionNode[]): CollectionNode | undefined =>
    nodes.find((node) => node.id === id) ?? nodes.map((node) => search(node.children)).find(Boolean);
  const found = search(service.list().collections);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};

/** Payroll › Reports › "Hours" and Payroll › "Employees". */
function payroll() {
  const collection = service.create({ parentId: null, kind: 'collection', name: 'Payroll' }).id;
  const reports = service.create({ parentId: collection, kind: 'folder', name: 'Reports' }).id;
  const hours = service.saveRequest({ id: null, parentId: reports, name: 'Hours', description: 'Weekly hours', request: getRequest('reports/employee') }).id;
  const employees = service.saveRequest({ id: null, parentId: collection, name: 'Employees', description: '', request: getRequest('employees') }).id;
  return { collection, reports, hours, employees };
}

describe('collections: creating and saving', () => {
  it('creates collections at the top level and folders inside them, with short ids and trimmed names', () => {
    const created = service.create({ parentId: null, kind: 'collection', name: '  Payroll  ' });
    expect(created.id).toMatch(ID);
    const folder = service.create({ parentId: created.id, kind: 'folder', name: 'Reports' });
    const nested = service.create({ parentId: folder.id, kind: 'folder', name: 'Weekly' });
    const empty = { description: '', variables: [], request: null };
    expect(nested.collections).toEqual([
      {
        ...empty,
        id: created.id,
        kind: 'collection',
        name: 'Payroll',
        children: [{ ...empty, id: folder.id, kind: 'folder', name: 'Reports', children: [{ ...empty, id: nested.id, kind: 'folder', name: 'Weekly', children: [] }] }],
      },
    ]);
  });

  it('refuses blank names, folders at the top level, collections inside items and anything inside a request', () => {
    const { collection, hours } = payroll();
    expect(refused(() => service.create({ parentId: null, kind: 'collection', name: '   ' })).message).toBe('Enter a name for the collection.');
    expect(refused(() => service.create({ parentId: null, kind: 'folder', name: 'Loose' })).code).toBe('invalid_input');
    expect(refused(() => service.create({ parentId: collection, kind: 'collection', name: 'Inner' })).code).toBe('invalid_input');
    expect(refused(() => service.create({ parentId: hours, kind: 'folder', name: 'In a request' })).message).toMatch(/not into a request/);
    expect(refused(() => service.saveRequest({ id: null, parentId: hours, name: 'x', description: '', request: getRequest('x') })).code).toBe('invalid_input');
    expect(refused(() => service.create({ parentId: 'missing', kind: 'folder', name: 'x' })).code).toBe('not_found');
  });

  it('saves a new request into a folder, then saves over it, and saving into another folder moves it', () => {
    const { collection, reports, hours } = payroll();
    expect(find(hours)).toMatchObject({ kind: 'request', name: 'Hours', description: 'Weekly hours', request: getRequest('reports/employee'), children: [] });
    const edited = getRequest('reports/employee', { query: [{ name: 'start_date', value: '{{startOfWeek}}', enabled: true }] });
    const again = service.saveRequest({ id: hours, parentId: reports, name: ' Hours by week ', description: 'd', request: edited });
    expect(again.id).toBe(hours);
    expect(find(hours)).toMatchObject({ name: 'Hours by week', description: 'd', request: edited });
    expect(find(reports).children.map((child) => child.id)).toEqual([hours]);

    service.saveRequest({ id: hours, parentId: collection, name: 'Hours', description: '', request: edited });
    expect(find(reports).children).toEqual([]);
    expect(find(collection).children.at(-1)!.id).toBe(hours);
  });

  it('refuses to save a request over a folder or into a folder that is gone', () => {
    const { collection, reports } = payroll();
    expect(refused(() => service.saveRequest({ id: reports, parentId: collection, name: 'x', description: '', request: getRequest('x') })).message).toMatch(/is a folder, not a request/);
    expect(refused(() => service.saveRequest({ id: null, parentId: 'gone', name: 'x', description: '', request: getRequest('x') })).code).toBe('not_found');
    expect(refused(() => service.saveRequest({ id: null, parentId: reports, name: ' ', description: '', request: getRequest('x') })).message).toBe('Enter a name for the request.');
  });

  it(`nests folders at most ${MAX_DEPTH} levels deep`, () => {
    let parent = service.create({ parentId: null, kind: 'collection', name: 'Deep' }).id;
    for (let level = 2; level <= MAX_DEPTH; level += 1) parent = service.create({ parentId: parent, kind: 'folder', name: `Level ${level}` }).id;
    expect(refused(() => service.create({ parentId: parent, kind: 'folder', name: 'Too deep' })).message).toMatch(/at most 32 levels/);
    expect(refused(() => service.saveRequest({ id: null, parentId: parent, name: 'Too deep', description: '', request: getRequest('x') })).code).toBe('invalid_input');
  });
});

describe('collections: editing', () => {
  it('renames, describes and sets variables on a collection', () => {
    const { collection } = payroll();
    const variables = [{ name: 'location', value: '3', enabled: true }];
    service.update({ id: collection, name: ' Pay ', description: 'For payroll', variables });
    expect(find(collection)).toMatchObject({ name: 'Pay', description: 'For payroll', variables });
    service.update({ id: collection, description: '' });
    expect(find(collection)).toMatchObject({ name: 'Pay', description: '', variables });
  });

  it('refuses variables on folders, reserved variable names, blank names and unknown ids', () => {
    const { collection, reports } = payroll();
    expect(refused(() => service.update({ id: reports, variables: [{ name: 'a', value: 'b', enabled: true }] })).message).toMatch(/Only collections have variables/);
    expect(refused(() => service.update({ id: collection, variables: [{ name: 'endOfMonth-1m', value: 'b', enabled: true }] })).message).toBe(
      'The variable name "endOfMonth-1m" in the collection "Payroll" is reserved for a built-in date. Choose another name.',
    );
    expect(refused(() => service.update({ id: reports, name: '' })).message).toBe('Enter a name for the folder.');
    const missing = refused(() => service.update({ id: 'nope', name: 'x' }));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toMatch(/no longer exists/);
  });

  it('duplicates a folder deeply with new ids right after the original, leaving the original alone', () => {
    const { collection, reports, hours } = payroll();
    const original = structuredClone(find(reports));
    const copy = service.duplicate({ id: reports });
    expect(names(find(collection).children)).toEqual(['Reports', 'Reports copy', 'Employees']);
    const copied = find(copy.id);
    expect(copied.id).not.toBe(reports);
    expect(copied.children[0]).toMatchObject({ name: 'Hours', request: find(hours).request });
    expect(copied.children[0]!.id).not.toBe(hours);
    expect(copied.children[0]!.id).toMatch(ID);
    expect(find(reports)).toEqual(original);
  });

  it('duplicates a collection at the top level and keeps long names within 256 characters', () => {
    const long = service.create({ parentId: null, kind: 'collection', name: 'x'.repeat(256) }).id;
    const copy = service.duplicate({ id: long });
    expect(find(copy.id).name).toHaveLength(256);
    expect(find(copy.id).name.endsWith(' copy')).toBe(true);
    expect(service.list().collections.map((node) => node.id)).toEqual([long, copy.id]);
  });
});

describe('collections: moving', () => {
  it('reorders within a parent, the index counting after the node left its place', () => {
    const { collection, reports, employees } = payroll();
    service.move({ id: reports, parentId: collection, index: 1 });
    expect(find(collection).children.map((node) => node.id)).toEqual([employees, reports]);
    service.move({ id: reports, parentId: collection, index: 0 });
    expect(find(collection).children.map((node) => node.id)).toEqual([reports, employees]);
  });

  it('moves requests and folders between folders, clamping the index', () => {
    const { reports, employees, collection } = payroll();
    service.move({ id: employees, parentId: reports, index: 99 });
    expect(names(find(reports).children)).toEqual(['Hours', 'Employees']);
    const other = service.create({ parentId: null, kind: 'collection', name: 'Other' }).id;
    service.move({ id: reports, parentId: other, index: 0 });
    expect(find(collection).children).toEqual([]);
    expect(names(find(other).children)).toEqual(['Reports']);
  });

  it('reorders collections at the top level', () => {
    const a = service.create({ parentId: null, kind: 'collection', name: 'A' }).id;
    service.create({ parentId: null, kind: 'collection', name: 'B' });
    service.move({ id: a, parentId: null, index: 5 });
    expect(names(service.list().collections)).toEqual(['B', 'A']);
  });

  it('refuses moves into itself, into its own folders, into requests, of collections and to the top level', () => {
    const { collection, reports, hours, employees } = payroll();
    const inner = service.create({ parentId: reports, kind: 'folder', name: 'Inner' }).id;
    expect(refused(() => service.move({ id: reports, parentId: reports, index: 0 })).message).toMatch(/into itself or into one of its own folders/);
    expect(refused(() => service.move({ id: reports, parentId: inner, index: 0 })).message).toMatch(/into itself or into one of its own folders/);
    expect(refused(() => service.move({ id: employees, parentId: hours, index: 0 })).message).toMatch(/not into a request/);
    const other = service.create({ parentId: null, kind: 'collection', name: 'Other' }).id;
    expect(refused(() => service.move({ id: other, parentId: collection, index: 0 })).message).toMatch(/stays at the top level/);
    expect(refused(() => service.move({ id: reports, parentId: null, index: 0 })).code).toBe('invalid_input');
    expect(refused(() => service.move({ id: 'nope', parentId: collection, index: 0 })).code).toBe('not_found');
  });

  it('refuses a move that would nest deeper than the limit', () => {
    let deepest = service.create({ parentId: null, kind: 'collection', name: 'Deep' }).id;
    for (let level = 2; level <= MAX_DEPTH - 1; level += 1) deepest = service.create({ parentId: deepest, kind: 'folder', name: `L${level}` }).id;
    const { reports } = payroll(); // a folder holding a request: two levels
    expect(refused(() => service.move({ id: reports, parentId: deepest, index: 0 })).message).toMatch(/32 levels/);
  });
});

describe('collections: delete and undo', () => {
  it('deletes a folder with its requests and puts it back in the same place', () => {
    const { collection, reports } = payroll();
    const before = service.list();
    const removed = service.delete({ id: reports });
    expect(names(find(collection).children)).toEqual(['Employees']);
    expect(removed.undo).toEqual({ node: before.collections[0]!.children[0], parentId: collection, index: 0 });
    expect(service.search({ query: 'hours' }).hits).toEqual([]);
    expect(service.restore(removed.undo)).toEqual(before);
  });

  it('deletes and restores a whole collection', () => {
    payroll();
    const second = service.create({ parentId: null, kind: 'collection', name: 'Second' }).id;
    const before = service.list();
    const { undo } = service.delete({ id: before.collections[0]!.id });
    expect(undo.parentId).toBeNull();
    expect(service.list().collections.map((node) => node.id)).toEqual([second]);
    expect(service.restore(undo)).toEqual(before);
  });

  it('refuses to restore twice, into a deleted folder, or a node that breaks the tree rules', () => {
    const { collection, reports, hours } = payroll();
    const { undo } = service.delete({ id: hours });
    service.restore(undo);
    expect(refused(() => service.restore(undo)).message).toMatch(/already back/);
    const request = service.delete({ id: hours }).undo;
    service.delete({ id: reports });
    expect(refused(() => service.restore(request)).code).toBe('not_found');
    const folderAtTop = { node: { ...find(collection).children[0]!, id: 'fresh1', kind: 'folder' as const, request: null }, parentId: null, index: 0 };
    expect(refused(() => service.restore(folderAtTop)).message).toMatch(/only collections may sit at the top level/);
  });
});

describe('collections: search and variables', () => {
  it('finds saved requests by name or path, ignoring case, with where they are', () => {
    const { hours, employees } = payroll();
    expect(service.search({ query: 'HOURS' }).hits).toEqual([{ id: hours, name: 'Hours', method: 'GET', path: 'reports/employee', location: 'Payroll › Reports' }]);
    expect(service.search({ query: 'employee' }).hits.map((hit) => hit.id)).toEqual([hours, employees]);
    expect(service.search({ query: 'employees' }).hits).toEqual([{ id: employees, name: 'Employees', method: 'GET', path: 'employees', location: 'Payroll' }]);
    expect(service.search({ query: 'Reports' }).hits.map((hit) => hit.id)).toEqual([hours]);
    expect(service.search({ query: '   ' }).hits).toEqual([]);
    expect(service.search({ query: 'nothing like it' }).hits).toEqual([]);
  });

  it('gives the variables of the collection that holds any of its items', () => {
    const { collection, reports, hours } = payroll();
    const variables = [{ name: 'location', value: '3', enabled: true }];
    service.update({ id: collection, variables });
    expect(service.variablesOf(collection)).toEqual(variables);
    expect(service.variablesOf(reports)).toEqual(variables);
    expect(service.variablesOf(hours)).toEqual(variables);
    expect(service.variablesOf('deleted')).toEqual([]);
  });
});

describe('collections: on disk', () => {
  it('keeps everything across a re-open, with schemaVersion 1 in the file', () => {
    payroll();
    const before = service.list();
    expect(fixture.reopen().list()).toEqual(before);
    const onDisk = JSON.parse(readFileSync(join(fixture.dir, 'collections.json'), 'utf8'));
    expect(onDisk).toEqual({ ...before, schemaVersion: 1 });
    expect(fixture.notices).toEqual([]);
  });

  it('sets a damaged file aside, says where, and starts with no collections', () => {
    const path = join(fixture.dir, 'collections.json');
    writeFileSync(path, '{"collections": [{"id": "a", "kind": "coll');
    const reopened = fixture.reopen();
    expect(reopened.list()).toEqual({ collections: [] });
    const aside = join(fixture.dir, `collections.corrupt-${NOW}.json`);
    expect(readFileSync(aside, 'utf8')).toBe('{"collections": [{"id": "a", "kind": "coll');
    expect(fixture.notices.at(-1)).toContain(aside);
    // The service works normally afterwards.
    reopened.create({ parentId: null, kind: 'collection', name: 'Fresh' });
    expect(fixture.reopen().list().collections.map((node) => node.name)).toEqual(['Fresh']);
  });

  it('sets aside a file that parses but breaks the tree rules (a request at the top level)', () => {
    const loose = { id: 'r1', kind: 'request', name: 'Loose', description: '', variables: [], request: getRequest('x'), children: [] };
    writeFileSync(join(fixture.dir, 'collections.json'), JSON.stringify({ collections: [loose], schemaVersion: 1 }));
    expect(fixture.reopen().list()).toEqual({ collections: [] });
    expect(readdirSync(fixture.dir).some((name) => name.startsWith('collections.corrupt-'))).toBe(true);
  });

  it('sets aside a stored file nested 20,000 levels deep instead of failing to start', () => {
    const collection = `{"id":"c","kind":"collection","name":"Deep","description":"","variables":[],"request":null,"children":[${nestedText(20_000, folderText, folderText(''))}]}`;
    writeFileSync(join(fixture.dir, 'collections.json'), `{"schemaVersion":1,"collections":[${collection}]}`);
    expect(fixture.reopen().list()).toEqual({ collections: [] });
    expect(fixture.notices.at(-1)).toMatch(/^Collections did not have the expected content, so it was set aside as /);
  });

  it('turns a failing write into a sentence and keeps the last good state', () => {
    const { collection } = payroll();
    const before = service.list();
    const path = join(fixture.dir, 'collections.json');
    rmSync(path);
    mkdirSync(path); // the file's place is taken: every write now fails
    let failure: unknown;
    try {
      service.create({ parentId: collection, kind: 'folder', name: 'Lost' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toMatch(/^Could not save collections to .*collections\.json/);
    expect(service.list()).toEqual(before);
  });
});
