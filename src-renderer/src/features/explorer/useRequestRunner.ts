import { useState } from 'react';
import type { RequestInput, ResponseSummary } from '../../../../src-main/shared/contract';
import { api } from '../../api';
import { useReportError } from '../../app/errorRouting';

export type RunningRequest = { requestId: string; startedAt: number };

/**
 * Sends one request at a time and keeps the last response. A failure does not clear the last
 * response: the user still sees what they had while reading the error.
 */
export function useRequestRunner(onSettled: () => void) {
  const reportError = useReportError();
  const [running, setRunning] = useState<RunningRequest | null>(null);
  const [summary, setSummary] = useState<ResponseSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Says why no response is shown, e.g. for a history entry whose body was not kept. */
  const [note, setNote] = useState<string | null>(null);

  async function send(input: RequestInput) {
    setRunning({ requestId: input.requestId, startedAt: Date.now() });
    setError(null);
    setNote(null);
    const result = await api().request.send(input);
    setRunning(null);
    if (result.ok) setSummary(result.data);
    else {
      setError(result.error.message);
      reportError(result.error);
    }
    onSettled();
  }

  /** Shows a response main kept (a history entry's), or says that it was not kept. */
  function showStored(stored: ResponseSummary | null) {
    if (running) return;
    setError(null);
    setSummary(stored);
    setNote(stored ? null : 'The response to this history entry was not kept. Send the request again to see a response.');
  }

  function cancel() {
    if (running) void api().request.cancel({ requestId: running.requestId });
  }

  return { running, summary, error, note, send, cancel, showStored };
}
