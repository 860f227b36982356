import { useState } from 'react';
import type { RequestInput } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { formatBytes } from './format';

type Saved = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; text: string } | { state: 'failed'; text: string };

/**
 * The offer that goes with "too large to keep": main sends the request again and streams the
 * answer straight into a file the user picks, without keeping it.
 */
export function SaveToFile({ request }: { request: RequestInput }) {
  const [saved, setSaved] = useState<Saved>({ state: 'idle' });

  async function save() {
    setSaved({ state: 'saving' });
    const result = await api().request.download(request);
    if (!result.ok) {
      setSaved({ state: 'failed', text: result.error.message });
      reportError(result.error);
      return;
    }
    if (!result.data.saved) setSaved({ state: 'idle' });
    else setSaved({ state: 'saved', text: `Saved ${formatBytes(result.data.bytes)} to ${result.data.path}` });
  }

  return (
    <div className="save-to-file">
      <button type="button" className="button" disabled={saved.state === 'saving'} onClick={() => void save()}>
        Save to file
      </button>
      <span role="status" className={saved.state === 'failed' ? 'form-failure' : 'muted'}>
        {saved.state === 'saving' ? 'Saving…' : saved.state === 'saved' || saved.state === 'failed' ? saved.text : ''}
      </span>
    </div>
  );
}
