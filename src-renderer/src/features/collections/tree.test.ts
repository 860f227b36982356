import { describe, expect, it } from 'vitest';
import { breadcrumb, containerChoices, countRequests, findNode, pathTo, placeOf, visibleItems } from './tree';
import { node } from './treeFixture';

const roots = [
  node('hr', 'collection', [node('reports', 'folder', [node('weekly', 'folder', [node('r1', 'request')]), node('r2', 'request')]), node('r3', 'request')]),
  node('ops', 'collection'),
];

describe('collections tree helpers', () => {
  it('finds a node, its ancestors and its place', () => {
    expect(pathTo(roots, 'r1')?.map((n) => n.id)).toEqual(['hr', 'reports', 'weekly', 'r1']);
    expect(findNode(roots, 'r2')?.name).toBe('R2');
    expect(findNode(roots, 'nope')).toBeNull();
    expect(placeOf(roots, 'r3')).toEqual({ parent: roots[0], index: 1 });
    expect(placeOf(roots, 'ops')).toEqual({ parent: null, index: 1 });
  });

  it('lists containers depth first with breadcrumbs, leaving out a folder and its insides', () => {
    expect(containerChoices(roots).map((c) => [c.label, c.depth, c.collectionId])).toEqual([
      ['HR', 0, 'hr'],
      ['HR › REPORTS', 1, 'hr'],
      ['HR › REPORTS › WEEKLY', 2, 'hr'],
      ['OPS', 0, 'ops'],
    ]);
    expect(containerChoices(roots, 'reports').map((c) => c.id)).toEqual(['hr', 'ops']);
  });

  it('shows only the children of expanded containers', () => {
    expect(visibleItems(roots, new Set(['hr'])).map((i) => [i.node.id, i.depth])).toEqual([
      ['hr', 0],
      ['reports', 1],
      ['r3', 1],
      ['ops', 0],
    ]);
    expect(visibleItems(roots, new Set(['hr', 'reports', 'weekly'])).map((i) => i.parentId)).toEqual([
      null, 'hr', 'reports', 'weekly', 'reports', 'hr', null,
    ]);
  });

  it('counts requests and joins breadcrumbs', () => {
    expect(countRequests(roots[0]!)).toBe(3);
    expect(breadcrumb(pathTo(roots, 'weekly')!)).toBe('HR › REPORTS › WEEKLY');
  });
});
