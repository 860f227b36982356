import { useState } from 'react';
import { api } from '../../api';
import { appStore } from '../../state/appStore';
import { activeTab, type TabResponse } from '../../state/tabsModel';
import { hasUnkeptChanges, type EditorState } from '../explorer/editorState';

/** A tab about to lose unsaved changes: closed, or (all MAX_TABS tabs open) given another request. */
export type Discard = { tabId: string; kind: 'close' } | { tabId: string; kind: 'replace'; editor: EditorState; response: TabResponse };

type Options = {
  /** The active tab is about to close (focus moves on). */
  beforeActiveCloses: () => void;
  /** A tab took another request in place of its own. */
  afterReplace: () => void;
};

/** Closing a tab, or replacing its request, asks first when that would lose unsaved changes. */
export function useDiscardGuard({ beforeActiveCloses, afterReplace }: Options) {
  const [pending, setPending] = useState<Discard | null>(null);
  const { tabs } = appStore;

  function forceClose(tabId: string) {
    const running = tabs.get(tabId)?.response.running;
    if (running) void api().request.cancel({ requestId: running.requestId });
    if (tabId === appStore.get().tabs.activeId) beforeActiveCloses();
    tabs.close(tabId);
  }

  function replace(tabId: string, editor: EditorState, response: TabResponse) {
    tabs.update(tabId, (tab) => ({ ...tab, editor, response, sent: false }));
    afterReplace();
  }

  return {
    pending,
    close(tabId: string) {
      const tab = tabs.get(tabId);
      if (!tab) return;
      if (hasUnkeptChanges(tab.editor)) setPending({ tabId, kind: 'close' });
      else forceClose(tabId);
    },
    /** All MAX_TABS tabs are open: the active one takes the request, once its unsaved work may go. */
    replaceActive(editor: EditorState, response: TabResponse) {
      const active = activeTab(appStore.get().tabs);
      if (hasUnkeptChanges(active.editor)) setPending({ tabId: active.id, kind: 'replace', editor, response });
      else replace(active.id, editor, response);
    },
    confirm() {
      setPending(null);
      if (!pending) return;
      if (pending.kind === 'close') forceClose(pending.tabId);
      else replace(pending.tabId, pending.editor, pending.response);
    },
    cancel: () => setPending(null),
  };
}

export type DiscardGuard = ReturnType<typeof useDiscardGuard>;
