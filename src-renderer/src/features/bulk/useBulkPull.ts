import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorView, BulkProgressView, SavedRequest } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';

/** How often a running pull's progress is read from main. */
const POLL_MS = 300;

export type ExportFormat = 'json' | 'ndjson' | 'csv' | 'xlsx';
type Message = { tone: 'status' | 'error'; text: string };

/**
 * The one date-range pull the workspace follows: started, polled while it runs, cancelled,
 * resumed and exported through main, which does the work and keeps the rows.
 */
export function useBulkPull() {
  const [progress, setProgress] = useState<BulkProgressView | null>(null);
  const [busy, setBusy] = useState<'start' | 'cancel' | 'resume' | ExportFormat | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  // Answers about an earlier pull are dropped once another one started.
  const pullId = useRef<string | null>(null);

  const fail = useCallback(
    (error: AppErrorView) => {
      setMessage({ tone: 'error', text: error.message });
      reportError(error);
    },
    [],
  );

  const accept = useCallback((next: BulkProgressView) => {
    if (next.pullId === pullId.current) setProgress(next);
  }, []);

  const running = progress?.state === 'running';
  const id = progress?.pullId;
  useEffect(() => {
    if (!running || !id) return;
    let stopped = false;
    const timer = setTimeout(() => {
      void api()
        .bulk.status({ pullId: id })
        .then((result) => {
          if (stopped) return;
          if (result.ok) accept(result.data);
          else fail(result.error);
        });
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [running, id, progress, accept, fail]);

  async function start(request: SavedRequest, collectionId: string | null, startDate: string, endDate: string) {
    setBusy('start');
    setMessage(null);
    const result = await api().bulk.start({ request, collectionId, startDate, endDate });
    setBusy(null);
    if (!result.ok) return fail(result.error);
    pullId.current = result.data.pullId;
    setProgress(result.data);
  }

  async function cancel() {
    if (!progress) return;
    setBusy('cancel');
    const result = await api().bulk.cancel({ pullId: progress.pullId });
    setBusy(null);
    if (result.ok) accept(result.data);
    else fail(result.error);
  }

  async function resume() {
    if (!progress) return;
    setBusy('resume');
    setMessage(null);
    const result = await api().bulk.resume({ pullId: progress.pullId });
    setBusy(null);
    if (result.ok) accept(result.data);
    else fail(result.error);
  }

  async function exportAs(format: ExportFormat) {
    if (!progress) return;
    setBusy(format);
    setMessage(null);
    const result = await api().bulk.export({ pullId: progress.pullId, format });
    setBusy(null);
    if (!result.ok) return fail(result.error);
    const { saved, rows, path } = result.data;
    if (saved) setMessage({ tone: 'status', text: `Saved ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'} to ${path}` });
  }

  return { progress, busy, message, start, cancel, resume, exportAs };
}

export type BulkPullModel = ReturnType<typeof useBulkPull>;
