import { useLayoutEffect, useRef } from 'react';
import type { CompareRow } from '@shared/contract';
import { displayPath } from '../response/treeExpansion';
import { useRowWindow } from '../response/useRowWindow';
import { useChangeRows, type ChangeFilter } from './useComparison';

const ROW_HEIGHT = 30;

/** Where a row's value is in one of the two responses. */
export type Jump = { side: 'before' | 'after'; path: string; seq: number };

type Props = { compareId: string; filter: ChangeFilter; query: string; onJump: (side: Jump['side'], path: string) => void };

const KIND_TONE: Record<CompareRow['kind'], string> = {
  added: 'tone-success',
  'field added': 'tone-success',
  removed: 'tone-danger',
  'field removed': 'tone-danger',
  changed: 'tone-warning',
  'type changed': 'tone-warning',
};

/**
 * The differences as a virtualised list: main sends only the rows in view (like the response
 * tree), each with its key, field, both values and a way to its place in either response.
 */
export function ChangeList({ compareId, filter, query, onJump }: Props) {
  const scroll = useRef<HTMLDivElement>(null);
  const rows = useChangeRows(compareId, filter, query);
  const view = useRowWindow({ count: rows.reach, rowHeight: ROW_HEIGHT, scrollRef: scroll, overscan: 10 });
  const { load } = rows;
  useLayoutEffect(() => load(view.first, view.last), [load, view.first, view.last]);

  if (rows.error) {
    return (
      <p className="form-failure" role="alert">
        {rows.error}
      </p>
    );
  }
  if (rows.loaded && rows.fresh && rows.reach === 0) return <p className="muted compare-empty">No differences match.</p>;
  return (
    <div ref={scroll} className="compare-scroll" aria-busy={!rows.fresh}>
      <div role="list" aria-label="Differences" className="compare-sizer" style={{ height: view.totalSize }}>
        {view.rows.map(({ index, top }) => {
          const row = rows.rowAt(index);
          return (
            <div key={index} role="listitem" aria-posinset={index + 1} aria-setsize={rows.reach} className="compare-row" style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}>
              {row ? <ChangeRow row={row} onJump={onJump} /> : <span className="muted">…</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ChangeRow({ row, onJump }: { row: CompareRow; onJump: Props['onJump'] }) {
  const field = row.path === '' ? '(whole record)' : displayPath(row.path);
  const name = `${row.key ?? ''} ${field}`.trim();
  return (
    <>
      <span className={`compare-kind ${KIND_TONE[row.kind]}`}>{row.kind}</span>
      {row.key !== null && <span className="compare-key mono" title={row.key}>{row.key}</span>}
      <span className="compare-path mono" title={field}>{field}</span>
      <span className="compare-values mono" title={`${row.before ?? '(missing)'} → ${row.after ?? '(missing)'}`}>
        <Value text={row.before} className="compare-before" />
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden"> becomes </span>
        <Value text={row.after} className="compare-after" />
      </span>
      <button type="button" className="button button-quiet button-small" disabled={row.beforePath === null} aria-label={`Show ${name} in before`} onClick={() => onJump('before', row.beforePath!)}>
        Before
      </button>
      <button type="button" className="button button-quiet button-small" disabled={row.afterPath === null} aria-label={`Show ${name} in after`} onClick={() => onJump('after', row.afterPath!)}>
        After
      </button>
    </>
  );
}

const Value = ({ text, className }: { text: string | null; className: string }) =>
  text === null ? <span className="muted">(missing)</span> : <span className={className}>{text}</span>;
