import { useState } from 'react';
import type { ResponseSummary } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import './export.css';

const plural = (n: number, noun: string) => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Saves the shown response as a JSON file or its rows as CSV, through the native save dialog.
 * `csv` false leaves the CSV button out (the table view offers its own).
 */
export function ResponseExport({ summary, csv = true }: { summary: ResponseSummary; csv?: boolean }) {
  const [busy, setBusy] = useState<'json' | 'csv' | null>(null);
  const [message, setMessage] = useState<{ tone: 'status' | 'error'; text: string } | null>(null);
  if (summary.bodyKind !== 'json') return null;

  async function saveJson() {
    setBusy('json');
    setMessage(null);
    const result = await api().export.responseJson({ responseId: summary.responseId });
    setBusy(null);
    if (!result.ok) {
      reportError(result.error);
      setMessage({ tone: 'error', text: result.error.message });
    } else if (result.data.saved) setMessage({ tone: 'status', text: `Saved to ${result.data.path}` });
  }

  async function saveCsv() {
    setBusy('csv');
    setMessage(null);
    const result = await api().export.responseCsv({ responseId: summary.responseId, pointer: '' });
    setBusy(null);
    if (!result.ok) {
      reportError(result.error);
      setMessage({ tone: 'error', text: result.error.message });
    } else if (result.data.saved) {
      setMessage({ tone: 'status', text: `Saved ${plural(result.data.rows, 'row')} to ${result.data.path}` });
    }
  }

  return (
    <div className="response-export">
      <button type="button" className="button button-small" disabled={busy !== null} onClick={() => void saveJson()}>
        Save JSON
      </button>
      {csv && (
        <button type="button" className="button button-small" disabled={busy !== null} onClick={() => void saveCsv()}>
          Export CSV
        </button>
      )}
      <span role="status" className="export-status">
        {busy && (busy === 'json' ? 'Saving…' : 'Exporting…')}
        {!busy && message?.tone === 'status' && message.text}
      </span>
      {message?.tone === 'error' && (
        <span role="alert" className="field-error export-error">
          {message.text}
        </span>
      )}
    </div>
  );
}
