// The renderer's one store: the state every screen shares (appState.ts) and the actions that
// change it, by part. Components read what they need through the selector hooks (hooks.ts) and
// call the actions directly, so no prop chain carries the session, settings, tabs or consent.
import type { WindowApi } from '@shared/contract';
import { api } from '../api';
import { initialAppState } from './appState';
import { createSessionActions } from './sessionActions';
import { createSettingsActions } from './settingsActions';
import { createStore } from './store';
import { createTabActions } from './tabActions';

export function createAppStore(windowApi: () => WindowApi) {
  const store = createStore(initialAppState());
  return {
    get: store.get,
    subscribe: store.subscribe,
    session: createSessionActions(store, windowApi),
    settings: createSettingsActions(store, windowApi),
    tabs: createTabActions(store, windowApi),
  };
}

export const appStore = createAppStore(api);
