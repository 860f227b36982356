import { useState } from 'react';
import type { CompareSummary } from '@shared/contract';
import { Dialog } from '../../components/Dialog';
import { SearchField } from '../../components/SearchField';
import { SelectField } from '../../components/SelectField';
import { useDebounced } from '../../components/useDebounced';
import type { ComparisonRequest } from '../../state/compareStore';
import { ResponseTree } from '../response/ResponseTree';
import { ChangeList, type Jump } from './ChangeList';
import { CompareExport } from './CompareExport';
import { summaryLine } from './compareText';
import { useComparison, type ChangeFilter } from './useComparison';
import './compare.css';

type Props = { request: ComparisonRequest | null; onClose: () => void };

const FILTERS: Array<{ id: ChangeFilter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'added', label: 'Added' },
  { id: 'removed', label: 'Removed' },
  { id: 'changed', label: 'Changed' },
];

/** Two responses compared: the counts, the differences (filtered, searched), exports, and either response's tree. */
export function CompareView({ request, onClose }: Props) {
  return (
    <Dialog open={request !== null} title="Compare responses" onClose={onClose} className="dialog-compare">
      {request && <Comparison key={request.seq} request={request} onClose={onClose} />}
    </Dialog>
  );
}

function Comparison({ request, onClose }: { request: ComparisonRequest; onClose: () => void }) {
  const [key, setKey] = useState<string | null>(null);
  const { summary, error, busy } = useComparison(request, key);
  const [jump, setJump] = useState<Jump | null>(null);
  return (
    <div className={`compare-view${summary && jump ? ' has-tree' : ''}`}>
      <dl className="compare-sides">
        <dt>Before</dt>
        <dd>{request.before.label}</dd>
        <dt>After</dt>
        <dd>{request.after.label}</dd>
      </dl>
      {busy && (
        <p className="muted" role="status">
          Comparing…
        </p>
      )}
      {error && (
        <p className="form-failure" role="alert">
          {error}
        </p>
      )}
      {summary && !busy && <Differences summary={summary} request={request} onKey={setKey} onJump={(side, path) => setJump({ side, path, seq: (jump?.seq ?? 0) + 1 })} />}
      {summary && jump && <JumpTree summary={summary} request={request} jump={jump} onClose={() => setJump(null)} />}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

type DifferencesProps = { summary: CompareSummary; request: ComparisonRequest; onKey: (key: string) => void; onJump: (side: Jump['side'], path: string) => void };

function Differences({ summary, request, onKey, onJump }: DifferencesProps) {
  const [filter, setFilter] = useState<ChangeFilter>('all');
  const [query, setQuery] = useState('');
  const settledQuery = useDebounced(query.trim(), 200);
  const counts: Record<ChangeFilter, number> = { all: summary.counts.rows, ...summary.counts };
  return (
    <div className="compare-differences">
      <p className="compare-summary" role="status">
        {summaryLine(summary, request.after.requestPath)}
        {summary.capped && ` (the first ${summary.counts.rows.toLocaleString('en-US')} differences are listed)`}
      </p>
      {summary.duplicateKeys > 0 && (
        <p className="muted">
          {summary.duplicateKeys.toLocaleString('en-US')} {summary.key} values are held by more than one record; those records were matched in order.
        </p>
      )}
      <div className="compare-toolbar">
        {summary.mode === 'records' && summary.key !== null && (
          <SelectField label="Match records by" value={summary.key} options={summary.keyOptions.map((option) => ({ value: option, label: option }))} onChange={onKey} className="compare-key-field" />
        )}
        <fieldset className="compare-filter">
          <legend className="visually-hidden">Show</legend>
          {FILTERS.map(({ id, label }) => (
            <label key={id} className={filter === id ? 'is-selected' : undefined}>
              <input type="radio" name="compare-filter" value={id} checked={filter === id} onChange={() => setFilter(id)} />
              {label} ({counts[id].toLocaleString('en-US')})
            </label>
          ))}
        </fieldset>
        <SearchField label="Search differences" value={query} onChange={setQuery} className="grow" />
        <CompareExport compareId={summary.compareId} />
      </div>
      <ChangeList compareId={summary.compareId} filter={filter} query={settledQuery} onJump={onJump} />
    </div>
  );
}

function JumpTree({ summary, request, jump, onClose }: { summary: CompareSummary; request: ComparisonRequest; jump: Jump; onClose: () => void }) {
  const responseId = jump.side === 'before' ? summary.beforeId : summary.afterId;
  const label = jump.side === 'before' ? request.before.label : request.after.label;
  return (
    <section className="compare-tree" aria-label={`${jump.side === 'before' ? 'Before' : 'After'} response`}>
      <div className="compare-tree-head">
        <h3>
          {jump.side === 'before' ? 'Before' : 'After'}: {label}
        </h3>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          Hide response
        </button>
      </div>
      <ResponseTree key={responseId} responseId={responseId} firstRows={null} focusSearch={false} onSearchFocused={noop} revealPath={jump} />
    </section>
  );
}

const noop = () => undefined;
