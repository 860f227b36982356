import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompareRow, CompareSummary } from '@shared/contract';
import { api } from '../../api';
import type { ComparisonRequest } from '../../state/compareStore';
import { usePagedRows } from '../response/usePagedRows';

type Started = { summary: CompareSummary | null; error: string | null; busy: boolean };

/** Asks main to compare the two responses (again when the key changes); main keeps the result. */
export function useComparison(request: ComparisonRequest | null, key: string | null): Started {
  const [state, setState] = useState<Started>({ summary: null, error: null, busy: true });
  // Once compared, the same two kept responses again: a history entry is not loaded once more.
  const compared = useRef<{ seq: number; summary: CompareSummary } | null>(null);
  useEffect(() => {
    if (!request) return;
    let live = true;
    setState((current) => ({ ...current, error: null, busy: true }));
    const earlier = compared.current?.seq === request.seq ? compared.current.summary : null;
    const [before, after] = earlier ? [{ responseId: earlier.beforeId }, { responseId: earlier.afterId }] : [request.before.source, request.after.source];
    void api()
      .compare.start({ before, after, key })
      .then((result) => {
        if (!live) return;
        if (result.ok) compared.current = { seq: request.seq, summary: result.data };
        setState(result.ok ? { summary: result.data, error: null, busy: false } : { summary: null, error: result.error.message, busy: false });
      });
    return () => {
      live = false;
    };
  }, [request, key]);
  return state;
}

export type ChangeFilter = 'all' | 'added' | 'removed' | 'changed';

const PAGE_ROWS = 200;

/** The rows of a comparison for a filter and a search, fetched a page at a time for the rows in view. */
export function useChangeRows(compareId: string, filter: ChangeFilter, query: string) {
  const fetchPage = useCallback(async (key: string, offset: number, limit: number) => {
    const wanted = JSON.parse(key) as { compareId: string; filter: ChangeFilter; query: string };
    const result = await api().compare.page({ ...wanted, offset, limit });
    return result.ok ? { ok: true as const, data: { rows: result.data.rows, reach: result.data.matched, facts: null } } : result;
  }, []);
  return usePagedRows<CompareRow, null>({ key: JSON.stringify({ compareId, filter, query }), pageRows: PAGE_ROWS, maxPages: 12, lookahead: 60, fetchPage });
}
