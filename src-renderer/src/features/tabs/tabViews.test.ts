import { describe, expect, it } from 'vitest';
import { NO_RESPONSE, newTab } from '../../state/tabsModel';
import { withPathText } from '../explorer/draft';
import { node, request } from '../collections/treeFixture';
import { blankEditor, openedEditor } from '../explorer/editorState';
import { tabViews } from './tabViews';

describe('tabViews', () => {
  it('names a saved request as the tree has it now, and marks unsaved and running tabs', () => {
    const saved = newTab(openedEditor(request, { id: 's1', collectionId: 'c1', name: 'Old name' }));
    const blank = blankEditor();
    const typed = { ...newTab({ ...blank, draft: withPathText(blank.draft, 'shifts') }), response: { ...NO_RESPONSE, running: { requestId: 'r1', startedAt: 0 } } };
    const views = tabViews([saved, typed], [node('s1', 'request')]);
    expect(views.map((view) => view.title)).toEqual(['S1', 'Untitled request']);
    expect(views.map((view) => [view.unsaved, view.running])).toEqual([
      [false, false],
      [true, true],
    ]);
    // Deleted from the tree: the name it was opened with.
    expect(tabViews([saved], [])[0]!.title).toBe('Old name');
  });
});
