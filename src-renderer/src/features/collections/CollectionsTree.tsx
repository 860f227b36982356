import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { CollectionNode } from '@shared/contract';
import { countRequests, isContainer, pathTo, visibleItems } from './tree';

/** An inline name being typed: renaming a node, or naming a collection or folder to create. */
export type Editing =
  | { mode: 'rename'; id: string }
  | { mode: 'create'; parentId: string | null; kind: 'collection' | 'folder' };

/** How an inline edit ended: a key (focus goes back to the tree) or leaving the field (it stays put). */
export type EditEnd = 'key' | 'blur';

type Props = {
  roots: readonly CollectionNode[];
  expanded: ReadonlySet<string>;
  onExpand: (id: string, open: boolean) => void;
  /** The item the keyboard is on; also where "Save" proposes to put a new request. */
  activeId: string | null;
  onActive: (id: string) => void;
  /** The saved request the editor holds. */
  openId: string | null;
  onOpen: (node: CollectionNode) => void;
  editing: Editing | null;
  onEditDone: (name: string | null, how: EditEnd) => void;
  /** Opens the actions menu of a node under the given rectangle (a point for a right click). */
  onMenu: (node: CollectionNode, anchor: DOMRect) => void;
  /** The id of the open actions menu's node and the menu's element id. */
  menu: { nodeId: string; menuId: string } | null;
  onRename: (node: CollectionNode) => void;
  onDelete: (node: CollectionNode) => void;
  /** A request or folder dropped on a collection or folder (the menu's "Move to…" does the same). */
  onDrop: (node: CollectionNode, parentId: string) => void;
  treeRef: Ref<HTMLUListElement>;
};

const INDENT = 16;

/**
 * Collections, folders and requests as a WAI-ARIA tree: one tab stop, arrows move and open or
 * close, Home/End jump, Enter opens a request, F2 renames, Delete deletes (with undo), and the
 * Menu key, Shift+F10 or a right click opens the item's actions.
 */
export function CollectionsTree(props: Props) {
  const { roots, expanded, onExpand, activeId, onActive, openId, onOpen, editing, menu } = props;
  const base = useId();
  const items = visibleItems(roots, expanded);
  const tabStop = items.some((item) => item.node.id === activeId) ? activeId : (items[0]?.node.id ?? null);
  const [dragged, setDragged] = useState<CollectionNode | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  // A folder cannot be dropped into itself or anything inside it.
  const canDrop = (target: CollectionNode) =>
    dragged !== null && isContainer(target) && !(pathTo(roots, target.id) ?? []).some((node) => node.id === dragged.id);

  function focusItem(id: string) {
    onActive(id);
    document.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`)?.focus();
  }

  function openMenuFor(node: CollectionNode, element: HTMLElement) {
    const row = element.querySelector(':scope > .nav-row') ?? element;
    const rect = row.getBoundingClientRect();
    props.onMenu(node, new DOMRect(rect.left + INDENT, rect.top, rect.width, rect.height));
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const element = event.target as HTMLElement;
    if (element.getAttribute('role') !== 'treeitem' || event.altKey || event.metaKey) return;
    const index = items.findIndex((item) => item.node.id === element.dataset.nodeId);
    const item = items[index];
    if (!item) return;
    const { node } = item;
    const container = isContainer(node);
    const open = expanded.has(node.id);
    const key = event.key;
    let handled = true;
    if (key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) openMenuFor(node, element);
    else if (event.ctrlKey || event.shiftKey) handled = false;
    else if (key === 'ArrowDown') index < items.length - 1 && focusItem(items[index + 1]!.node.id);
    else if (key === 'ArrowUp') index > 0 && focusItem(items[index - 1]!.node.id);
    else if (key === 'Home') items[0] && focusItem(items[0].node.id);
    else if (key === 'End') items.length > 0 && focusItem(items.at(-1)!.node.id);
    else if (key === 'ArrowRight') {
      if (container && !open) onExpand(node.id, true);
      else if (container && node.children.length > 0) focusItem(node.children[0]!.id);
    } else if (key === 'ArrowLeft') {
      if (container && open) onExpand(node.id, false);
      else if (item.parentId) focusItem(item.parentId);
    } else if (key === 'Enter' || key === ' ') {
      if (container) onExpand(node.id, !open);
      else onOpen(node);
    } else if (key === 'F2') props.onRename(node);
    else if (key === 'Delete') props.onDelete(node);
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function renderItem(node: CollectionNode, depth: number, position: number, setSize: number): ReactNode {
    const container = isContainer(node);
    const open = container && expanded.has(node.id);
    const labelId = `${base}-${node.id}-label`;
    const methodId = `${base}-${node.id}-method`;
    const renaming = editing?.mode === 'rename' && editing.id === node.id;
    const menuOpen = menu?.nodeId === node.id;
    const classes = ['nav-row', `kind-${node.kind}`];
    if (node.id === activeId) classes.push('is-active');
    if (node.id === openId) classes.push('is-open');
    if (menuOpen) classes.push('has-menu');
    if (dropTarget === node.id) classes.push('is-drop-target');
    if (dragged?.id === node.id) classes.push('is-dragged');
    return (
      <li
        key={node.id}
        role="treeitem"
        data-node-id={node.id}
        aria-level={depth + 1}
        aria-setsize={setSize}
        aria-posinset={position}
        aria-expanded={container ? open : undefined}
        aria-selected={node.id === activeId}
        aria-current={node.id === openId ? 'true' : undefined}
        aria-labelledby={node.kind === 'request' ? `${methodId} ${labelId}` : labelId}
        tabIndex={node.id === tabStop ? 0 : -1}
        className="nav-item"
        onFocus={(event) => {
          if (event.target === event.currentTarget) onActive(node.id);
        }}
      >
        <div
          className={classes.join(' ')}
          style={{ paddingInlineStart: 4 + depth * INDENT }}
          onClick={() => {
            if (renaming) return;
            if (container) onExpand(node.id, !open);
            else onOpen(node);
          }}
          onContextMenu={(event) => {
            // A right click opens the same actions as "More actions", at the pointer.
            if (renaming) return;
            event.preventDefault();
            event.stopPropagation();
            event.currentTarget.closest<HTMLElement>('[role="treeitem"]')?.focus();
            props.onMenu(node, new DOMRect(event.clientX, event.clientY, 0, 0));
          }}
          draggable={node.kind !== 'collection' && !renaming}
          onDragStart={(event) => {
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', node.name);
            setDragged(node);
          }}
          onDragEnd={() => {
            setDragged(null);
            setDropTarget(null);
          }}
          onDragOver={(event) => {
            if (!canDrop(node)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setDropTarget(node.id);
          }}
          onDragLeave={() => setDropTarget((current) => (current === node.id ? null : current))}
          onDrop={(event) => {
            event.preventDefault();
            const moving = dragged;
            setDragged(null);
            setDropTarget(null);
            if (moving && canDrop(node)) props.onDrop(moving, node.id);
          }}
        >
          {container && <span className={`tree-twisty is-container${open ? ' is-open' : ''}`} aria-hidden="true" />}
          {node.kind === 'request' ? (
            <>
              <span id={methodId} className={`method-badge method-${node.request?.method ?? 'GET'}`}>
                {node.request?.method ?? 'GET'}
              </span>{' '}
            </>
          ) : (
            <span className={`node-icon icon-${node.kind}${open ? ' is-open' : ''}`} aria-hidden="true" />
          )}
          {renaming ? (
            <InlineName initial={node.name} onDone={props.onEditDone} />
          ) : (
            <span id={labelId} className="node-name" title={node.name}>
              {node.name}
            </span>
          )}
          {node.kind === 'collection' && !renaming && (
            // The count is drawn from data-count, so it is not taken for part of the item's name.
            <span className="node-count" aria-hidden="true" title="Requests" data-count={countRequests(node)} />
          )}
          {!renaming && (
            <button
              type="button"
              tabIndex={-1}
              className="node-menu-button"
              aria-label={`More actions for ${node.name}`}
              title="More actions"
              aria-haspopup="menu"
              aria-expanded={menuOpen}
              aria-controls={menuOpen ? menu.menuId : undefined}
              onClick={(event) => {
                event.stopPropagation();
                const item = event.currentTarget.closest<HTMLElement>('[role="treeitem"]')!;
                item.focus();
                openMenuFor(node, item);
              }}
            >
              <span aria-hidden="true">⋯</span>
            </button>
          )}
        </div>
      </li>
    );
  }

  // One flat list of rows, the levels given by aria-level: an item's text is then its own row
  // only (nested groups would make every open folder's children part of its visible label).
  const rows: ReactNode[] = [];
  const walk = (nodes: readonly CollectionNode[], depth: number) => {
    nodes.forEach((node, index) => {
      rows.push(renderItem(node, depth, index + 1, nodes.length));
      const creating = editing?.mode === 'create' && editing.parentId === node.id ? editing : null;
      if (isContainer(node) && (expanded.has(node.id) || creating)) walk(node.children, depth + 1);
      if (creating) rows.push(<PendingItem key="pending" kind={creating.kind} depth={depth + 1} onDone={props.onEditDone} />);
    });
  };
  walk(roots, 0);
  const creatingCollection = editing?.mode === 'create' && editing.parentId === null;
  if (items.length === 0 && !creatingCollection) return null;
  return (
    <ul ref={props.treeRef} role="tree" aria-label="Collections" className="nav-tree" onKeyDown={onKeyDown}>
      {rows}
      {creatingCollection && <PendingItem kind="collection" depth={0} onDone={props.onEditDone} />}
    </ul>
  );
}

/** The row where the name of a new collection or folder is typed. */
function PendingItem({ kind, depth, onDone }: { kind: 'collection' | 'folder'; depth: number; onDone: Props['onEditDone'] }) {
  return (
    <li role="treeitem" aria-level={depth + 1} aria-selected={false} aria-label={kind === 'collection' ? 'New collection' : 'New folder'} className="nav-item">
      <div className={`nav-row kind-${kind} is-active`} style={{ paddingInlineStart: 4 + depth * INDENT }}>
        <span className="tree-twisty" aria-hidden="true" />
        <span className={`node-icon icon-${kind}`} aria-hidden="true" />
        <InlineName initial="" onDone={onDone} />
      </div>
    </li>
  );
}

/** A name typed in place: Enter saves, Escape cancels, leaving the field saves. */
function InlineName({ initial, onDone }: { initial: string; onDone: Props['onEditDone'] }) {
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function finish(save: boolean, how: EditEnd) {
    if (finished.current) return;
    finished.current = true;
    const name = value.trim();
    onDone(save && name !== '' && name !== initial ? name : null, how);
  }

  return (
    <input
      ref={input}
      aria-label="Name"
      className="inline-name"
      value={value}
      maxLength={256}
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => setValue(event.target.value)}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        finish(event.key === 'Enter', 'key');
      }}
      onBlur={() => finish(true, 'blur')}
    />
  );
}
