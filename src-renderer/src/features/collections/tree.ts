// Pure questions about the collections tree that the sidebar, the save dialog and the editor ask.
import type { CollectionNode } from '@shared/contract';

export const isContainer = (node: CollectionNode): boolean => node.kind !== 'request';

/** The node and its ancestors, outermost first; null when the id is not in the tree. */
export function pathTo(roots: readonly CollectionNode[], id: string): CollectionNode[] | null {
  for (const node of roots) {
    if (node.id === id) return [node];
    const below = pathTo(node.children, id);
    if (below) return [node, ...below];
  }
  return null;
}

export function findNode(roots: readonly CollectionNode[], id: string): CollectionNode | null {
  return pathTo(roots, id)?.at(-1) ?? null;
}

/** Where a node sits: its parent (null for a collection) and its index there. */
export function placeOf(roots: readonly CollectionNode[], id: string): { parent: CollectionNode | null; index: number } | null {
  const path = pathTo(roots, id);
  if (!path) return null;
  const parent = path.at(-2) ?? null;
  const siblings = parent ? parent.children : roots;
  return { parent, index: siblings.findIndex((node) => node.id === id) };
}

/** "Collection › Folder › Sub" for a container, or for the place a request sits in. */
export const breadcrumb = (nodes: readonly CollectionNode[]): string => nodes.map((node) => node.name).join(' › ');

export type ContainerChoice = { id: string; label: string; depth: number; collectionId: string };

/**
 * Every collection and folder, depth first, labelled with its breadcrumb, for "Save to" and
 * "Move to" selects. `excluding` leaves out a folder and everything inside it (a folder cannot
 * move into itself).
 */
export function containerChoices(roots: readonly CollectionNode[], excluding: string | null = null): ContainerChoice[] {
  const out: ContainerChoice[] = [];
  const walk = (nodes: readonly CollectionNode[], trail: CollectionNode[]) => {
    for (const node of nodes) {
      if (!isContainer(node) || node.id === excluding) continue;
      const here = [...trail, node];
      out.push({ id: node.id, label: breadcrumb(here), depth: trail.length, collectionId: here[0]!.id });
      walk(node.children, here);
    }
  };
  walk(roots, []);
  return out;
}

export type VisibleItem = { node: CollectionNode; depth: number; parentId: string | null };

/** The rows a tree shows with these containers expanded, in screen order. */
export function visibleItems(roots: readonly CollectionNode[], expanded: ReadonlySet<string>): VisibleItem[] {
  const out: VisibleItem[] = [];
  const walk = (nodes: readonly CollectionNode[], depth: number, parentId: string | null) => {
    for (const node of nodes) {
      out.push({ node, depth, parentId });
      if (isContainer(node) && expanded.has(node.id)) walk(node.children, depth + 1, node.id);
    }
  };
  walk(roots, 0, null);
  return out;
}

export function countRequests(node: CollectionNode): number {
  return node.kind === 'request' ? 1 : node.children.reduce((sum, child) => sum + countRequests(child), 0);
}
