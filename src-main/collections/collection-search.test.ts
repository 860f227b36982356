import { describe, expect, it } from 'vitest';
import type { CollectionNode } from '../shared/contract';
import { searchRequests } from './collection-search';
import { getRequest } from './test-support';

const node = (id: string, kind: CollectionNode['kind'], name: string, children: CollectionNode[] = [], path = ''): CollectionNode => ({
  id,
  kind,
  name,
  description: '',
  variables: [],
  request: kind === 'request' ? getRequest(path) : null,
  children,
});

const roots = [
  node('c', 'collection', 'Payroll', [node('f', 'folder', 'Reports', [node('h', 'request', 'Hours', [], 'reports/employee')]), node('e', 'request', 'Employees', [], 'employees')]),
  node('c2', 'collection', 'Empty'),
];

describe('searchRequests', () => {
  it('finds requests by name or path, ignoring case, in tree order, with where they sit', () => {
    expect(searchRequests(roots, 'EMPLOYEE')).toEqual([
      { id: 'h', name: 'Hours', method: 'GET', path: 'reports/employee', location: 'Payroll › Reports' },
      { id: 'e', name: 'Employees', method: 'GET', path: 'employees', location: 'Payroll' },
    ]);
  });

  it('matches requests only, never folders or collections, and nothing for a blank query', () => {
    expect(searchRequests(roots, 'Reports').map((hit) => hit.id)).toEqual(['h']);
    expect(searchRequests(roots, 'payroll')).toEqual([]);
    expect(searchRequests(roots, '  ')).toEqual([]);
  });
});
