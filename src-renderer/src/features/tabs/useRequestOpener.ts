import type { CollectionNode, HistoryEntry } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { appStore } from '../../state/appStore';
import { NO_RESPONSE, type TabResponse } from '../../state/tabsModel';
import { savedRequestEditor } from '../collections/savedPlace';
import { openedEditor, type EditorState } from '../explorer/editorState';
import type { DiscardGuard } from './useDiscardGuard';

const HISTORY_NOT_KEPT = 'The response to this history entry was not kept. Send the request again to see a response.';

/**
 * Opens a request in the tab holding it, the active tab if untouched, else a new tab; with all
 * MAX_TABS tabs open, in the active tab once its unsaved work may go (the discard guard asks).
 */
export function useRequestOpener(guard: DiscardGuard, afterOpen: () => void) {

  function open(editor: EditorState, response: TabResponse = NO_RESPONSE) {
    if (appStore.tabs.open(editor, response)) afterOpen();
    else guard.replaceActive(editor, response);
  }

  return {
    open,
    openSaved(roots: readonly CollectionNode[], node: CollectionNode) {
      const editor = savedRequestEditor(roots, node);
      if (editor) open(editor);
    },
    /** Resolves to an error sentence, or null once the entry is in a tab with its kept response. */
    async openHistory(entry: HistoryEntry): Promise<string | null> {
      const result = await api().history.open({ id: entry.id });
      if (!result.ok) {
        reportError(result.error);
        return result.error.message;
      }
      const { request, summary } = result.data;
      open(openedEditor(request, null), summary ? { ...NO_RESPONSE, summary } : { ...NO_RESPONSE, note: HISTORY_NOT_KEPT });
      return null;
    },
  };
}
