// The `collections` channel: the tree the sidebar shows, its edits (tree-edits.ts), search
// (collection-search.ts) and files in and out (collection-transfer.ts). Every edit works on a copy
// of the tree and is written whole, so a failed write leaves both the file and what the app shows
// unchanged.
import type { CollectionNode, Handlers, NameValue } from '../shared/contract';
import type { NativeDialogs } from '../ports/native';
import type { StoreContext } from '../store/document-store';
import { countRequests, locate } from './collection-tree';
import { searchRequests } from './collection-search';
import { exportCollection, pickCollectionFile } from './collection-transfer';
import { openCollectionsStore } from './collections-store';
import { addContainer, duplicateIn, find, moveIn, removeFrom, restoreIn, saveRequestIn, updateNode } from './tree-edits';

export interface CollectionsServiceDeps {
  ctx: StoreContext;
  dialogs: NativeDialogs;
}

export function createCollectionsService({ ctx, dialogs }: CollectionsServiceDeps) {
  const store = openCollectionsStore(ctx);
  const view = () => ({ collections: store.read().collections });

  /** Applies `edit` to a copy of the tree and saves it; nothing changes when `edit` throws. */
  function change<T>(edit: (roots: CollectionNode[]) => T): T {
    const roots = structuredClone(store.read().collections);
    const result = edit(roots);
    store.write({ collections: roots });
    return result;
  }
  /** An edit whose answer is the tree as it now is. */
  const edited = (edit: (roots: CollectionNode[]) => void) => {
    change(edit);
    return view();
  };

  // The edit runs first (property order), so each answer shows the tree it left.
  return {
    list: view,
    create: (input) => ({ id: change((roots) => addContainer(roots, input).id), ...view() }),
    update: (input) => edited((roots) => updateNode(roots, input)),
    saveRequest: (input) => ({ id: change((roots) => saveRequestIn(roots, input)), ...view() }),
    duplicate: ({ id }) => ({ id: change((roots) => duplicateIn(roots, id)), ...view() }),
    move: (input) => edited((roots) => moveIn(roots, input)),
    delete: ({ id }) => ({ undo: change((roots) => removeFrom(roots, id)), ...view() }),
    restore: (input) => edited((roots) => restoreIn(roots, input)),
    search: ({ query }) => ({ hits: searchRequests(store.read().collections, query) }),
    export: async ({ id, format }) => exportCollection(dialogs, find(store.read().collections, id).node, format),

    /** Adds the chosen file's collection with fresh ids; a file that cannot be read changes nothing. */
    async import() {
      const picked = await pickCollectionFile(dialogs);
      if (!picked) return { imported: false, name: '', requests: 0, unmapped: [] };
      const { collection, unmapped } = picked;
      change((roots) => roots.push(collection));
      return { imported: true, name: collection.name, requests: countRequests(collection), unmapped };
    },

    /** The variables of the collection that holds `nodeId`; none when it is gone (the request still sends). */
    variablesOf(nodeId: string): NameValue[] {
      const found = locate(store.read().collections, nodeId);
      return found ? (found.ancestors[0] ?? found.node).variables : [];
    },
  } satisfies Handlers['collections'] & { variablesOf(nodeId: string): NameValue[] };
}

export type CollectionsService = ReturnType<typeof createCollectionsService>;
