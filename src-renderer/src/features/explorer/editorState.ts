// What the editor holds: the draft, the saved request it came from (if any) and the version of
// the request that is kept somewhere, so the app can tell whether closing it would lose work.
import type { SavedRequest } from '../../../../src-main/shared/contract';
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
};

export function blankEditor(): EditorState {
  const draft = initialDraft();
  return { draft, origin: null, baseline: toSavedRequest(draft) };
}

/** A saved (collection or history) request in the editor. */
export function openedEditor(request: SavedRequest, origin: Origin | null): EditorState {
  const draft = fromSavedRequest(request);
  // Compared in the editor's own normal form, so an opened request is not "changed" by opening it.
  return { draft, origin, baseline: toSavedRequest(draft) };
}

/** True when the draft holds something that is not kept in a collection or the history. */
export function hasUnkeptChanges(editor: EditorState): boolean {
  return !sameRequest(toSavedRequest(editor.draft), editor.baseline);
}
