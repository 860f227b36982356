// Pure operations on the collections tree. The top level holds only collections; folders and
// requests live inside collections or folders; requests are leaves.
import { randomBytes } from 'node:crypto';
import type { CollectionNode } from '../shared/contract';

export const MAX_DEPTH = 32;
export const MAX_NAME_LENGTH = 256;

/** A short random id that matches the contract's id rule (/^[A-Za-z0-9_-]{1,64}$/). */
export function newNodeId(): string {
  return randomBytes(12).toString('base64url');
}

export interface Located {
  node: CollectionNode;
  /** From the top-level collection down to the parent; empty for a collection. */
  ancestors: CollectionNode[];
  /** The array that holds the node (the roots, or the parent's children). */
  siblings: CollectionNode[];
  index: number;
}

export function locate(roots: CollectionNode[], id: string): Located | null {
  const search = (siblings: CollectionNode[], ancestors: CollectionNode[]): Located | null => {
    for (const [index, node] of siblings.entries()) {
      if (node.id === id) return { node, ancestors, siblings, index };
      const found = node.children.length ? search(node.children, [...ancestors, node]) : null;
      if (found) return found;
    }
    return null;
  };
  return search(roots, []);
}

/** Calls `visit` for every node, parents before children. */
export function walk(roots: readonly CollectionNode[], visit: (node: CollectionNode, ancestors: CollectionNode[]) => void): void {
  const descend = (nodes: readonly CollectionNode[], ancestors: CollectionNode[]) => {
    for (const node of nodes) {
      visit(node, ancestors);
      descend(node.children, [...ancestors, node]);
    }
  };
  descend(roots, []);
}

/** Levels in the subtree: 1 for a request or an empty folder. */
export function heightOf(node: CollectionNode): number {
  return 1 + Math.max(0, ...node.children.map(heightOf));
}

export function countRequests(node: CollectionNode): number {
  return node.kind === 'request' ? 1 : node.children.reduce((sum, child) => sum + countRequests(child), 0);
}

export function withFreshIds(node: CollectionNode): CollectionNode {
  return { ...node, id: newNodeId(), children: node.children.map(withFreshIds) };
}

/**
 * The first rule the subtree breaks, as a sentence, or null. `depth` is the level the node sits
 * at (1 = top level); `takenIds` holds ids already in use and collects the subtree's own.
 */
export function treeProblem(node: CollectionNode, depth: number, takenIds: Set<string>): string | null {
  const label = `"${node.name}"`;
  if (depth > MAX_DEPTH) return `Folders can be nested at most ${MAX_DEPTH} levels deep, and ${label} is deeper.`;
  if (takenIds.has(node.id)) return `The id of ${label} is used twice.`;
  takenIds.add(node.id);
  if (!node.name.trim() || node.name.trim() !== node.name) return `An item has an empty name or spaces around its name (${label}).`;
  if ((depth === 1) !== (node.kind === 'collection')) return `${label} is a ${node.kind}, but only collections may sit at the top level and only there.`;
  if ((node.kind === 'request') !== (node.request !== null)) return `${label} mixes a request with a ${node.kind}.`;
  if (node.kind === 'request' && node.children.length) return `The request ${label} has items inside it.`;
  if (node.kind !== 'collection' && node.variables.length) return `The ${node.kind} ${label} has variables; only collections have variables.`;
  for (const child of node.children) {
    const problem = treeProblem(child, depth + 1, takenIds);
    if (problem) return problem;
  }
  return null;
}
