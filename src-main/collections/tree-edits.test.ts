// The tree edits on plain arrays, without a store: each changes the roots it is given or throws
// a sentence (collections-service.test.ts covers them saved, with the copy-and-write rule).
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import type { CollectionNode } from '../shared/contract';
import { MAX_DEPTH } from './collection-tree';
import { addContainer, duplicateIn, moveIn, removeFrom, restoreIn, saveRequestIn, updateNode } from './tree-edits';
import { getRequest } from './test-support';

function payroll() {
  const roots: CollectionNode[] = [];
  const collection = addContainer(roots, { parentId: null, kind: 'collection', name: ' Payroll ' });
  const folder = addContainer(roots, { parentId: collection.id, kind: 'folder', name: 'Reports' });
  const hours = saveRequestIn(roots, { id: null, parentId: folder.id, name: 'Hours', description: '', request: getRequest('reports/employee') });
  return { roots, collection, folder, hours };
}

const names = (nodes: CollectionNode[]): unknown => nodes.map((node) => (node.children.length ? [node.name, names(node.children)] : node.name));

function refusal(edit: () => unknown): string {
  try {
    edit();
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('tree edits', () => {
  it('adds collections at the top, folders and requests inside, with trimmed names', () => {
    const { roots, collection } = payroll();
    expect(collection.name).toBe('Payroll');
    expect(names(roots)).toEqual([['Payroll', [['Reports', ['Hours']]]]]);
  });

  it('refuses a folder at the top level and a collection inside another item', () => {
    const { roots, collection } = payroll();
    expect(refusal(() => addContainer(roots, { parentId: null, kind: 'folder', name: 'F' }))).toMatch(/has to be inside a collection/);
    expect(refusal(() => addContainer(roots, { parentId: collection.id, kind: 'collection', name: 'C' }))).toMatch(/always at the top level/);
    expect(refusal(() => addContainer(roots, { parentId: null, kind: 'collection', name: '   ' }))).toBe('Enter a name for the collection.');
  });

  it('overwrites a saved request and moves it when saved into another folder', () => {
    const { roots, collection, hours } = payroll();
    saveRequestIn(roots, { id: hours, parentId: collection.id, name: 'Hours v2', description: 'd', request: getRequest('reports/v2') });
    expect(names(roots)).toEqual([['Payroll', ['Reports', 'Hours v2']]]);
  });

  it('renames, duplicates after the original, moves, removes and restores', () => {
    const { roots, collection, folder, hours } = payroll();
    updateNode(roots, { id: folder.id, name: 'Weekly' });
    const copy = duplicateIn(roots, hours);
    expect(names(roots)).toEqual([['Payroll', [['Weekly', ['Hours', 'Hours copy']]]]]);
    moveIn(roots, { id: copy, parentId: collection.id, index: 0 });
    expect(names(roots)).toEqual([['Payroll', ['Hours copy', ['Weekly', ['Hours']]]]]);
    const undo = removeFrom(roots, folder.id);
    expect(undo).toMatchObject({ parentId: collection.id, index: 1 });
    expect(names(roots)).toEqual([['Payroll', ['Hours copy']]]);
    restoreIn(roots, undo);
    expect(names(roots)).toEqual([['Payroll', ['Hours copy', ['Weekly', ['Hours']]]]]);
    expect(refusal(() => restoreIn(roots, undo))).toMatch(/already back/);
  });

  it('refuses variables on a folder, a move into itself, and nesting past the limit', () => {
    const { roots, folder } = payroll();
    expect(refusal(() => updateNode(roots, { id: folder.id, variables: [] }))).toMatch(/Only collections have variables/);
    const inner = addContainer(roots, { parentId: folder.id, kind: 'folder', name: 'Inner' });
    expect(refusal(() => moveIn(roots, { id: folder.id, parentId: inner.id, index: 0 }))).toMatch(/into itself or into one of its own folders/);
    let parent = inner.id;
    for (let depth = 4; depth <= MAX_DEPTH; depth += 1) parent = addContainer(roots, { parentId: parent, kind: 'folder', name: `L${depth}` }).id;
    expect(refusal(() => addContainer(roots, { parentId: parent, kind: 'folder', name: 'Too deep' }))).toMatch(/at most 32 levels/);
  });

  it('says an item is gone when its id is unknown', () => {
    const { roots } = payroll();
    expect(refusal(() => duplicateIn(roots, 'gone'))).toMatch(/no longer exists/);
  });
});
