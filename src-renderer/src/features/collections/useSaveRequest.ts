import { useState } from 'react';
import { api } from '../../api';
import { appStore } from '../../state/appStore';
import { useTab } from '../../state/hooks';
import type { OpenTab } from '../../state/tabsModel';
import { toSavedRequest } from '../explorer/draft';
import type { TabMessages } from '../tabs/useTabMessage';
import type { SaveTarget } from './SaveRequestDialog';
import { savedPlace } from './savedPlace';
import { pathTo } from './tree';
import type { CollectionsModel } from './useCollections';

/**
 * Save (Ctrl+S): a saved request is overwritten where it is; any other opens the Save dialog,
 * which names it and picks its folder (save-new). Either says "Saved" in the tab's header.
 */
export function useSaveRequest(collections: CollectionsModel, messages: TabMessages) {
  const [dialogTabId, setDialogTabId] = useState<string | null>(null);
  const dialogTab = useTab(dialogTabId);
  const { tabs } = appStore;

  async function save(tab: OpenTab) {
    const { path, node } = savedPlace(collections.roots, tab.editor);
    const parent = path?.at(-2);
    if (!node || !parent) return setDialogTabId(tab.id);
    const request = toSavedRequest(tab.editor.draft);
    const result = await collections.run(
      api().collections.saveRequest({ id: node.id, parentId: parent.id, name: node.name, description: node.description, request }),
    );
    if (!result.ok) return messages.say(tab.id, 'error', result.error.message);
    tabs.updateEditor(tab.id, (current) => (current.origin?.id === node.id ? { ...current, baseline: request } : current));
    messages.say(tab.id, 'status', 'Saved');
  }

  /** Resolves to an error sentence, or null once saved. */
  async function saveNew(target: SaveTarget): Promise<string | null> {
    const tab = dialogTabId ? tabs.get(dialogTabId) : null;
    if (!tab) return 'The request was closed.';
    let parentId: string;
    if ('newCollection' in target) {
      const created = await collections.run(api().collections.create({ parentId: null, kind: 'collection', name: target.newCollection }));
      if (!created.ok) return created.error.message;
      parentId = created.data.id;
    } else parentId = target.parentId;
    const request = toSavedRequest(tab.editor.draft);
    const result = await collections.run(
      api().collections.saveRequest({ id: null, parentId, name: target.name, description: target.description, request }),
    );
    if (!result.ok) return result.error.message;
    const path = pathTo(result.data.collections, result.data.id) ?? [];
    tabs.updateEditor(tab.id, (current) => ({
      ...current,
      origin: { id: result.data.id, collectionId: path[0]?.id ?? parentId, name: target.name },
      baseline: request,
    }));
    messages.say(tab.id, 'status', 'Saved');
    return null;
  }

  return { save, saveNew, dialogTab, closeDialog: () => setDialogTabId(null) };
}

export type SaveRequestModel = ReturnType<typeof useSaveRequest>;
