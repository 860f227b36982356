import { useEffect, useState } from 'react';
import type { CollectionNode } from '@shared/contract';
import { api } from '../../api';
import { useDebounced } from '../../components/useDebounced';

export type Hit = { id: string; name: string; method: string; path: string; location: string };

/**
 * The search of saved requests: main searches once typing pauses, and again when the tree
 * changes; `results` is null until the answer for what the box holds now has come.
 */
export function useCollectionSearch(roots: readonly CollectionNode[], onError: (message: string) => void) {
  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  const settledQuery = useDebounced(trimmed, 150);
  const [hits, setHits] = useState<{ query: string; hits: Hit[] } | null>(null);
  useEffect(() => {
    if (settledQuery === '') return;
    let stale = false;
    void api()
      .collections.search({ query: settledQuery })
      .then((result) => {
        if (stale) return;
        if (result.ok) setHits({ query: settledQuery, hits: result.data.hits });
        else onError(result.error.message);
      });
    return () => {
      stale = true;
    };
    // Asked again when the query or the tree changes, not when the error handler does.
  }, [settledQuery, roots]);
  const searching = trimmed !== '';
  return { query, setQuery, searching, results: searching && hits?.query === trimmed ? hits.hits : null };
}
