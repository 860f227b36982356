// The tabs part of the store: the open requests and panel sizes of the whole app, restored from
// the workspace file at start and saved back (the requests and sizes, not the responses).
import type { WindowApi } from '@shared/contract';
import type { EditorState } from '../features/explorer/editorState';
import type { AppState } from './appState';
import type { Store } from './store';
import {
  addTab,
  closeTab,
  cycle,
  fromWorkspace,
  isUntouched,
  openEditor,
  select,
  toWorkspace,
  updateTab,
  type OpenTab,
  type TabResponse,
  type TabsState,
} from './tabsModel';

export function createTabActions(store: Store<AppState>, api: () => WindowApi) {
  const change = (step: (tabs: TabsState) => TabsState) =>
    store.set((state) => {
      const tabs = step(state.tabs);
      return tabs === state.tabs ? state : { ...state, tabs };
    });
  const update = (id: string, step: (tab: OpenTab) => OpenTab) => change((tabs) => updateTab(tabs, id, step));
  let restoring: Promise<void> | null = null;
  let savedText: string | null = null;

  return {
    /** The tab with this id as it is now (also between renders), or null once closed. */
    get: (id: string): OpenTab | null => store.get().tabs.tabs.find((tab) => tab.id === id) ?? null,
    select: (id: string) => change((tabs) => select(tabs, id)),
    cycle: (step: 1 | -1) => change((tabs) => cycle(tabs, step)),
    /** A blank tab after the active one, made active. */
    add: () => change((tabs) => addTab(tabs)),
    close: (id: string) => change((tabs) => closeTab(tabs, id)),
    /**
     * Puts a request in a tab (the one holding it, the active one if untouched, or a new one);
     * returns that tab's id, or null when MAX_TABS are open and none can take it.
     */
    open(editor: EditorState, response?: TabResponse): string | null {
      const opened = openEditor(store.get().tabs, editor, response);
      if (!opened) return null;
      change(() => opened.state);
      return opened.tabId;
    },
    update,
    updateEditor: (id: string, step: (editor: EditorState) => EditorState) =>
      update(id, (tab) => {
        const editor = step(tab.editor);
        return editor === tab.editor ? tab : { ...tab, editor };
      }),
    updateResponse: (id: string, step: (response: TabResponse) => TabResponse) => update(id, (tab) => ({ ...tab, response: step(tab.response) })),
    setPanelSize: (name: string, size: number) =>
      store.set((state) => (state.panelSizes[name] === size ? state : { ...state, panelSizes: { ...state.panelSizes, [name]: size } })),

    /** Reads the workspace file, once however often it is asked. */
    restore(): Promise<void> {
      restoring ??= api()
        .workspace.get({})
        .then((result) =>
          store.set((state) => {
            if (!result.ok) return { ...state, workspaceLoaded: true };
            const restored = fromWorkspace(result.data);
            // Whatever was typed while the file was being read wins over it.
            const keep = !restored || state.tabs.tabs.length !== 1 || !isUntouched(state.tabs.tabs[0]!);
            return { ...state, tabs: keep ? state.tabs : restored, panelSizes: result.data.panelSizes, workspaceLoaded: true };
          }),
        );
      return restoring;
    },
    /** Writes the requests and sizes, when they changed since the last write and the file was read. */
    save() {
      const { tabs, panelSizes, workspaceLoaded } = store.get();
      if (!workspaceLoaded) return;
      const workspace = toWorkspace(tabs, panelSizes);
      const text = JSON.stringify(workspace);
      if (text === savedText) return;
      savedText = text;
      void api().workspace.save(workspace);
    },
  };
}
