import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FirstTreeRows, TreeRow } from '@shared/contract';
import { useTreeRows } from './useTreeRows';
import { useRowWindow } from './useRowWindow';
import { parentPath, type Expansion } from './treeExpansion';

const ROW_HEIGHT = 24;
const TREE_KEYS = new Set(['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageDown', 'PageUp', 'Enter', ' ']);
const isContainer = (row: TreeRow) => row.kind === 'object' || row.kind === 'array';

/** A row to bring into view (a search hit): its index under the current expansion, and its path. */
export type TreeTarget = { row: number; path: string; focus: boolean; seq: number };

type Props = {
  responseId: string;
  /** Rows main sent with the answer, for the expansion it opened them with (ResponseTree). */
  firstRows: FirstTreeRows | null;
  expansion: Expansion;
  /** Opens or closes one row. */
  onToggle: (path: string, open: boolean) => void;
  target: TreeTarget | null;
  /** The path of the search hit to highlight. */
  highlight: string | null;
};

/**
 * The response body as a virtualized ARIA tree. Only the rows in view exist in the DOM, and main
 * sends only those; the focused row is always rendered so keyboard focus survives scrolling.
 */
export function JsonTree({ responseId, firstRows, expansion, onToggle, target, highlight }: Props) {
  const [focusIndex, setFocusIndex] = useState(0);
  const scrollElement = useRef<HTMLDivElement>(null);
  const rows = useTreeRows(responseId, expansion, firstRows);

  // Keys are applied in order, each to the rows as they are once main has answered the previous
  // toggle: a fast typist (or a test) must not expand a row that is about to move away.
  const queuedKeys = useRef<string[]>([]);
  const focusRef = useRef(0);
  const rowsRef = useRef(rows);
  // Set by keyboard moves: the row to focus once it is rendered.
  const pendingFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    rowsRef.current = rows;
  });

  const view = useRowWindow({ count: rows.totalRows, rowHeight: ROW_HEIGHT, scrollRef: scrollElement, overscan: 10, pinned: focusIndex });
  const { load } = rows;
  // Asked for before the browser paints, not after: the first rows come a frame sooner.
  useLayoutEffect(() => load(view.first, view.last), [load, view.first, view.last]);

  const focusRow = (index: number) => {
    focusRef.current = index;
    setFocusIndex(index);
  };

  const setOpen = (row: TreeRow, open: boolean) => onToggle(row.path, open);

  // Open the Humanity envelope's `data` on first sight: it is what people came to see. Main did
  // it already for the rows it sent with the answer (response/shared/first-rows.ts).
  const root = rows.rowAt(0);
  const openedData = useRef(firstRows !== null);
  useEffect(() => {
    if (openedData.current || !root) return;
    openedData.current = true;
    if (root.kind !== 'object' || !root.expanded) return;
    for (let i = 1; i <= root.childCount; i += 1) {
      const child = rows.rowAt(i);
      if (child?.path !== '/data') continue;
      if (isContainer(child) && !child.expanded) setOpen(child, true);
      return;
    }
  }, [root, rows]);

  // A search hit: once the rows of its expansion are in, scroll to it and focus or mark it.
  const appliedTarget = useRef(0);
  useLayoutEffect(() => {
    if (!target || appliedTarget.current === target.seq || !rows.fresh || target.row >= rows.totalRows) return;
    appliedTarget.current = target.seq;
    focusRow(target.row);
    if (target.focus) pendingFocus.current = target.row;
    view.scrollToRow(target.row, 'center');
  });

  function moveTo(index: number) {
    const total = rowsRef.current.totalRows;
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    focusRow(next);
    pendingFocus.current = next;
    view.scrollToRow(next);
  }

  /** Applies one key to the focused row; true when it changed the expansion. */
  function applyKey(key: string, index: number, row: TreeRow): boolean {
    const container = isContainer(row);
    switch (key) {
      case 'ArrowDown':
        moveTo(index + 1);
        return false;
      case 'ArrowUp':
        moveTo(index - 1);
        return false;
      case 'Home':
        moveTo(0);
        return false;
      case 'End':
        moveTo(rowsRef.current.totalRows - 1);
        return false;
      case 'PageDown':
        moveTo(index + Math.max(1, view.pageRows - 1));
        return false;
      case 'PageUp':
        moveTo(index - Math.max(1, view.pageRows - 1));
        return false;
      case 'Enter':
      case ' ':
        if (!container) return false;
        setOpen(row, !row.expanded);
        return true;
      case 'ArrowRight':
        if (container && !row.expanded) {
          setOpen(row, true);
          return true;
        }
        if (container && row.childCount > 0) moveTo(index + 1);
        return false;
      case 'ArrowLeft':
        if (container && row.expanded) {
          setOpen(row, false);
          return true;
        }
        if (row.depth > 0) moveTo(findParent(index, row));
        return false;
      default:
        return false;
    }
  }

  function findParent(index: number, row: TreeRow): number {
    const path = parentPath(row.path);
    for (let i = index - 1; i >= 0; i -= 1) {
      const candidate = rowsRef.current.rowAt(i);
      if (!candidate) break;
      if (candidate.path === path) return i;
    }
    return index;
  }

  function runQueuedKeys() {
    while (queuedKeys.current.length > 0) {
      const current = rowsRef.current;
      if (current.error) {
        queuedKeys.current = [];
        return;
      }
      const index = focusRef.current;
      const row = current.rowAt(index);
      if (!current.fresh || !row) return;
      if (applyKey(queuedKeys.current.shift()!, index, row)) return;
    }
  }

  useEffect(() => {
    runQueuedKeys();
    if (pendingFocus.current === null) return;
    const element = scrollElement.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`);
    if (element) {
      element.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  function onKeyDown(event: KeyboardEvent) {
    if (!TREE_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    queuedKeys.current.push(event.key);
    runQueuedKeys();
  }

  return (
    <div className="json-tree">
      {rows.error && (
        <p className="form-failure" role="alert">
          {rows.error}
        </p>
      )}
      <div
        ref={scrollElement}
        className="tree-scroll"
        role="tree"
        aria-label="Response body"
        aria-busy={rows.fresh ? undefined : true}
        onKeyDown={onKeyDown}
      >
        <div className="tree-sizer" style={{ height: view.totalSize }}>
          {view.rows.map(({ index, top }) => {
            const row = rows.rowAt(index);
            const hit = row !== undefined && highlight !== null && row.path === highlight;
            return (
              <div
                key={index}
                data-index={index}
                role="treeitem"
                aria-level={row ? row.depth + 1 : undefined}
                aria-expanded={row && isContainer(row) ? row.expanded : undefined}
                aria-busy={row ? undefined : true}
                aria-current={hit ? 'true' : undefined}
                tabIndex={index === focusIndex ? 0 : -1}
                className={hit ? 'tree-row is-hit' : 'tree-row'}
                style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  focusRow(index);
                  if (row && isContainer(row)) setOpen(row, !row.expanded);
                }}
                onFocus={() => focusRow(index)}
              >
                {row ? <TreeRowContent row={row} /> : <span className="muted">Loading…</span>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function TreeRowContent({ row }: { row: TreeRow }) {
  const container = isContainer(row);
  return (
    <span className="tree-row-content" style={{ paddingInlineStart: row.depth * 16 }}>
      {/* Drawn by CSS and hidden from the accessibility tree: a row's text is its key and value. */}
      <span
        className={`tree-twisty${container ? ' is-container' : ''}${row.expanded ? ' is-open' : ''}`}
        aria-hidden="true"
      />
      {row.key !== null && <span className="tree-key">{row.key}</span>}
      {row.key !== null && <span className="tree-colon">:</span>}
      {/* For containers main's preview is the child count: "{5 keys}", "[25 items]". */}
      <span className={`tree-value kind-${row.kind}`}>{row.preview}</span>
    </span>
  );
}
