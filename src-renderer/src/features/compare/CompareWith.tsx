import { useEffect, useState, type ReactNode } from 'react';
import type { HistoryEntry, ResponseSummary } from '@shared/contract';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { SearchField } from '../../components/SearchField';
import { useDebounced } from '../../components/useDebounced';
import { openComparison, type CompareSide } from '../../state/compareStore';
import { useTabs } from '../../state/hooks';
import { historySide, responseSide } from './compareText';
import './compare.css';

/** History entries read per search: the newest (the channel's largest page). */
const HISTORY_LIMIT = 200;

/** This response's own history entry: reopened from it (its id), or recorded when it arrived (its responseId). */
const isEntryOf = ({ requestId, responseId }: Pick<ResponseSummary, 'requestId' | 'responseId'>, entry: HistoryEntry) =>
  entry.id === requestId || (!!entry.responseId && entry.responseId === responseId);

/** Kept history bodies matching the search, newest first, and whether older entries were left out. */
function useHistoryCandidates({ requestId, responseId }: ResponseSummary, open: boolean, query: string) {
  const [history, setHistory] = useState<{ entries: HistoryEntry[]; more: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void api()
      .history.list({ query, offset: 0, limit: HISTORY_LIMIT })
      .then((result) => {
        if (!live) return;
        setError(result.ok ? null : result.error.message);
        if (result.ok) setHistory({ entries: result.data.entries.filter((entry) => entry.bodyKept && !isEntryOf({ requestId, responseId }, entry)), more: result.data.total > result.data.entries.length });
      });
    return () => {
      live = false;
    };
  }, [open, query, requestId, responseId]);
  return { history, error };
}

/** The other responses this one may be compared with: other tabs' JSON answers, and kept history bodies. */
function useCandidates(summary: ResponseSummary, open: boolean, query: string) {
  const tabs = useTabs();
  const { history, error } = useHistoryCandidates(summary, open, query);
  const others = tabs.tabs.flatMap((tab) => {
    const other = tab.response.summary;
    return other && other.bodyKind === 'json' && other.responseId !== summary.responseId ? [responseSide(other)] : [];
  });
  return { others, history: history?.entries.map(historySide) ?? null, more: history?.more ?? false, error };
}

/** "Compare with…": picks the other response and opens the comparison view. */
export function CompareWith({ summary }: { summary: ResponseSummary }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const { others, history, more, error } = useCandidates(summary, open, useDebounced(search.trim(), 250));
  const pick = (side: CompareSide) => {
    setOpen(false);
    openComparison(responseSide(summary), side);
  };
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setSearch(''); // each time from the newest
          setOpen(true);
        }}
      >
        Compare with…
      </button>
      <Dialog open={open} title="Compare with…" onClose={() => setOpen(false)} className="dialog-wide">
        <div className="dialog-body compare-pick">
          <p className="muted">Compare this response with an earlier or later one: what was added, removed and changed.</p>
          <SideList title="Open tabs" sides={others} empty="No other tab shows a JSON response." onPick={pick} />
          {error && (
            <p className="form-failure" role="alert">
              {error}
            </p>
          )}
          {history && (
            <SideList title="History" sides={history} empty={search.trim() ? 'No history entry that kept its response matches.' : 'No history entry kept its response.'} onPick={pick}>
              <SearchField label="Search history" value={search} onChange={setSearch} className="compare-pick-search" />
            </SideList>
          )}
          {more && (
            <p className="muted" role="note">
              Showing the {HISTORY_LIMIT} most recent {search.trim() ? 'matching ' : ''}history entries. Search to find an older one.
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </>
  );
}

type SideListProps = { title: string; sides: CompareSide[]; empty: string; onPick: (side: CompareSide) => void; children?: ReactNode };

function SideList({ title, sides, empty, onPick, children }: SideListProps) {
  return (
    <section aria-label={title}>
      <h3 className="compare-pick-title">{title}</h3>
      {children}
      {sides.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="compare-pick-list">
          {sides.map((side) => (
            <li key={'responseId' in side.source ? side.source.responseId : side.source.historyId}>
              <button type="button" className="button button-quiet compare-pick-option" onClick={() => onPick(side)}>
                {side.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
