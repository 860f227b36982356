// The renderer's only door to the main process: the preload exposes `window.api`, built from the
// IPC contract. Every method resolves to a Result and never throws.
import type { WindowApi } from '@shared/contract';

declare global {
  interface Window {
    api: WindowApi;
  }
}

/** Read lazily so a test harness may install `window.api` at any time before the first call. */
export function api(): WindowApi {
  return window.api;
}
