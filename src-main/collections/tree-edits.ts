// The edits the sidebar makes to the collections tree, each applied to a copy of the roots the
// service hands in (collections-service.ts saves the copy only when the edit returns). Each
// refuses with a sentence when the tree rules (collection-tree.ts) would break.
import { AppError } from '../shared/app-error';
import type { CollectionNode, Handlers } from '../shared/contract';
import { checkVariableRows } from '../variables/variable-rows';
import { heightOf, locate, MAX_DEPTH, MAX_NAME_LENGTH, newNodeId, treeProblem, walk, withFreshIds, type Located } from './collection-tree';

type InputOf<V extends keyof Handlers['collections']> = Parameters<Handlers['collections'][V]>[0];

/** Where the renderer can put a node back after a delete (Undo). */
export interface UndoDelete {
  node: CollectionNode;
  parentId: string | null;
  index: number;
}

/** A new collection at the top level or a folder at the end of its parent; the new node. */
export function addContainer(roots: CollectionNode[], { parentId, kind, name }: InputOf<'create'>): CollectionNode {
  const node = blankNode(kind, nameOf(name, kind));
  if (kind === 'collection') {
    if (parentId !== null) throw new AppError('invalid_input', 'A collection cannot go inside another item; it is always at the top level.');
    roots.push(node);
    return node;
  }
  if (parentId === null) throw new AppError('invalid_input', 'A folder has to be inside a collection. Create or choose a collection first.');
  container(roots, parentId, 'folder').node.children.push(node);
  return node;
}

export function updateNode(roots: CollectionNode[], { id, name, description, variables }: InputOf<'update'>): void {
  const { node } = find(roots, id);
  if (name !== undefined) node.name = nameOf(name, node.kind);
  if (description !== undefined) node.description = description;
  if (variables !== undefined) {
    if (node.kind !== 'collection') throw new AppError('invalid_input', 'Only collections have variables. Open the collection to edit them.');
    checkVariableRows(variables, `the collection "${node.name}"`);
    node.variables = variables;
  }
}

/** A new request at the end of its folder, or an existing one overwritten (and moved there); its id. */
export function saveRequestIn(roots: CollectionNode[], { id, parentId, name, description, request }: InputOf<'saveRequest'>): string {
  const parent = container(roots, parentId, 'request');
  if (id === null) {
    const node: CollectionNode = { ...blankNode('request', nameOf(name, 'request')), description, request };
    parent.node.children.push(node);
    return node.id;
  }
  const existing = find(roots, id);
  if (existing.node.kind !== 'request') throw new AppError('invalid_input', `"${existing.node.name}" is a ${existing.node.kind}, not a request, so a request cannot be saved over it.`);
  Object.assign(existing.node, { name: nameOf(name, 'request'), description, request });
  // Saving into another folder moves the request there, to the end.
  if (existing.ancestors.at(-1)?.id !== parentId) {
    existing.siblings.splice(existing.index, 1);
    parent.node.children.push(existing.node);
  }
  return id;
}

/** A copy with fresh ids right after the original; the copy's id. */
export function duplicateIn(roots: CollectionNode[], id: string): string {
  const { node, siblings, index } = find(roots, id);
  const copy = { ...withFreshIds(node), name: `${node.name.slice(0, MAX_NAME_LENGTH - ' copy'.length)} copy` };
  siblings.splice(index + 1, 0, copy);
  return copy.id;
}

/** `index` is the position among the new parent's children once the node has left its old place. */
export function moveIn(roots: CollectionNode[], { id, parentId, index }: InputOf<'move'>): void {
  const moving = find(roots, id);
  const { node } = moving;
  if (node.kind === 'collection') {
    if (parentId !== null) throw new AppError('invalid_input', 'A collection always stays at the top level; it cannot be moved into another item.');
    moving.siblings.splice(moving.index, 1);
    roots.splice(Math.min(index, roots.length), 0, node);
    return;
  }
  if (parentId === null) throw new AppError('invalid_input', `A ${node.kind} has to stay inside a collection or folder.`);
  const target = find(roots, parentId);
  if (target.node.id === node.id || target.ancestors.some((ancestor) => ancestor.id === node.id)) {
    throw new AppError('invalid_input', `"${node.name}" cannot be moved into itself or into one of its own folders.`);
  }
  if (target.node.kind === 'request') throw new AppError('invalid_input', 'Items can only be moved into a collection or a folder, not into a request.');
  if (target.ancestors.length + 1 + heightOf(node) > MAX_DEPTH) {
    throw new AppError('invalid_input', `Folders can be nested at most ${MAX_DEPTH} levels deep, and this move would go deeper.`);
  }
  moving.siblings.splice(moving.index, 1);
  target.node.children.splice(Math.min(index, target.node.children.length), 0, node);
}

export function removeFrom(roots: CollectionNode[], id: string): UndoDelete {
  const { node, ancestors, siblings, index } = find(roots, id);
  siblings.splice(index, 1);
  return { node, parentId: ancestors.at(-1)?.id ?? null, index };
}

/** Undo of a delete: the node back where it was, if it still fits the tree rules. */
export function restoreIn(roots: CollectionNode[], { node, parentId, index }: InputOf<'restore'>): void {
  const parent = parentId === null ? null : container(roots, parentId, node.kind);
  const siblings = parent ? parent.node.children : roots;
  const taken = new Set<string>();
  walk(roots, (existing) => taken.add(existing.id));
  if (taken.has(node.id)) throw new AppError('invalid_input', `"${node.name}" is already back in your collections.`);
  const problem = treeProblem(node, parent ? parent.ancestors.length + 2 : 1, taken);
  if (problem) throw new AppError('invalid_input', `${problem} It was not put back.`);
  siblings.splice(Math.min(index, siblings.length), 0, node);
}

export function find(roots: CollectionNode[], id: string): Located {
  const found = locate(roots, id);
  if (!found) throw new AppError('not_found', 'That item no longer exists in your collections; it may have been deleted in the meantime.');
  return found;
}

/** The folder or collection that will hold a new child at its end. */
function container(roots: CollectionNode[], parentId: string, what: string): Located {
  const parent = locate(roots, parentId);
  if (!parent) throw new AppError('not_found', `The folder to put the ${what} in no longer exists. Choose another folder.`);
  if (parent.node.kind === 'request') throw new AppError('invalid_input', `A ${what} can only go into a collection or a folder, not into a request.`);
  if (parent.ancestors.length + 2 > MAX_DEPTH) throw new AppError('invalid_input', `Folders can be nested at most ${MAX_DEPTH} levels deep. Choose a folder higher up.`);
  return parent;
}

function blankNode(kind: CollectionNode['kind'], name: string): CollectionNode {
  return { id: newNodeId(), kind, name, description: '', variables: [], request: null, children: [] };
}

function nameOf(typed: string, kind: CollectionNode['kind']): string {
  const name = typed.trim();
  if (!name) throw new AppError('invalid_input', `Enter a name for the ${kind}.`);
  return name;
}
