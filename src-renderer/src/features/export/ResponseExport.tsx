import { useState } from 'react';
import type { ResponseSummary } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import './export.css';

const plural = (n: number, noun: string) => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Saves the shown response as a JSON file or its rows as CSV or an Excel workbook, through the
 * native save dialog. `csv` false leaves the row exports out (the table view offers its own).
 */
export function ResponseExport({ summary, csv = true }: { summary: ResponseSummary; csv?: boolean }) {
  const [busy, setBusy] = useState<'json' | 'csv' | 'xlsx' | null>(null);
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

  async function saveRows(format: 'csv' | 'xlsx') {
    setBusy(format);
    setMessage(null);
    const input = { responseId: summary.responseId, pointer: '' };
    const result = await (format === 'csv' ? api().export.responseCsv(input) : api().export.responseXlsx(input));
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
      {csv &&
        (['csv', 'xlsx'] as const).map((format) => (
          <button key={format} type="button" className="button button-small" disabled={busy !== null} onClick={() => void saveRows(format)}>
            {format === 'csv' ? 'Export CSV' : 'Export Excel'}
          </button>
        ))}
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
