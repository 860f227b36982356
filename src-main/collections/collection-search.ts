// Finding saved requests by name or path, for the sidebar's search box.
import type { CollectionNode } from '../shared/contract';
import { walk } from './collection-tree';

export interface RequestHit {
  id: string;
  name: string;
  method: NonNullable<CollectionNode['request']>['method'];
  path: string;
  /** The collection and folders above it, joined with " › ". */
  location: string;
}

/** Saved requests whose name or path contains the query, ignoring case, in tree order. */
export function searchRequests(roots: readonly CollectionNode[], query: string): RequestHit[] {
  const needle = query.trim().toLowerCase();
  const hits: RequestHit[] = [];
  if (!needle) return hits;
  walk(roots, (node, ancestors) => {
    if (!node.request) return;
    if (!node.name.toLowerCase().includes(needle) && !node.request.path.toLowerCase().includes(needle)) return;
    const location = ancestors.map((ancestor) => ancestor.name).join(' › ');
    hits.push({ id: node.id, name: node.name, method: node.request.method, path: node.request.path, location });
  });
  return hits;
}
