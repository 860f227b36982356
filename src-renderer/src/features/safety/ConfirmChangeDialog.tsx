import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSession, useSettings } from '../../state/hooks';
import { companyName } from './pendingWrite';
import type { WriteConfirmation } from './useWriteConfirmation';
import './safety.css';

/**
 * Asks before a POST, PUT, PATCH or DELETE reaches a real Humanity account, naming exactly what
 * goes where. Cancel (which has the focus) sends nothing.
 */
export function ConfirmChangeDialog({ confirmation }: { confirmation: WriteConfirmation }) {
  const { write } = confirmation;
  const session = useSession();
  const company = companyName(useSettings());
  const [dontAsk, setDontAsk] = useState(false);
  useEffect(() => {
    if (write) setDontAsk(false);
  }, [write]);

  return (
    <ConfirmDialog
      open={write !== null}
      title="Confirm change"
      confirmLabel="Send"
      danger={write?.method === 'DELETE'}
      onConfirm={() => confirmation.confirm(dontAsk)}
      onCancel={confirmation.cancel}
    >
      {write && session && (
        <>
          <p>
            This {write.method} goes to a real Humanity account and may change its data{write.method === 'DELETE' ? ' for good' : ''}.
          </p>
          <dl className="change-facts">
            <dt>Method</dt>
            <dd>
              <span className={`method-tag method-${write.method}`}>{write.method}</span>
            </dd>
            <dt>Path</dt>
            <dd className="mono">{write.path}</dd>
            <dt>Account</dt>
            <dd>
              <strong>{session.accountName}</strong>:{' '}
              {session.userName ? `${session.userName} (${session.username})` : session.username} on <span className="mono">{session.host}</span>
            </dd>
            {company && (
              <>
                <dt>Company</dt>
                <dd>{company}</dd>
              </>
            )}
            {write.body && (
              <>
                <dt>Body</dt>
                <dd>
                  <pre className="change-body">{write.body}</pre>
                </dd>
              </>
            )}
          </dl>
          <label className="inline-check">
            <input type="checkbox" checked={dontAsk} onChange={(event) => setDontAsk(event.target.checked)} />
            Don't ask again until I sign out
          </label>
        </>
      )}
    </ConfirmDialog>
  );
}
