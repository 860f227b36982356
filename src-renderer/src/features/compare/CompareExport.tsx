import { useState } from 'react';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';

/** Export CSV / Export JSON of a comparison, through the native save dialog; says where it went. */
export function CompareExport({ compareId }: { compareId: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'status' | 'error'; text: string } | null>(null);

  async function save(format: 'csv' | 'json') {
    setBusy(true);
    setMessage(null);
    const result = await api().compare.export({ compareId, format });
    setBusy(false);
    if (!result.ok) {
      reportError(result.error);
      setMessage({ tone: 'error', text: result.error.message });
    } else if (result.data.saved) {
      const rows = result.data.rows;
      setMessage({ tone: 'status', text: `Saved ${rows.toLocaleString('en-US')} ${rows === 1 ? 'difference' : 'differences'} to ${result.data.path}` });
    }
  }

  return (
    <div className="compare-export">
      <button type="button" className="button button-small" disabled={busy} onClick={() => void save('csv')}>
        Export CSV
      </button>
      <button type="button" className="button button-small" disabled={busy} onClick={() => void save('json')}>
        Export JSON
      </button>
      {message && (
        <span role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'form-failure' : 'muted'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
