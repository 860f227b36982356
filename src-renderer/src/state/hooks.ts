// What components read from the store, one small selector each: a component re-renders only when
// the part it reads changes.
import { appStore } from './appStore';
import { confirmsWrites, type AppState } from './appState';
import { useStoreValue } from './store';
import { activeTab } from './tabsModel';

const useAppState = <T>(select: (state: AppState) => T): T => useStoreValue(appStore, select);

export const useAuthState = () => useAppState((state) => state.auth);
export const useAuthLoadError = () => useAppState((state) => state.authLoadError);
export const useSession = () => useAppState((state) => state.auth?.session ?? null);
export const useReauthOpen = () => useAppState((state) => state.reauthOpen);
export const useConfirmWrites = () => useAppState(confirmsWrites);
export const useSettings = () => useAppState((state) => state.settings);
export const useTabs = () => useAppState((state) => state.tabs);
export const useActiveTab = () => useAppState((state) => activeTab(state.tabs));
export const usePanelSizes = () => useAppState((state) => state.panelSizes);
export const useWorkspaceLoaded = () => useAppState((state) => state.workspaceLoaded);
