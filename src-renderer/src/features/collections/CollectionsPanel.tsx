import { useId, useRef, useState } from 'react';
import type { CollectionNode, NameValue } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { Menu, type MenuItem } from '../../components/Menu';
import { SearchField } from '../../components/SearchField';
import { usePendingFocus } from '../../components/usePendingFocus';
import { CollectionsMessages, useCollectionsNews } from './CollectionsMessages';
import { CollectionsTree, type EditEnd, type Editing } from './CollectionsTree';
import { CollectionVariablesDialog } from './CollectionVariablesDialog';
import { MoveDialog } from './MoveDialog';
import { moveInHits, SearchHits } from './SearchHits';
import { findNode, visibleItems } from './tree';
import { useCollectionSearch } from './useCollectionSearch';
import type { CollectionsModel } from './useCollections';
import { useTreeExpansion } from './useTreeExpansion';
import './collections.css';

type Props = {
  model: CollectionsModel;
  /** The saved request the editor holds. */
  openId: string | null;
  onOpenRequest: (node: CollectionNode) => void;
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The Collections tab: the tree, its actions, search, import and the undo of a delete. */
export function CollectionsPanel({ model, openId, onOpenRequest }: Props) {
  const { roots, run, activeId, setActiveId: onActive } = model;
  const menuId = useId();
  const treeRef = useRef<HTMLUListElement>(null);
  const newCollectionButton = useRef<HTMLButtonElement>(null);
  const { expanded, expand, toggle } = useTreeExpansion(model, openId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [menu, setMenu] = useState<{ node: CollectionNode; anchor: DOMRect } | null>(null);
  const [movingId, setMovingId] = useState<string | null>(null);
  const [variablesId, setVariablesId] = useState<string | null>(null);
  const { message, setMessage, deleted, setDeleted, fail, say } = useCollectionsNews();
  const search = useCollectionSearch(roots, fail);
  const resultsList = useRef<HTMLUListElement>(null);

  const itemElement = (id: string) => treeRef.current?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`);
  const focusWhenShown = usePendingFocus(itemElement);
  function focusNode(id: string) {
    onActive(id);
    focusWhenShown(id);
  }

  // ---- actions ----

  function startCreate(parentId: string | null, kind: 'collection' | 'folder') {
    search.setQuery('');
    expand(parentId);
    setEditing({ mode: 'create', parentId, kind });
  }

  async function finishEdit(name: string | null, how: EditEnd) {
    const current = editing;
    setEditing(null);
    if (!current) return;
    if (current.mode === 'rename') {
      if (how === 'key') focusNode(current.id);
      if (!name) return;
      const result = await run(api().collections.update({ id: current.id, name }));
      if (!result.ok) fail(result.error.message);
      return;
    }
    if (!name) {
      if (how === 'blur') return;
      if (current.parentId) focusNode(current.parentId);
      else newCollectionButton.current?.focus();
      return;
    }
    const result = await run(api().collections.create({ parentId: current.parentId, kind: current.kind, name }));
    if (!result.ok) return fail(result.error.message);
    expand(result.data.id);
    if (how === 'key') focusNode(result.data.id);
    else onActive(result.data.id);
  }

  async function duplicate(node: CollectionNode) {
    const result = await run(api().collections.duplicate({ id: node.id }));
    if (!result.ok) return fail(result.error.message);
    focusNode(result.data.id);
  }

  async function remove(node: CollectionNode) {
    // Focus goes to the row that takes the deleted one's place.
    const items = visibleItems(roots, expanded);
    const at = items.findIndex((item) => item.node.id === node.id);
    const depth = items[at]?.depth ?? 0;
    const after = items.slice(at + 1).find((item) => item.depth <= depth);
    const neighbour = after ?? items[at - 1];
    const result = await run(api().collections.delete({ id: node.id }));
    if (!result.ok) return fail(result.error.message);
    setMessage(null);
    setDeleted({ name: node.name, undo: result.data.undo });
    if (neighbour) focusNode(neighbour.node.id);
  }

  async function undoDelete() {
    if (!deleted) return;
    setDeleted(null);
    const result = await run(api().collections.restore(deleted.undo));
    if (!result.ok) return fail(result.error.message);
    say(`Restored ${deleted.name}`);
    expand(deleted.undo.parentId);
    focusNode(deleted.undo.node.id);
  }

  async function move(node: CollectionNode, parentId: string): Promise<string | null> {
    const target = findNode(roots, parentId);
    const index = target ? target.children.filter((child) => child.id !== node.id).length : 0;
    const result = await run(api().collections.move({ id: node.id, parentId, index }));
    if (!result.ok) return result.error.message;
    expand(parentId);
    focusNode(node.id);
    return null;
  }

  async function saveVariables(collection: CollectionNode, variables: NameValue[]): Promise<string | null> {
    const result = await run(api().collections.update({ id: collection.id, variables }));
    if (!result.ok) return result.error.message;
    say(`Saved the variables of ${collection.name}`);
    return null;
  }

  async function exportNode(node: CollectionNode, format: 'postman' | 'native') {
    const result = await api().collections.export({ id: node.id, format });
    if (!result.ok) {
      reportError(result.error);
      return fail(result.error.message);
    }
    if (result.data.saved) say(`Saved to ${result.data.path}`);
  }

  async function importCollection() {
    const before = new Set(roots.map((node) => node.id));
    const result = await api().collections.import({});
    if (!result.ok) {
      reportError(result.error);
      return fail(result.error.message);
    }
    const { imported, name, requests, unmapped } = result.data;
    if (!imported) return;
    const after = await model.reload();
    const added = after?.find((node) => !before.has(node.id));
    say(`Imported ${name}: ${plural(requests, 'request')}.${unmapped.length > 0 ? ' Not imported:' : ''}`, unmapped);
    if (added) {
      expand(added.id);
      focusNode(added.id);
    }
  }

  function menuItems(node: CollectionNode): MenuItem[] {
    const rename = { label: 'Rename', onSelect: () => setEditing({ mode: 'rename', id: node.id }) };
    const copy = { label: 'Duplicate', onSelect: () => void duplicate(node) };
    const moveTo = { label: 'Move to…', onSelect: () => setMovingId(node.id) };
    const del = { label: 'Delete', danger: true, onSelect: () => void remove(node) };
    if (node.kind === 'request') {
      return [{ label: 'Open', onSelect: () => onOpenRequest(node) }, rename, copy, moveTo, del];
    }
    const items: MenuItem[] = [{ label: 'New folder', onSelect: () => startCreate(node.id, 'folder') }, rename, copy];
    if (node.kind === 'folder') return [...items, moveTo, del];
    // Main exports whole collections only: a folder's requests depend on its collection's variables.
    return [
      ...items,
      { label: 'Export as Postman collection', onSelect: () => void exportNode(node, 'postman') },
      { label: 'Export in app format', onSelect: () => void exportNode(node, 'native') },
      { label: 'Collection variables…', onSelect: () => setVariablesId(node.id) },
      del,
    ];
  }

  const movingNode = movingId ? findNode(roots, movingId) : null;
  const variablesNode = variablesId ? findNode(roots, variablesId) : null;

  return (
    <div className="collections-panel">
      <div className="sidebar-toolbar">
        <button ref={newCollectionButton} type="button" className="button button-small" onClick={() => startCreate(null, 'collection')}>
          New collection
        </button>
        <button type="button" className="button button-small" onClick={() => void importCollection()}>
          Import collection
        </button>
      </div>
      <SearchField
        label="Search saved requests"
        value={search.query}
        onChange={search.setQuery}
        onKeyDown={(event) => moveInHits(event, resultsList.current, 'input')}
      />
      <div className="sidebar-scroll">
        {search.searching ? (
          search.results === null ? (
            <p className="sidebar-empty">Searching…</p>
          ) : search.results.length === 0 ? (
            <p className="sidebar-empty">No saved request matches “{search.query.trim()}”.</p>
          ) : (
            <SearchHits
              hits={search.results}
              openId={openId}
              listRef={resultsList}
              onOpen={(hit) => {
                const node = findNode(roots, hit.id);
                if (node) onOpenRequest(node);
              }}
            />
          )
        ) : (
          <>
            <CollectionsTree
              roots={roots}
              expanded={expanded}
              onExpand={toggle}
              activeId={activeId}
              onActive={onActive}
              openId={openId}
              onOpen={onOpenRequest}
              editing={editing}
              onEditDone={(name, how) => void finishEdit(name, how)}
              onMenu={(node, anchor) => setMenu({ node, anchor })}
              menu={menu ? { nodeId: menu.node.id, menuId } : null}
              onRename={(node) => setEditing({ mode: 'rename', id: node.id })}
              onDelete={(node) => void remove(node)}
              onDrop={(node, parentId) =>
                void move(node, parentId).then((problem) => {
                  if (problem) fail(problem);
                })
              }
              treeRef={treeRef}
            />
            {model.loaded && roots.length === 0 && editing === null && (
              <div className="sidebar-empty">
                <p>No collections yet.</p>
                <p className="muted">
                  Create one, or save the request you are editing with <kbd>Ctrl+S</kbd>, to keep the requests you use often.
                </p>
              </div>
            )}
            {model.loadError && (
              <p className="form-failure" role="alert">
                {model.loadError}
              </p>
            )}
          </>
        )}
      </div>
      <CollectionsMessages
        deletedName={deleted?.name ?? null}
        onUndo={() => void undoDelete()}
        onDismissDeleted={() => setDeleted(null)}
        message={message}
        onDismissMessage={() => setMessage(null)}
      />
      {menu && (
        <Menu
          id={menuId}
          label={`Actions for ${menu.node.name}`}
          items={menuItems(menu.node)}
          anchor={menu.anchor}
          onClose={(refocus) => {
            const { node } = menu;
            setMenu(null);
            if (refocus) itemElement(node.id)?.focus();
          }}
        />
      )}
      <MoveDialog node={movingNode} roots={roots} onMove={move} onClose={() => setMovingId(null)} />
      <CollectionVariablesDialog
        collection={variablesNode}
        onSave={saveVariables}
        onClose={() => setVariablesId(null)}
      />
    </div>
  );
}
