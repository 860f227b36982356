import { describe, expect, it } from 'vitest';
import { ancestorsOf, displayPath, EVERYTHING, expansionInput, isOpen, ONLY_ROOT, withAncestorsOpen, withOpen } from './treeExpansion';

describe('tree expansion', () => {
  it('opens and closes listed paths', () => {
    const open = withOpen(ONLY_ROOT, '/data', true);
    expect(open).toEqual({ all: false, expanded: ['', '/data'] });
    expect(withOpen(open, '/data', true)).toBe(open);
    expect(withOpen(open, '/data', false)).toEqual({ all: false, expanded: [''] });
    expect(expansionInput(open)).toEqual({ expanded: ['', '/data'] });
  });

  it('with expand all, closing a row lists it as collapsed', () => {
    const closed = withOpen(EVERYTHING, '/data/3', false);
    expect(closed).toEqual({ all: true, collapsed: ['/data/3'] });
    expect(isOpen(closed, '/data/3')).toBe(false);
    expect(isOpen(closed, '/data/4')).toBe(true);
    expect(withOpen(closed, '/data/3', true)).toEqual(EVERYTHING);
    expect(expansionInput(closed)).toEqual({ expanded: [], expandAll: true, collapsed: ['/data/3'] });
  });

  it('opens the ancestors of a hit', () => {
    expect(ancestorsOf('')).toEqual([]);
    expect(ancestorsOf('/data')).toEqual(['']);
    expect(ancestorsOf('/data/12/employees/0/name')).toEqual(['', '/data', '/data/12', '/data/12/employees', '/data/12/employees/0']);
    expect(withAncestorsOpen(ONLY_ROOT, '/data/12/id')).toEqual({ all: false, expanded: ['', '/data', '/data/12'] });
    expect(withAncestorsOpen({ all: true, collapsed: ['/data', '/x'] }, '/data/12/id')).toEqual({ all: true, collapsed: ['/x'] });
  });

  it('shows pointers in the path syntax of the search box', () => {
    expect(displayPath('')).toBe('$');
    expect(displayPath('/data/3/employees/0/name')).toBe('data[3].employees[0].name');
    expect(displayPath('/odd key/a~1b/~0t')).toBe('["odd key"]["a/b"]["~t"]');
  });
});
