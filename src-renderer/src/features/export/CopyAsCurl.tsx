import { useState } from 'react';
import type { SavedRequest } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import './export.css';

type Props = {
  /** The request as the editor holds it now. */
  request: () => SavedRequest;
  collectionId: string | null;
};

/**
 * Copies the request as a cURL command. The token is a placeholder unless the user ticks
 * "Include my access token" and then confirms a warning, every time.
 */
export function CopyAsCurl({ request, collectionId }: Props) {
  const [includeToken, setIncludeToken] = useState(false);
  const [warning, setWarning] = useState(false);
  const [message, setMessage] = useState<{ tone: 'status' | 'error'; text: string } | null>(null);

  async function copy(withToken: boolean) {
    setMessage(null);
    const result = await api().export.curl({ request: request(), collectionId, includeToken: withToken });
    if (!result.ok) {
      reportError(result.error);
      setMessage({ tone: 'error', text: result.error.message });
    } else if (!result.data.copied) {
      setMessage({ tone: 'error', text: 'The clipboard could not be written. Try again.' });
    } else {
      setMessage({
        tone: 'status',
        text: withToken
          ? 'Copied as cURL with your access token. It works until the token expires.'
          : 'Copied as cURL (token replaced by <ACCESS_TOKEN>)',
      });
    }
  }

  return (
    <div className="copy-curl">
      <button type="button" className="button button-small" onClick={() => (includeToken ? setWarning(true) : void copy(false))}>
        Copy as cURL
      </button>
      <label className="inline-check">
        <input type="checkbox" checked={includeToken} onChange={(event) => setIncludeToken(event.target.checked)} />
        Include my access token
      </label>
      <span role="status" className="copy-curl-status">
        {message?.tone === 'status' && message.text}
      </span>
      {message?.tone === 'error' && (
        <span role="alert" className="field-error">
          {message.text}
        </span>
      )}
      <ConfirmDialog
        open={warning}
        title="Copy with your access token?"
        confirmLabel="Copy with token"
        danger
        onConfirm={() => {
          setWarning(false);
          void copy(true);
        }}
        onCancel={() => setWarning(false)}
      >
        <p>
          The command will contain your access token. Anyone who has the command can act as you in Humanity until the token
          expires. Paste it only where you would type your password, and never into a ticket, chat or shared document.
        </p>
      </ConfirmDialog>
    </div>
  );
}
