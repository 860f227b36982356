import type { CollectionNode, RequestInput } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { appStore } from '../../state/appStore';
import { historyChanged } from '../../state/historyVersion';
import { SHOW_RUNNING_AFTER_MS } from '../../state/tabsModel';
import { savedPlace } from '../collections/savedPlace';
import { sameRequest } from './draft';

/**
 * Each tab sends its own requests and keeps its own response. The history version changes after
 * every send, so the history list is read again.
 */
export function useSendRequest(roots: readonly CollectionNode[]) {
  const { tabs } = appStore;

  async function run(tabId: string, input: RequestInput) {
    const { requestId } = input;
    tabs.updateResponse(tabId, (response) => ({ ...response, running: { requestId, startedAt: Date.now(), shown: false }, error: null, note: null, tooLarge: null }));
    const show = setTimeout(
      () => tabs.updateResponse(tabId, (response) => (response.running?.requestId === requestId ? { ...response, running: { ...response.running, shown: true } } : response)),
      SHOW_RUNNING_AFTER_MS,
    );
    const result = await api().request.send(input);
    clearTimeout(show);
    // A failure keeps the last response: the user still sees what they had while reading the error.
    tabs.updateResponse(tabId, (response) =>
      response.running?.requestId !== input.requestId ? response
      : result.ok ? { ...response, running: null, summary: result.data }
      : { ...response, running: null, error: result.error.message, tooLarge: result.error.code === 'too_large' ? input : null },
    );
    if (!result.ok) reportError(result.error);
    historyChanged();
  }

  function send(tabId: string, input: RequestInput) {
    const tab = tabs.get(tabId);
    // One request at a time per tab, whether or not it is shown as running yet.
    if (!tab || tab.response.running) return;
    // Once sent, the request is kept in the history: it is no longer unsaved work.
    const { requestId: _, ...sent } = input;
    tabs.update(tabId, (current) => ({
      ...current,
      sent: true,
      // The same request sent again keeps its editor as it is, so the editor does not render again.
      editor: current.editor.origin || sameRequest(current.editor.baseline, sent) ? current.editor : { ...current.editor, baseline: sent },
    }));
    void run(tabId, { ...input, collectionId: savedPlace(roots, tab.editor).collectionId });
  }

  function cancel(tabId: string) {
    const running = tabs.get(tabId)?.response.running;
    if (running) void api().request.cancel({ requestId: running.requestId });
  }

  return { send, cancel };
}
