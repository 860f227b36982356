import { describe, expect, it } from 'vitest';
import { NO_RESPONSE, newTab } from '../../state/tabsModel';
import { withPathText } from '../explorer/draft';
import { node, request } from '../collections/treeFixture';
import { blankEditor, openedEditor } from '../explorer/editorState';
import { tabViews } from './tabViews';

describe('tabViews', () => {
  it('names a saved request as the tree has it now, and marks unsaved tabs and running ones once shown as running', () => {
    const saved = newTab(openedEditor(request, { id: 's1', collectionId: 'c1', name: 'Old name' }));
    const blank = blankEditor();
    const typed = { ...newTab({ ...blank, draft: withPathText(blank.draft, 'shifts') }), response: { ...NO_RESPONSE, running: { requestId: 'r1', startedAt: 0, shown: true } } };
    const justSent = { ...saved, response: { ...NO_RESPONSE, running: { requestId: 'r2', startedAt: 0, shown: false } } };
    const views = tabViews([saved, typed, justSent], [node('s1', 'request')]);
    expect(views.map((view) => view.title)).toEqual(['S1', 'Untitled request', 'S1']);
    expect(views.map((view) => [view.unsaved, view.running])).toEqual([
      [false, false],
      [true, true],
      [false, false],
    ]);
    // Deleted from the tree: the name it was opened with.
    expect(tabViews([saved], [])[0]!.title).toBe('Old name');
  });
});
