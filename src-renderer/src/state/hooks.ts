// What components read from the store, one small selector each: a component re-renders only when
// the part it reads changes. An answer changes one tab's response: only what reads that response
// (or every tab, like the strip) renders again (docs/architecture.md, "The renderer's store").
import type { EditorState } from '../features/explorer/editorState';
import { appStore } from './appStore';
import { confirmsWrites, type AppState } from './appState';
import { sameItems, useStoreValue } from './store';
import { activeTab } from './tabsModel';

const useAppState = <T>(select: (state: AppState) => T, equal?: (a: T, b: T) => boolean): T => useStoreValue(appStore, select, equal);

export const useAuthState = () => useAppState((state) => state.auth);
export const useAuthLoadError = () => useAppState((state) => state.authLoadError);
export const useSession = () => useAppState((state) => state.auth?.session ?? null);
export const useReauthOpen = () => useAppState((state) => state.reauthOpen);
export const useConfirmWrites = () => useAppState(confirmsWrites);
export const useSettings = () => useAppState((state) => state.settings);
export const useTabs = () => useAppState((state) => state.tabs);
export const useActiveTabId = () => useAppState((state) => state.tabs.activeId);
export const useActiveEditor = () => useAppState((state) => activeTab(state.tabs).editor);
export const useActiveResponse = () => useAppState((state) => activeTab(state.tabs).response);
/** Whether the active tab's request is shown as running (tabsModel.ts, SHOW_RUNNING_AFTER_MS). */
export const useActiveRunning = () => useAppState((state) => activeTab(state.tabs).response.running?.shown === true);
/** The tab with this id (null when none is asked for, or it is closed). */
export const useTab = (id: string | null) => useAppState((state) => (id === null ? null : (state.tabs.tabs.find((tab) => tab.id === id) ?? null)));
/** Every open tab's editor, in order: what the workspace file and the tab names follow, not the responses. */
export const useTabEditors = () => useAppState((state) => state.tabs.tabs.map((tab): EditorState => tab.editor), sameItems);
export const usePanelSizes = () => useAppState((state) => state.panelSizes);
export const useWorkspaceLoaded = () => useAppState((state) => state.workspaceLoaded);
