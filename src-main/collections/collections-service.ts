// Collections of saved requests: the tree the sidebar shows, its edits, search, and files in
// and out. Every edit works on a copy of the tree and is written whole, so a failed write
// leaves both the file and what the app shows unchanged.
import { AppError } from '../shared/app-error';
import type { CollectionNode, Handlers, NameValue } from '../shared/contract';
import type { NativeDialogs } from '../ports/native';
import type { StoreContext } from '../store/document-store';
import { checkVariableRows } from '../variables/variable-rows';
import { COLLECTION_FORMATS, readCollectionFile, writeCollectionFile, type CollectionFormat } from './collection-files';
import { countRequests, heightOf, locate, MAX_DEPTH, MAX_NAME_LENGTH, newNodeId, treeProblem, walk, withFreshIds, type Located } from './collection-tree';
import { openCollectionsStore } from './collections-store';

type InputOf<V extends keyof Handlers['collections']> = Parameters<Handlers['collections'][V]>[0];
type OutputOf<V extends keyof Handlers['collections']> = Awaited<ReturnType<Handlers['collections'][V]>>;

export interface CollectionsView {
  collections: CollectionNode[];
}

/** Where the renderer can put a node back after a delete (Undo). */
export interface UndoDelete {
  node: CollectionNode;
  parentId: string | null;
  index: number;
}

export interface CollectionsServiceDeps {
  ctx: StoreContext;
  dialogs: NativeDialogs;
}

export function createCollectionsService({ ctx, dialogs }: CollectionsServiceDeps) {
  const store = openCollectionsStore(ctx);
  const view = (): CollectionsView => ({ collections: store.read().collections });

  /** Applies `edit` to a copy of the tree and saves it; nothing changes when `edit` throws. */
  function change<T>(edit: (roots: CollectionNode[]) => T): T {
    const roots = structuredClone(store.read().collections);
    const result = edit(roots);
    store.write({ collections: roots });
    return result;
  }

  function find(roots: CollectionNode[], id: string): Located {
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

  return {
    list: view,

    create({ parentId, kind, name }: InputOf<'create'>): CollectionsView & { id: string } {
      const node = blankNode(kind, nameOf(name, kind));
      change((roots) => {
        if (kind === 'collection') {
          if (parentId !== null) throw new AppError('invalid_input', 'A collection cannot go inside another item; it is always at the top level.');
          roots.push(node);
          return;
        }
        if (parentId === null) throw new AppError('invalid_input', 'A folder has to be inside a collection. Create or choose a collection first.');
        container(roots, parentId, 'folder').node.children.push(node);
      });
      return { ...view(), id: node.id };
    },

    update({ id, name, description, variables }: InputOf<'update'>): CollectionsView {
      change((roots) => {
        const { node } = find(roots, id);
        if (name !== undefined) node.name = nameOf(name, node.kind);
        if (description !== undefined) node.description = description;
        if (variables !== undefined) {
          if (node.kind !== 'collection') throw new AppError('invalid_input', 'Only collections have variables. Open the collection to edit them.');
          checkVariableRows(variables, `the collection "${node.name}"`);
          node.variables = variables;
        }
      });
      return view();
    },

    saveRequest({ id, parentId, name, description, request }: InputOf<'saveRequest'>): CollectionsView & { id: string } {
      const savedId = change((roots) => {
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
      });
      return { ...view(), id: savedId };
    },

    duplicate(id: string): CollectionsView & { id: string } {
      const copyId = change((roots) => {
        const { node, siblings, index } = find(roots, id);
        const copy = { ...withFreshIds(node), name: `${node.name.slice(0, MAX_NAME_LENGTH - ' copy'.length)} copy` };
        siblings.splice(index + 1, 0, copy);
        return copy.id;
      });
      return { ...view(), id: copyId };
    },

    /** `index` is the position among the new parent's children once the node has left its old place. */
    move({ id, parentId, index }: InputOf<'move'>): CollectionsView {
      change((roots) => {
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
      });
      return view();
    },

    remove(id: string): CollectionsView & { undo: UndoDelete } {
      const undo = change((roots): UndoDelete => {
        const { node, ancestors, siblings, index } = find(roots, id);
        siblings.splice(index, 1);
        return { node, parentId: ancestors.at(-1)?.id ?? null, index };
      });
      return { ...view(), undo };
    },

    restore({ node, parentId, index }: InputOf<'restore'>): CollectionsView {
      change((roots) => {
        const parent = parentId === null ? null : container(roots, parentId, node.kind);
        const siblings = parent ? parent.node.children : roots;
        const taken = new Set<string>();
        walk(roots, (existing) => taken.add(existing.id));
        if (taken.has(node.id)) throw new AppError('invalid_input', `"${node.name}" is already back in your collections.`);
        const problem = treeProblem(node, parent ? parent.ancestors.length + 2 : 1, taken);
        if (problem) throw new AppError('invalid_input', `${problem} It was not put back.`);
        siblings.splice(Math.min(index, siblings.length), 0, node);
      });
      return view();
    },

    /** Saved requests whose name or path contains the query, ignoring case. */
    search(query: string): OutputOf<'search'> {
      const needle = query.trim().toLowerCase();
      const hits: OutputOf<'search'>['hits'] = [];
      if (!needle) return { hits };
      walk(store.read().collections, (node, ancestors) => {
        if (!node.request) return;
        if (!node.name.toLowerCase().includes(needle) && !node.request.path.toLowerCase().includes(needle)) return;
        const location = ancestors.map((ancestor) => ancestor.name).join(' › ');
        hits.push({ id: node.id, name: node.name, method: node.request.method, path: node.request.path, location });
      });
      return { hits };
    },

    /** The variables of the collection that holds `nodeId`; none when it is gone (the request still sends). */
    variablesOf(nodeId: string): NameValue[] {
      const found = locate(store.read().collections, nodeId);
      return found ? (found.ancestors[0] ?? found.node).variables : [];
    },

    async exportToFile(id: string, format: CollectionFormat): Promise<OutputOf<'export'>> {
      const { node } = find(store.read().collections, id);
      if (node.kind !== 'collection') throw new AppError('invalid_input', 'Only a whole collection can be exported. Choose the collection that holds this item.');
      const path = await dialogs.saveFile({
        title: 'Export collection',
        defaultName: `${fileSafe(node.name)}${COLLECTION_FORMATS[format].extension}`,
        filters: [{ name: COLLECTION_FORMATS[format].label, extensions: ['json'] }],
      });
      if (!path) return { saved: false, path: '' };
      await writeCollectionFile(path, node, format);
      return { saved: true, path };
    },

    /** Adds the chosen file's collection with fresh ids; a file that cannot be read changes nothing. */
    async importFromFile(): Promise<OutputOf<'import'>> {
      const path = await dialogs.openFile({
        title: 'Import collection',
        filters: [{ name: 'Collections (Postman v2.1, Insomnia, Bruno or Humanity API Explorer)', extensions: ['json'] }],
      });
      if (!path) return { imported: false, name: '', requests: 0, unmapped: [] };
      const { collection, unmapped } = await readCollectionFile(path);
      change((roots) => roots.push(collection));
      return { imported: true, name: collection.name, requests: countRequests(collection), unmapped };
    },
  };
}

export type CollectionsService = ReturnType<typeof createCollectionsService>;

function blankNode(kind: CollectionNode['kind'], name: string): CollectionNode {
  return { id: newNodeId(), kind, name, description: '', variables: [], request: null, children: [] };
}

function nameOf(typed: string, kind: CollectionNode['kind']): string {
  const name = typed.trim();
  if (!name) throw new AppError('invalid_input', `Enter a name for the ${kind}.`);
  return name;
}

/** A file name the common file systems accept, from what the user named the collection. */
function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[.\s]+|[.\s]+$/g, '') || 'collection';
}
