import { HEADER } from './tableText';
import type { TableSort } from './useTableRows';

type Props = {
  columns: readonly string[];
  sort: TableSort;
  template: string;
  /** The header cell that is the grid's tab stop, if it is in the header. */
  activeCol: number | null;
  onActive: (col: number) => void;
  onSort: (column: string) => void;
};

/** The grid's header row: one column header per shown column; click (or Enter on it) sorts. */
export function GridHeaderRow({ columns, sort, template, activeCol, onActive, onSort }: Props) {
  return (
    <div role="row" aria-rowindex={1} className="grid-row grid-header-row" style={{ gridTemplateColumns: template }}>
      {columns.map((column, col) => {
        const sorted = sort?.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined;
        return (
          <div
            key={column}
            role="columnheader"
            aria-colindex={col + 1}
            aria-sort={sorted}
            data-cell={`${HEADER}:${col}`}
            tabIndex={col === activeCol ? 0 : -1}
            className="grid-cell grid-header"
            title={`${column} — click or press Enter to sort`}
            onClick={() => {
              onActive(col);
              onSort(column);
            }}
            onFocus={() => onActive(col)}
          >
            <span className="grid-header-text">{column}</span>
            <span className={`sort-mark${sorted ? ` is-${sorted}` : ''}`} aria-hidden="true" />
          </div>
        );
      })}
    </div>
  );
}
