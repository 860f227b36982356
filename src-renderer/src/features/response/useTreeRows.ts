import { useCallback, useState } from 'react';
import { TREE_PAGE_ROWS } from '@shared/channels';
import type { FirstTreeRows, TreeRow } from '@shared/contract';
import { api } from '../../api';
import { expansionInput, type Expansion } from './treeExpansion';
import { usePagedRows } from './usePagedRows';

/** Pages kept around the visible range: whatever the body, a few thousand rows. */
const MAX_PAGES = 12;

/**
 * The flattened rows of the response's JSON tree for an expansion, fetched from main a page at a
 * time for the visible range only, starting from the first rows main sent with the answer; the
 * tree itself is never built here.
 */
export function useTreeRows(responseId: string, expansion: Expansion, firstRows: FirstTreeRows | null) {
  const fetchPage = useCallback(
    async (key: string, offset: number, limit: number) => {
      const result = await api().response.tree({ responseId, ...expansionInput(JSON.parse(key) as Expansion), offset, limit });
      return result.ok ? { ok: true as const, data: { rows: result.data.rows, reach: result.data.totalRows, facts: null } } : result;
    },
    [responseId],
  );
  const [first] = useState(() =>
    firstRows && { key: JSON.stringify({ all: false, expanded: firstRows.expanded } satisfies Expansion), reach: firstRows.totalRows, facts: null, rows: firstRows.rows },
  );
  const rows = usePagedRows<TreeRow, null>({ key: JSON.stringify(expansion), pageRows: TREE_PAGE_ROWS, maxPages: MAX_PAGES, lookahead: 100, fetchPage, first });
  return { load: rows.load, fresh: rows.fresh, totalRows: rows.reach, rowAt: rows.rowAt, error: rows.error };
}
