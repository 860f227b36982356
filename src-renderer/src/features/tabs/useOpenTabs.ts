// The open tabs and panel sizes of the whole app: restored from the workspace file at start and
// saved back (debounced) whenever they change. Lives in the App, so a trip through the setup
// screen keeps them; responses are not saved, and are dropped when the session ends.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../../api';
import type { EditorState } from '../explorer/editorState';
import {
  activeTab,
  addTab,
  closeTab,
  cycle,
  fromWorkspace,
  initialTabs,
  isUntouched,
  NO_RESPONSE,
  openEditor,
  select,
  toWorkspace,
  updateTab,
  type OpenTab,
  type PanelSizes,
  type TabResponse,
  type TabsState,
} from './tabsModel';

const SAVE_DELAY_MS = 500;

export function useOpenTabs() {
  // The tabs live in a ref, changed only through `commit`, so that a change made right after
  // another (send, then open) always builds on it; the counter re-renders.
  const store = useRef<TabsState>(null);
  store.current ??= initialTabs();
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const commit = useCallback((next: TabsState) => {
    if (next === store.current) return;
    store.current = next;
    bump();
  }, []);
  const change = useCallback((step: (current: TabsState) => TabsState) => commit(step(store.current!)), [commit]);
  const [panelSizes, setPanelSizes] = useState<PanelSizes>({});
  // Nothing is saved before the file was read, so a slow read cannot be overwritten by the blank start.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let stale = false;
    void api()
      .workspace.get({})
      .then((result) => {
        if (stale) return;
        if (result.ok) {
          const restored = fromWorkspace(result.data);
          const current = store.current!;
          // Whatever was typed while the file was being read wins over it.
          if (restored && current.tabs.length === 1 && isUntouched(current.tabs[0]!)) commit(restored);
          setPanelSizes(result.data.panelSizes);
        }
        setLoaded(true);
      });
    return () => {
      stale = true;
    };
  }, [commit]);

  // ---- saving: the requests and sizes only, half a second after the last change ----
  const sizes = useRef(panelSizes);
  sizes.current = panelSizes;
  const savedText = useRef<string | null>(null);
  const save = useCallback(() => {
    const workspace = toWorkspace(store.current!, sizes.current);
    const text = JSON.stringify(workspace);
    if (text === savedText.current) return;
    savedText.current = text;
    void api().workspace.save(workspace);
  }, []);
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(save, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [loaded, version, panelSizes, save]);
  useEffect(() => {
    if (!loaded) return;
    window.addEventListener('pagehide', save);
    return () => window.removeEventListener('pagehide', save);
  }, [loaded, save]);

  const update = useCallback((id: string, step: (tab: OpenTab) => OpenTab) => change((current) => updateTab(current, id, step)), [change]);
  const state = store.current;

  return {
    tabs: state.tabs,
    activeId: state.activeId,
    active: activeTab(state),
    loaded,
    panelSizes,
    setPanelSize: useCallback((name: string, size: number) => setPanelSizes((current) => (current[name] === size ? current : { ...current, [name]: size })), []),
    /** The tab with this id as it is now (also between renders), or null once closed. */
    get: useCallback((id: string): OpenTab | null => store.current!.tabs.find((tab) => tab.id === id) ?? null, []),
    select: useCallback((id: string) => change((current) => select(current, id)), [change]),
    cycle: useCallback((step: 1 | -1) => change((current) => cycle(current, step)), [change]),
    /** A blank tab after the active one; returns its id. */
    add: useCallback((): string => {
      change((current) => addTab(current));
      return store.current!.activeId;
    }, [change]),
    close: useCallback((id: string) => change((current) => closeTab(current, id)), [change]),
    /**
     * Puts a request in a tab (the one holding it, the active one if untouched, or a new one);
     * returns that tab's id, or null when 50 tabs are open and none can take it.
     */
    open: useCallback(
      (editor: EditorState, response?: TabResponse): string | null => {
        const opened = openEditor(store.current!, editor, response);
        if (!opened) return null;
        commit(opened.state);
        return opened.tabId;
      },
      [commit],
    ),
    update,
    updateEditor: useCallback(
      (id: string, step: (editor: EditorState) => EditorState) =>
        update(id, (tab) => {
          const editor = step(tab.editor);
          return editor === tab.editor ? tab : { ...tab, editor };
        }),
      [update],
    ),
    updateResponse: useCallback(
      (id: string, step: (response: TabResponse) => TabResponse) => update(id, (tab) => ({ ...tab, response: step(tab.response) })),
      [update],
    ),
    /** After sign-out main has forgotten every response: so do the tabs. */
    clearResponses: useCallback(
      () => change((current) => ({ ...current, tabs: current.tabs.map((tab) => ({ ...tab, response: NO_RESPONSE, sent: false })) })),
      [change],
    ),
  };
}

export type OpenTabsModel = ReturnType<typeof useOpenTabs>;
