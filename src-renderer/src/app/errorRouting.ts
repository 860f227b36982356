// Errors that change what the whole app shows (signed out, session ended) are handled by the
// store's session part, wherever the failing call was made; features report every failed call here.
import type { AppErrorView } from '@shared/contract';
import { appStore } from '../state/appStore';

/** Tells the store about a failed call; a plain function, usable from any handler or effect. */
export function reportError(error: AppErrorView): void {
  appStore.session.reportError(error);
}
