import { useState } from 'react';
import type { RequestInput } from '@shared/contract';
import { api } from '../../api';
import { appStore } from '../../state/appStore';
import { useConfirmWrites, useSession, useSettings } from '../../state/hooks';
import { pendingWrite, type PendingWrite } from './pendingWrite';

type Send = (tabId: string, input: RequestInput) => void;

/**
 * A POST, PUT, PATCH or DELETE to a real account waits for "Confirm change", which names it as it
 * will be sent (variables filled in). The sandbox, "Don't ask again until I sign out" and
 * read-only mode (main refuses and says so) need no question.
 */
export function useWriteConfirmation(send: Send) {
  const sandbox = useSession()?.sandbox ?? false;
  const readOnly = useSettings()?.readOnly ?? false;
  const confirmWrites = useConfirmWrites();
  const [pending, setPending] = useState<{ tabId: string; input: RequestInput; write: PendingWrite } | null>(null);

  async function sendOrConfirm(tabId: string, input: RequestInput, collectionId: string | null) {
    if (input.method === 'GET' || sandbox || !confirmWrites || readOnly) return send(tabId, input);
    const { requestId: _, ...request } = input;
    const preview = await api().variables.preview({ request, collectionId });
    // A variable without a value stops the request in main, which says which: nothing to confirm.
    if (preview.ok && preview.data.unresolved.length > 0) return send(tabId, input);
    const write = preview.ok ? pendingWrite(input, preview.data.request, preview.data.url) : pendingWrite(input, request, `/api/v2/${request.path}`);
    setPending({ tabId, input, write });
  }

  function confirm(dontAskAgain: boolean) {
    setPending(null);
    if (!pending) return;
    if (dontAskAgain) appStore.session.stopConfirmingWrites();
    send(pending.tabId, pending.input);
  }

  return { write: pending?.write ?? null, sendOrConfirm, confirm, cancel: () => setPending(null) };
}

export type WriteConfirmation = ReturnType<typeof useWriteConfirmation>;
