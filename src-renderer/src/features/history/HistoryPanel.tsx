import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistoryEntry } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { moveFocusInList } from '../../components/listKeys';
import { SearchField } from '../../components/SearchField';
import { SelectField } from '../../components/SelectField';
import { useHistoryVersion } from '../../state/historyVersion';
import { useDebounced } from '../../components/useDebounced';
import { formatBytes, formatDuration } from '../response/format';
import { outcomeTone, statusTone } from '../response/ResponseSummaryView';
import { CompareChosen, useHistoryChoice, type HistoryChoice } from '../compare/HistoryChoice';
import { useAccountFilter } from './useAccountFilter';
import './history.css';

type Props = {
  /** Resolves to an error sentence, or null once the entry is in the editor. */
  onOpen: (entry: HistoryEntry) => Promise<string | null>;
};

const PAGE = 100;

/** When, in the shortest form that is still clear: a time today, a date and time before. */
function formatWhen(at: number, now = Date.now()): string {
  const date = new Date(at);
  const today = new Date(now).toDateString() === date.toDateString();
  return today
    ? date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })
    : date.toLocaleString([], { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** Everything sent, newest first, a page at a time; one click puts an entry back in the editor. */
export function HistoryPanel({ onOpen }: Props) {
  // Changes after every send, so the list is read again.
  const version = useHistoryVersion();
  const [query, setQuery] = useState('');
  const settledQuery = useDebounced(query.trim(), 200);
  const account = useAccountFilter(version);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // One tab stop for the whole list; arrows move between entries.
  const [tabStop, setTabStop] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  // Answers to an earlier query or version are dropped.
  const generation = useRef(0);
  // Entries ticked for "Compare".
  const choice = useHistoryChoice();

  const load = useCallback(
    async (offset: number) => {
      const gen = offset === 0 ? ++generation.current : generation.current;
      setLoading(true);
      const result = await api().history.list({ query: settledQuery, offset, limit: PAGE, ...account.filter });
      if (gen !== generation.current) return;
      setLoading(false);
      if (!result.ok) {
        setError(result.error.message);
        reportError(result.error);
        return;
      }
      setError(null);
      setTotal(result.data.total);
      setEntries((shown) => (offset === 0 || !shown ? result.data.entries : [...shown, ...result.data.entries]));
    },
    [settledQuery, account.filter],
  );

  useEffect(() => {
    void load(0);
  }, [load, version]);

  async function clear() {
    setConfirming(false);
    choice.clear();
    const result = await api().history.clear({});
    account.recheck();
    if (!result.ok) {
      setError(result.error.message);
      reportError(result.error);
      return;
    }
    void load(0);
  }

  const shown = entries ?? [];
  return (
    <div className="history-panel">
      <div className="sidebar-toolbar">
        <SearchField label="Search history" value={query} onChange={setQuery} className="grow" />
        <button
          type="button"
          className="button button-small"
          disabled={entries === null || (total === 0 && settledQuery === '')}
          onClick={() => setConfirming(true)}
        >
          Clear history
        </button>
      </div>
      {account.shown && (
        <SelectField label="Account" className="field-inline history-account" value={account.value} options={account.options} onChange={account.setValue} />
      )}
      <CompareChosen choice={choice} />
      <div className="sidebar-scroll">
        {error && (
          <p className="form-failure" role="alert">
            {error}
          </p>
        )}
        {entries !== null && shown.length === 0 && (
          <p className="sidebar-empty">
            {settledQuery ? `Nothing in the history matches “${settledQuery}”.` : 'Requests you send are listed here, newest first.'}
          </p>
        )}
        {shown.length > 0 && (
          <ul ref={list} className="history-list" aria-label="History" onKeyDown={(event) => moveFocusInList(event, list.current, 'button.history-entry')}>
            {shown.map((entry, index) => (
              <li key={entry.id} className="history-item">
                <ChooseEntry entry={entry} choice={choice} tabbable={index === Math.min(tabStop, shown.length - 1)} />
                <HistoryRow
                  entry={entry}
                  tabbable={index === Math.min(tabStop, shown.length - 1)}
                  onFocus={() => setTabStop(index)}
                  onOpen={async () => {
                    const problem = await onOpen(entry);
                    if (problem) setError(problem);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        {shown.length < total && (
          <button type="button" className="button button-small load-more" disabled={loading} onClick={() => void load(shown.length)}>
            Show {Math.min(PAGE, total - shown.length)} more of {total - shown.length}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Clear history"
        confirmLabel="Clear history"
        danger
        onConfirm={() => void clear()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          All {total === 1 ? 'one entry' : `${total} entries`} and their kept responses are deleted. Your collections stay as they
          are.
        </p>
      </ConfirmDialog>
    </div>
  );
}

/** The tick that chooses an entry for "Compare"; only entries that kept their response have one. */
function ChooseEntry({ entry, choice, tabbable }: { entry: HistoryEntry; choice: HistoryChoice; tabbable: boolean }) {
  if (!entry.bodyKept) return <span className="history-choose" />;
  const { method, path } = entry.request;
  return (
    <input
      type="checkbox"
      className="history-choose"
      tabIndex={tabbable ? 0 : -1}
      aria-label={`Select ${method} ${path} at ${formatWhen(entry.at)} to compare`}
      checked={choice.isChosen(entry.id)}
      onChange={(event) => choice.toggle(entry, event.target.checked)}
    />
  );
}

type RowProps = { entry: HistoryEntry; tabbable: boolean; onFocus: () => void; onOpen: () => void };

function HistoryRow({ entry, tabbable, onFocus, onOpen }: RowProps) {
  const { request } = entry;
  const query = request.query.filter((row) => row.enabled);
  const path = query.length > 0 ? `${request.path}?${query.map((row) => `${row.name}=${row.value}`).join('&')}` : request.path;
  const failed = entry.httpStatus === null;
  return (
    <button type="button" className="history-entry" title={path} tabIndex={tabbable ? 0 : -1} onFocus={onFocus} onClick={onOpen}>
      <span className="history-line">
        <span className={`method-badge method-${request.method}`}>{request.method}</span>
        <span className="history-path mono">{path}</span>
        <time className="history-when" dateTime={new Date(entry.at).toISOString()} title={new Date(entry.at).toLocaleString()}>
          {formatWhen(entry.at)}
        </time>
      </span>
      <span className="history-line history-facts">
        <span className={`status-chip ${failed ? 'tone-danger' : statusTone(entry.httpStatus!)}`}>
          {failed ? 'Failed' : entry.httpStatus}
        </span>
        <span className={`history-outcome ${entry.envelopeKind ? outcomeTone[entry.envelopeKind] : 'tone-danger'}`} title={entry.outcome}>
          {entry.outcome}
        </span>
        {!failed && <span className="fact">{formatBytes(entry.sizeBytes)}</span>}
        {entry.account && <span className="fact history-account-name">{entry.account.name}</span>}
        <span className="fact">{formatDuration(entry.durationMs)}</span>
      </span>
    </button>
  );
}
