import { describe, expect, it } from 'vitest';
import { CATALOG } from '@shared/catalog';
import { withPathText } from '../explorer/draft';
import { blankEditor, catalogEditor, openedEditor } from '../explorer/editorState';
import { placeText, proposedFolder, proposedName, savedPlace, savedRequestEditor } from './savedPlace';
import { node, request } from './treeFixture';

const roots = [node('hr', 'collection', [node('reports', 'folder', [node('r1', 'request')])]), node('ops', 'collection')];

describe('savedPlace', () => {
  it('finds the saved request where the tree has it now', () => {
    const editor = savedRequestEditor(roots, node('r1', 'request'))!;
    const place = savedPlace(roots, editor);
    expect(place.node?.id).toBe('r1');
    expect(place.collectionId).toBe('hr');
    expect(placeText(place, editor)).toBe('HR › REPORTS');
  });

  it('says so once the saved request left the tree, and keeps its collection for variables', () => {
    const editor = openedEditor(request, { id: 'gone', collectionId: 'hr', name: 'Gone' });
    const place = savedPlace(roots, editor);
    expect(place).toEqual({ path: null, node: null, collectionId: 'hr' });
    expect(placeText(place, editor)).toBe('No longer in a collection');
  });

  it('has no place for an unsaved request, and opens no folder', () => {
    const editor = blankEditor();
    expect(placeText(savedPlace(roots, editor), editor)).toBeNull();
    expect(savedRequestEditor(roots, roots[0]!)).toBeNull();
  });
});

describe('what Save proposes', () => {
  it('puts a new request in the folder last used, or beside the request last used', () => {
    expect(proposedFolder(roots, 'reports')).toBe('reports');
    expect(proposedFolder(roots, 'r1')).toBe('reports');
    expect(proposedFolder(roots, null)).toBeNull();
    expect(proposedFolder(roots, 'gone')).toBeNull();
  });

  it('names it after its endpoint, its method and path, or "New request"', () => {
    const endpoint = CATALOG[0]!;
    expect(proposedName(catalogEditor(endpoint))).toBe(endpoint.title);
    const typed = blankEditor();
    expect(proposedName({ ...typed, draft: withPathText(typed.draft, ' employees ') })).toBe('GET employees');
    expect(proposedName(blankEditor())).toBe('New request');
  });
});
