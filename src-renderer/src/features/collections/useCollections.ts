import { useCallback, useEffect, useState } from 'react';
import type { CollectionNode, Result } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';

/**
 * The collections as main keeps them. Every change goes through `run`, which takes the new tree
 * from the answer, so the sidebar, the save dialog and the editor always agree. `activeId` is the
 * tree's item last used (the Save dialog proposes its folder).
 */
export function useCollections() {
  const [roots, setRoots] = useState<CollectionNode[] | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await api().collections.list({});
    if (result.ok) {
      setRoots(result.data.collections);
      setLoadError(null);
      return result.data.collections;
    }
    setLoadError(result.error.message);
    reportError(result.error);
    return null;
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = useCallback(
    async <T extends { collections: CollectionNode[] }>(call: Promise<Result<T>>): Promise<Result<T>> => {
      const result = await call;
      if (result.ok) setRoots(result.data.collections);
      else reportError(result.error);
      return result;
    },
    [],
  );

  return { roots: roots ?? [], loaded: roots !== null, loadError, reload, run, activeId, setActiveId };
}

export type CollectionsModel = ReturnType<typeof useCollections>;
