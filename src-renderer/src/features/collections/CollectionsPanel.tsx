import { useEffect, useId, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import type { CollectionNode, NameValue } from '../../../../src-main/shared/contract';
import { api } from '../../api';
import { useReportError } from '../../app/errorRouting';
import { Menu, type MenuItem } from '../../components/Menu';
import { SearchField } from '../../components/SearchField';
import { useDebounced } from '../../components/useDebounced';
import { CollectionsTree, type EditEnd, type Editing } from './CollectionsTree';
import { CollectionVariablesDialog } from './CollectionVariablesDialog';
import { MoveDialog } from './MoveDialog';
import { findNode, pathTo, visibleItems } from './tree';
import type { CollectionsModel } from './useCollections';
import './collections.css';

type Props = {
  model: CollectionsModel;
  activeId: string | null;
  onActive: (id: string) => void;
  /** The saved request the editor holds. */
  openId: string | null;
  onOpenRequest: (node: CollectionNode) => void;
};

type Undo = { node: CollectionNode; parentId: string | null; index: number };
type Message = { tone: 'status' | 'error'; text: string; details?: readonly string[] };
type Hit = { id: string; name: string; method: string; path: string; location: string };

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The Collections tab: the tree, its actions, search, import and the undo of a delete. */
export function CollectionsPanel({ model, activeId, onActive, openId, onOpenRequest }: Props) {
  const { roots, run } = model;
  const reportError = useReportError();
  const menuId = useId();
  const treeRef = useRef<HTMLUListElement>(null);
  const newCollectionButton = useRef<HTMLButtonElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [menu, setMenu] = useState<{ node: CollectionNode; anchor: DOMRect } | null>(null);
  const [movingId, setMovingId] = useState<string | null>(null);
  const [variablesId, setVariablesId] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ name: string; undo: Undo } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [query, setQuery] = useState('');

  // ---- focus: moved to a tree item once it is rendered and no dialog is open ----
  const pendingFocus = useRef<string | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const itemElement = (id: string) => treeRef.current?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`);
  function focusNode(id: string) {
    onActive(id);
    pendingFocus.current = id;
    rerender();
  }
  useEffect(() => {
    const id = pendingFocus.current;
    const element = id ? itemElement(id) : null;
    // A closing dialog puts focus back where it was; this runs again after it has.
    if (!element || document.querySelector('dialog[open]')) return;
    pendingFocus.current = null;
    element.focus();
  });

  const expand = (...ids: Array<string | null | undefined>) =>
    setExpanded((current) => {
      const next = new Set(current);
      for (const id of ids) if (id) next.add(id);
      return next.size === current.size ? current : next;
    });

  // Collections start open; the request the editor holds is always revealed.
  const initialised = useRef(false);
  useEffect(() => {
    if (!model.loaded || initialised.current) return;
    initialised.current = true;
    expand(...roots.map((node) => node.id));
  }, [model.loaded, roots]);
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (!openId || revealed.current === openId) return;
    const path = pathTo(roots, openId);
    if (!path) return;
    revealed.current = openId;
    expand(...path.slice(0, -1).map((node) => node.id));
    onActive(openId);
  }, [openId, roots, onActive]);

  // Short news goes away on its own; an undo stays offered for a while; errors and import results stay.
  useEffect(() => {
    if (message?.tone !== 'status' || message.details?.length) return;
    const timer = setTimeout(() => setMessage(null), 10_000);
    return () => clearTimeout(timer);
  }, [message]);
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), 30_000);
    return () => clearTimeout(timer);
  }, [deleted]);

  const fail = (text: string) => setMessage({ tone: 'error', text });
  const say = (text: string, details?: readonly string[]) => setMessage({ tone: 'status', text, details });

  // ---- actions ----

  function startCreate(parentId: string | null, kind: 'collection' | 'folder') {
    setQuery('');
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

  // ---- search ----

  const searching = query.trim() !== '';
  const settledQuery = useDebounced(query.trim(), 150);
  const [hits, setHits] = useState<{ query: string; hits: Hit[] } | null>(null);
  useEffect(() => {
    if (settledQuery === '') return;
    let stale = false;
    void api()
      .collections.search({ query: settledQuery })
      .then((result) => {
        if (stale) return;
        if (result.ok) setHits({ query: settledQuery, hits: result.data.hits });
        else fail(result.error.message);
      });
    return () => {
      stale = true;
    };
  }, [settledQuery, roots]);
  const results = searching && hits?.query === query.trim() ? hits.hits : null;
  const resultsList = useRef<HTMLUListElement>(null);

  function moveInResults(event: KeyboardEvent, from: number | 'input') {
    const buttons = [...(resultsList.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = from === 'input' ? -1 : from;
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : null;
    if (next === null || next >= buttons.length || (from === 'input' && next < 0)) return;
    event.preventDefault();
    if (next < 0) resultsList.current?.closest('.collections-panel')?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    else buttons[next]!.focus();
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
        value={query}
        onChange={setQuery}
        onKeyDown={(event) => moveInResults(event, 'input')}
      />
      <div className="sidebar-scroll">
        {searching ? (
          results === null ? (
            <p className="sidebar-empty">Searching…</p>
          ) : results.length === 0 ? (
            <p className="sidebar-empty">No saved request matches “{query.trim()}”.</p>
          ) : (
            <ul ref={resultsList} className="search-hits" aria-label="Search results">
              {results.map((hit, index) => (
                <li key={hit.id}>
                  <button
                    type="button"
                    className={hit.id === openId ? 'search-hit is-open' : 'search-hit'}
                    onClick={() => {
                      const node = findNode(roots, hit.id);
                      if (node) onOpenRequest(node);
                    }}
                    onKeyDown={(event) => moveInResults(event, index)}
                  >
                    <span className="search-hit-line">
                      <span className={`method-badge method-${hit.method}`}>{hit.method}</span>
                      <span className="node-name">{hit.name}</span>
                    </span>
                    <span className="search-hit-where">
                      <span className="mono">{hit.path || '(no path)'}</span> · {hit.location}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : (
          <>
            <CollectionsTree
              roots={roots}
              expanded={expanded}
              onExpand={(id, open) =>
                setExpanded((current) => {
                  const next = new Set(current);
                  if (open) next.add(id);
                  else next.delete(id);
                  return next;
                })
              }
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
      <div className="sidebar-messages">
        <div role="status" className="sidebar-status">
          {deleted && (
            <div className="toast">
              <span className="toast-text">Deleted {deleted.name}</span>
              <button type="button" className="button button-small" onClick={() => void undoDelete()}>
                Undo
              </button>
              <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => setDeleted(null)}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
          )}
          {message?.tone === 'status' && (
            <div className="toast">
              <div className="toast-text">
                <p>{message.text}</p>
                {message.details && message.details.length > 0 && (
                  <ul className="toast-details">
                    {message.details.map((detail) => (
                      <li key={detail}>{detail}</li>
                    ))}
                  </ul>
                )}
              </div>
              <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => setMessage(null)}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
          )}
        </div>
        {message?.tone === 'error' && (
          <div className="form-failure toast" role="alert">
            <span className="toast-text">{message.text}</span>
            <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => setMessage(null)}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        )}
      </div>
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
