// Keeps the store in step with main while the App is mounted: the auth state, the settings and
// the workspace file.
import { useEffect } from 'react';
import { api } from '../api';
import { appStore } from './appStore';
import { useActiveTabId, usePanelSizes, useSession, useTabEditors, useWorkspaceLoaded } from './hooks';

/** The session bar's expiry and refresh info stay current at this pace while signed in. */
const AUTH_POLL_MS = 10_000;
/** The workspace file is written this long after the last change of the tabs or sizes. */
const SAVE_DELAY_MS = 500;

export function useStoreSync() {
  useAuthSync();
  useSettingsSync();
  useWorkspaceFile();
}

/**
 * useStoreSync as a component of its own that draws nothing, so what it reads (every tab's editor,
 * changed by each send) renders it alone, not the App around it (docs/architecture.md, "The
 * renderer's store").
 */
export function StoreSync(): null {
  useStoreSync();
  return null;
}

/** Read at start, at once when main says the session changed by itself, and polled while signed in. */
function useAuthSync() {
  const { refresh } = appStore.session;
  useEffect(() => {
    void refresh();
    // Not through the command registry: this must arrive even while a dialog is open.
    return api().events?.onCommand((command) => {
      if (command === 'session-changed' || command === 'session-renewed') void refresh();
    });
  }, [refresh]);

  const signedIn = useSession() !== null;
  useEffect(() => {
    if (!signedIn) return;
    const timer = setInterval(() => void refresh(), AUTH_POLL_MS);
    return () => clearInterval(timer);
  }, [signedIn, refresh]);
}

/** Read at start (the theme applies on the setup screen too) and again at each sign-in and sign-out. */
function useSettingsSync() {
  const signedIn = useSession() !== null;
  useEffect(() => {
    void appStore.settings.load();
  }, [signedIn]);
}

/** Restored at start; saved half a second after the last change, and when the page goes away. */
function useWorkspaceFile() {
  const { restore, save } = appStore.tabs;
  const loaded = useWorkspaceLoaded();
  // The file keeps the requests, not the responses: an answer arriving is no change to save.
  const editors = useTabEditors();
  const activeId = useActiveTabId();
  const panelSizes = usePanelSizes();
  useEffect(() => void restore(), [restore]);
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(save, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [loaded, editors, activeId, panelSizes, save]);
  useEffect(() => {
    window.addEventListener('pagehide', save);
    return () => window.removeEventListener('pagehide', save);
  }, [save]);
}
