import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { Menu } from '../../components/Menu';
import { SearchField } from '../../components/SearchField';
import { useDebounced } from '../../components/useDebounced';
import { usePendingFocus } from '../../components/usePendingFocus';
import { useRowQuery } from '../../state/rowQueries';
import { columnMenu } from './columnMenu';
import { GridHeaderRow } from './GridHeaderRow';
import { RowsAtField } from './RowsAtField';
import { copyText, gridMove, HEADER, nextSort, shortText, type Cell } from './tableText';
import { useColumnWidths } from './useColumnWidths';
import { useTableExport, type TableMessage } from './useTableExport';
import { useTableRows, type TableSort } from './useTableRows';
import './table.css';

const ROW_HEIGHT = 28;
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The rows of a JSON response as a table: columns from the keys (nested objects flattened by
 * main), sort, filter, a column picker, copying a cell and CSV or Excel export. Only the rows in view are
 * rendered, and main sends only those.
 */
export function TableView({ responseId }: { responseId: string }) {
  const ids = useId();
  // Shared with the Chart view, which draws the same rows (state/rowQueries.ts).
  const [{ pointer: pointerText, filter: filterText }, setRowQuery] = useRowQuery(responseId);
  const setPointerText = (pointer: string) => setRowQuery({ pointer });
  const setFilterText = (filter: string) => setRowQuery({ filter });
  const pointer = useDebounced(pointerText.trim(), 300);
  const filter = useDebounced(filterText, 200);
  const [sort, setSort] = useState<TableSort>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [menuAnchor, setMenuAnchor] = useState<DOMRect | null>(null);
  const [message, setMessage] = useState<TableMessage | null>(null);
  const { exporting, exportAs } = useTableExport(setMessage);
  const scrollElement = useRef<HTMLDivElement>(null);
  const columnsButton = useRef<HTMLButtonElement>(null);

  // Another list has other columns: its rows start unsorted, from the top.
  const [shownPointer, setShownPointer] = useState(pointer);
  if (shownPointer !== pointer) {
    setShownPointer(pointer);
    setSort(null);
    setActive({ row: 0, col: 0 });
  }
  const query = useMemo(() => ({ pointer, filter, sort }), [pointer, filter, sort]);
  const table = useTableRows(responseId, query);
  const columns = useMemo(() => table.columns.filter((column) => !hidden.has(column)), [table.columns, hidden]);
  const count = table.matchedRows;

  const { template, totalWidth } = useColumnWidths(table, columns);

  const activeRow = Math.min(active.row, count - 1);
  const activeCol = Math.min(active.col, Math.max(0, columns.length - 1));
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeRow >= 0 && activeRow < range.count && !indexes.includes(activeRow)) {
        indexes.push(activeRow);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeRow],
  );
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollElement.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { load } = table;
  useEffect(() => load(first, last), [load, first, last]);

  // Keyboard moves focus the cell once it is rendered.
  const focusWhenShown = usePendingFocus((target: Cell) => {
    const element = scrollElement.current?.querySelector<HTMLElement>(`[data-cell="${target.row}:${target.col}"]`);
    return (
      element && {
        focus() {
          element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          element.focus({ preventScroll: true });
        },
      }
    );
  });

  function moveTo({ row, col }: Cell) {
    const target = { row: Math.max(HEADER, Math.min(count - 1, row)), col: Math.max(0, Math.min(columns.length - 1, col)) };
    setActive(target);
    focusWhenShown(target);
    if (target.row >= 0) virtualizer.scrollToIndex(target.row, { align: 'auto' });
    else if (scrollElement.current) scrollElement.current.scrollTop = 0;
  }

  function toggleSort(column: string) {
    setSort((current) => nextSort(current, column));
  }

  function cellText(cell: Cell): string | null {
    const column = columns[cell.col];
    if (column === undefined) return null;
    if (cell.row === HEADER) return column;
    const row = table.rowAt(cell.row);
    if (!row) return null;
    return row[table.columns.indexOf(column)] ?? '';
  }

  async function copyCell(cell: Cell) {
    const text = cellText(cell);
    if (text === null) return;
    const copied = await copyText(text);
    setMessage(
      copied
        ? { tone: 'status', text: text === '' ? 'Copied an empty cell' : `Copied “${shortText(text)}”` }
        : { tone: 'error', text: 'The clipboard is not available here: select the text in the cell and copy it yourself.' },
    );
  }

  function onGridKeyDown(event: KeyboardEvent) {
    const page = Math.max(1, Math.floor((scrollElement.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const mod = isMac ? event.metaKey : event.ctrlKey;
    const { row, col } = { row: activeRow, col: activeCol };
    if (mod && event.key.toLowerCase() === 'c' && !event.altKey && !event.shiftKey) {
      if (window.getSelection()?.toString()) return;
      event.preventDefault();
      void copyCell({ row, col });
      return;
    }
    if (event.altKey || event.metaKey || (event.ctrlKey && !['Home', 'End'].includes(event.key))) return;
    const target = gridMove(event.key, event.ctrlKey, { row, col }, { rows: count, cols: columns.length, page });
    if (target) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && row === HEADER && columns[col] !== undefined) {
      event.preventDefault();
      toggleSort(columns[col]!);
    }
  }

  const failed = table.error;
  const status =
    failed ? ''
    : !table.loaded ? 'Loading rows…'
    : `${count.toLocaleString('en-US')} of ${table.totalRows.toLocaleString('en-US')} rows`;

  return (
    <div className="table-view">
      <div className="table-toolbar">
        <RowsAtField value={pointerText} onChange={setPointerText} />
        <SearchField label="Filter rows" value={filterText} onChange={setFilterText} className="table-filter" />
        <button
          ref={columnsButton}
          type="button"
          className="button button-small"
          aria-haspopup="menu"
          aria-expanded={menuAnchor !== null}
          aria-controls={menuAnchor ? `${ids}-columns` : undefined}
          disabled={table.columns.length === 0 || failed !== null}
          onClick={(event) => setMenuAnchor(menuAnchor ? null : event.currentTarget.getBoundingClientRect())}
        >
          Columns{hidden.size > 0 ? ` (${columns.length} of ${table.columns.length})` : ''}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={failed !== null || count === 0}
          onClick={() => void copyCell({ row: activeRow, col: activeCol })}
        >
          Copy cell
        </button>
        {(['csv', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button button-small"
            disabled={failed !== null || count === 0 || exporting !== null}
            onClick={() => void exportAs(format, { responseId, pointer, filter, sort, columns })}
          >
            {format === 'csv' ? 'Export CSV' : 'Export Excel'}
          </button>
        ))}
      </div>
      <div className="table-status-line">
        <span role="status" className="table-count">
          {status}
        </span>
        <span role="status" className={message?.tone === 'status' ? 'table-message' : 'visually-hidden'}>
          {exporting ? 'Exporting…' : message?.tone === 'status' ? message.text : ''}
        </span>
      </div>
      {message?.tone === 'error' && (
        <p className="field-error" role="alert">
          {message.text}
        </p>
      )}
      {failed ? (
        <p className="muted panel-message table-unavailable">{failed}</p>
      ) : (
        <div ref={scrollElement} className="table-scroll">
          <div
            role="grid"
            aria-label="Response rows"
            aria-rowcount={count + 1}
            aria-colcount={columns.length}
            aria-busy={table.fresh ? undefined : true}
            className="data-grid"
            style={{ width: totalWidth }}
            onKeyDown={onGridKeyDown}
          >
            <div role="rowgroup" className="grid-head">
              <GridHeaderRow
                columns={columns}
                sort={sort}
                template={template}
                activeCol={activeRow === HEADER ? activeCol : null}
                onActive={(col) => setActive({ row: HEADER, col })}
                onSort={toggleSort}
              />
            </div>
            <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const row = table.rowAt(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className="grid-row"
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
                  >
                    {columns.map((column, col) => {
                      const text = row ? (row[table.columns.indexOf(column)] ?? '') : '';
                      const isActive = item.index === activeRow && col === activeCol;
                      return (
                        <div
                          key={column}
                          role="gridcell"
                          aria-colindex={col + 1}
                          data-cell={`${item.index}:${col}`}
                          tabIndex={isActive ? 0 : -1}
                          className="grid-cell"
                          title={text.length > 24 ? text : undefined}
                          onFocus={() => setActive({ row: item.index, col })}
                        >
                          {row ? text : col === 0 ? <span className="muted">Loading…</span> : null}
                        </div>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          </div>
          {table.loaded && table.fresh && count === 0 && (
            <p className="muted panel-message table-empty">
              {filter ? `No row contains “${filter.trim()}”.` : 'The list has no rows.'}
            </p>
          )}
        </div>
      )}
      {menuAnchor && (
        <Menu
          id={`${ids}-columns`}
          label="Columns"
          items={columnMenu(table.columns, hidden, setHidden)}
          anchor={menuAnchor}
          onClose={(refocus) => {
            setMenuAnchor(null);
            if (refocus) columnsButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
