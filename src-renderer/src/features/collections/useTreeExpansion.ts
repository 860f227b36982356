import { useEffect, useRef, useState } from 'react';
import { pathTo } from './tree';
import type { CollectionsModel } from './useCollections';

/** Which folders of the tree are open: collections start open; the request the editor holds is always revealed. */
export function useTreeExpansion({ roots, loaded, setActiveId }: CollectionsModel, openId: string | null) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());

  const expand = (...ids: Array<string | null | undefined>) =>
    setExpanded((current) => {
      const next = new Set(current);
      for (const id of ids) if (id) next.add(id);
      return next.size === current.size ? current : next;
    });

  const initialised = useRef(false);
  useEffect(() => {
    if (!loaded || initialised.current) return;
    initialised.current = true;
    expand(...roots.map((node) => node.id));
  }, [loaded, roots]);
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (!openId || revealed.current === openId) return;
    const path = pathTo(roots, openId);
    if (!path) return;
    revealed.current = openId;
    expand(...path.slice(0, -1).map((node) => node.id));
    setActiveId(openId);
  }, [openId, roots, setActiveId]);

  return {
    expanded,
    expand,
    toggle: (id: string, open: boolean) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (open) next.add(id);
        else next.delete(id);
        return next;
      }),
  };
}
