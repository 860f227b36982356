// What the editor holds: the draft, the saved request it came from (if any) and the version of
// the request that is kept somewhere, so the app can tell whether closing it would lose work.
import type { CatalogEndpoint } from '@shared/catalog';
import type { SavedRequest } from '@shared/contract';
import { endpointDraft, matchEndpoint } from '../catalog/catalogDraft';
import { fromSavedRequest, initialDraft, sameRequest, toSavedRequest, type Draft } from './draft';

/** The collection request the editor holds; Save overwrites it. */
export type Origin = { id: string; collectionId: string; name: string };

export type EditorState = {
  draft: Draft;
  origin: Origin | null;
  /**
   * The request as it is kept: the saved version for a collection request, otherwise the last one
   * sent or opened from history (history keeps it) or the blank request.
   */
  baseline: SavedRequest;
  /**
   * The catalog endpoint the request calls, while its method and path follow that endpoint's
   * template: the builder shows its fields. Forgotten once the user edits them elsewhere.
   */
  endpointId: string | null;
};

export function blankEditor(): EditorState {
  const draft = initialDraft();
  return { draft, origin: null, baseline: toSavedRequest(draft), endpointId: null };
}

/** A saved (collection or history) request in the editor; a catalogued one shows its builder. */
export function openedEditor(request: SavedRequest, origin: Origin | null): EditorState {
  const draft = fromSavedRequest(request);
  // Compared in the editor's own normal form, so an opened request is not "changed" by opening it.
  return { draft, origin, baseline: toSavedRequest(draft), endpointId: matchEndpoint(request.method, request.path)?.id ?? null };
}

/**
 * A new, unsaved request for a catalog endpoint. Untouched, it counts as kept: picking another
 * endpoint right away does not ask to discard it.
 */
export function catalogEditor(endpoint: CatalogEndpoint): EditorState {
  const draft = endpointDraft(endpoint);
  return { draft, origin: null, baseline: toSavedRequest(draft), endpointId: endpoint.id };
}

/** True when the draft holds something that is not kept in a collection or the history. */
export function hasUnkeptChanges(editor: EditorState): boolean {
  return !sameRequest(toSavedRequest(editor.draft), editor.baseline);
}
