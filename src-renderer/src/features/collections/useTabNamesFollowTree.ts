import { useEffect } from 'react';
import { appStore } from '../../state/appStore';
import { useTabEditors } from '../../state/hooks';
import { pathTo } from './tree';
import type { CollectionsModel } from './useCollections';

/** Renames in the tree reach the tabs holding those requests (and so the workspace file). */
export function useTabNamesFollowTree({ roots, loaded }: CollectionsModel) {
  const editors = useTabEditors();
  useEffect(() => {
    if (!loaded) return;
    for (const tab of appStore.get().tabs.tabs) {
      const held = tab.editor.origin;
      const node = held ? pathTo(roots, held.id)?.at(-1) : null;
      if (held && node && node.name !== held.name) {
        appStore.tabs.updateEditor(tab.id, (current) => (current.origin ? { ...current, origin: { ...current.origin, name: node.name } } : current));
      }
    }
  }, [roots, loaded, editors]);
}
