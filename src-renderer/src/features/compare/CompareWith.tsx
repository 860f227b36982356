import { useEffect, useState } from 'react';
import type { HistoryEntry, ResponseSummary } from '@shared/contract';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { openComparison, type CompareSide } from '../../state/compareStore';
import { useTabs } from '../../state/hooks';
import { historySide, responseSide } from './compareText';
import './compare.css';

/** History entries offered: the newest with a kept body. */
const HISTORY_LIMIT = 200;

/** The other responses this one may be compared with: other tabs' JSON answers, and kept history bodies. */
function useCandidates(summary: ResponseSummary, open: boolean) {
  const tabs = useTabs();
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void api()
      .history.list({ query: '', offset: 0, limit: HISTORY_LIMIT })
      .then((result) => {
        if (!live) return;
        if (result.ok) setHistory(result.data.entries.filter((entry) => entry.bodyKept && entry.at !== summary.receivedAt));
        else setError(result.error.message);
      });
    return () => {
      live = false;
    };
  }, [open, summary.receivedAt]);
  const others = tabs.tabs.flatMap((tab) => {
    const other = tab.response.summary;
    return other && other.bodyKind === 'json' && other.responseId !== summary.responseId ? [responseSide(other)] : [];
  });
  return { others, history: history?.map(historySide) ?? null, error };
}

/** "Compare with…": picks the other response and opens the comparison view. */
export function CompareWith({ summary }: { summary: ResponseSummary }) {
  const [open, setOpen] = useState(false);
  const { others, history, error } = useCandidates(summary, open);
  const pick = (side: CompareSide) => {
    setOpen(false);
    openComparison(responseSide(summary), side);
  };
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
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
          {history && <SideList title="History" sides={history} empty="No history entry kept its response." onPick={pick} />}
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

function SideList({ title, sides, empty, onPick }: { title: string; sides: CompareSide[]; empty: string; onPick: (side: CompareSide) => void }) {
  return (
    <section aria-label={title}>
      <h3 className="compare-pick-title">{title}</h3>
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
