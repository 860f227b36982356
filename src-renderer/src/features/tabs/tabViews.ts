import type { CollectionNode } from '@shared/contract';
import { tabTitle, type OpenTab } from '../../state/tabsModel';
import { savedPlace } from '../collections/savedPlace';
import { hasUnkeptChanges } from '../explorer/editorState';
import type { TabView } from './TabStrip';

/** What the strip shows of each tab; a saved request is named as the tree has it now. */
export function tabViews(tabs: readonly OpenTab[], roots: readonly CollectionNode[]): TabView[] {
  return tabs.map((tab) => ({
    id: tab.id,
    method: tab.editor.draft.method,
    title: tabTitle(tab.editor, tab.editor.origin ? savedPlace(roots, tab.editor).node?.name : null),
    unsaved: hasUnkeptChanges(tab.editor),
    running: tab.response.running?.shown === true,
  }));
}
