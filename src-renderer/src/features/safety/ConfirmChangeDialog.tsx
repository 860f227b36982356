import { useEffect, useState } from 'react';
import type { HttpMethod } from '../../../../src-main/shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import './safety.css';

/** A write about to leave for a real account, as it will be sent (variables filled in). */
export type PendingWrite = {
  method: HttpMethod;
  /** `/api/v2/...?query`, without the host. */
  path: string;
  /** The body as sent: form lines or JSON text; empty when there is none. */
  body: string;
};

type Props = {
  write: PendingWrite | null;
  account: { host: string; user: string };
  /** The group-account company the request goes to, when one is picked. */
  company: string | null;
  onSend: (dontAskAgain: boolean) => void;
  onCancel: () => void;
};

/**
 * Asks before a POST, PUT, PATCH or DELETE reaches a real Humanity account, naming exactly what
 * goes where. Cancel (which has the focus) sends nothing.
 */
export function ConfirmChangeDialog({ write, account, company, onSend, onCancel }: Props) {
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
      onConfirm={() => onSend(dontAsk)}
      onCancel={onCancel}
    >
      {write && (
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
              {account.user} on <span className="mono">{account.host}</span>
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
