// Where the saved request a tab holds sits in the tree now (it may have been renamed, moved or
// deleted since it was opened), and what saving a new request proposes.
import { endpointById } from '@shared/catalog';
import type { CollectionNode } from '@shared/contract';
import { openedEditor, type EditorState } from '../explorer/editorState';
import { breadcrumb, pathTo } from './tree';

export type SavedPlace = {
  /** The saved request and its ancestors, outermost first; null when unsaved or no longer in the tree. */
  path: CollectionNode[] | null;
  node: CollectionNode | null;
  /** The collection whose variables the request uses. */
  collectionId: string | null;
};

export function savedPlace(roots: readonly CollectionNode[], editor: EditorState): SavedPlace {
  const path = editor.origin ? pathTo(roots, editor.origin.id) : null;
  return { path, node: path?.at(-1) ?? null, collectionId: path?.[0]?.id ?? editor.origin?.collectionId ?? null };
}

/** "Collection › Folder" of a saved request, a sentence once it left the tree, or null when unsaved. */
export function placeText(place: SavedPlace, editor: EditorState): string | null {
  if (place.path) return breadcrumb(place.path.slice(0, -1));
  return editor.origin ? 'No longer in a collection' : null;
}

/** A request of the tree in an editor of its own, or null for a folder. */
export function savedRequestEditor(roots: readonly CollectionNode[], node: CollectionNode): EditorState | null {
  if (!node.request) return null;
  const collectionId = pathTo(roots, node.id)?.[0]?.id ?? node.id;
  return openedEditor(node.request, { id: node.id, collectionId, name: node.name });
}

/** Where Save proposes to put a new request: the folder last used in the tree (a request's own folder). */
export function proposedFolder(roots: readonly CollectionNode[], treeActiveId: string | null): string | null {
  const path = treeActiveId ? pathTo(roots, treeActiveId) : null;
  const node = path?.at(-1);
  return node?.kind === 'request' ? (path?.at(-2)?.id ?? null) : (node?.id ?? null);
}

/** The name Save proposes: the catalog endpoint's title, else "METHOD path", else "New request". */
export function proposedName(editor: EditorState): string {
  const endpoint = editor.endpointId ? endpointById(editor.endpointId) : null;
  if (endpoint) return endpoint.title;
  const path = editor.draft.path.trim();
  return path ? `${editor.draft.method} ${path}` : 'New request';
}
