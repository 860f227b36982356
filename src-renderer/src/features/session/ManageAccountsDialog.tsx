import { useState, type FormEvent } from 'react';
import type { AccountView } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { appStore } from '../../state/appStore';

type Props = { open: boolean; accounts: readonly AccountView[]; currentId: string; onClose: () => void };

/** Renames saved accounts and removes them (with their sealed secrets) after asking. */
export function ManageAccountsDialog({ open, accounts, currentId, onClose }: Props) {
  const [removing, setRemoving] = useState<AccountView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function remove(account: AccountView) {
    setRemoving(null);
    setFailure(await appStore.session.removeAccount(account.id));
  }

  return (
    <>
      <Dialog open={open && removing === null} title="Manage accounts" onClose={onClose} className="dialog-wide">
        <div className="dialog-body">
          <ul className="account-list" aria-label="Saved accounts">
            {accounts.map((account) => (
              <AccountRow key={account.id} account={account} current={account.id === currentId} onRemove={() => setRemoving(account)} onFailure={setFailure} />
            ))}
          </ul>
          {failure && (
            <p className="form-failure" role="alert">
              {failure}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'account'}?`}
        confirmLabel="Remove account"
        danger
        onConfirm={() => void remove(removing!)}
        onCancel={() => setRemoving(null)}
      >
        <p>
          Its saved App Secret, refresh token and remembered password are deleted from this computer
          {removing?.id === currentId ? ', and you are signed out of it' : ''}. Its history entries stay.
        </p>
      </ConfirmDialog>
    </>
  );
}

type RowProps = { account: AccountView; current: boolean; onRemove: () => void; onFailure: (message: string | null) => void };

function AccountRow({ account, current, onRemove, onFailure }: RowProps) {
  const [name, setName] = useState(account.name);
  const changed = name.trim() !== account.name;

  async function rename(event: FormEvent) {
    event.preventDefault();
    onFailure(await appStore.session.renameAccount(account.id, name));
  }

  return (
    <li className="account-row">
      <form onSubmit={(event) => void rename(event)} className="account-row-form">
        <TextField
          label={`Name of ${account.username} at ${account.sandbox ? 'the sandbox' : account.host}`}
          value={name}
          onChange={setName}
          description={current ? 'Signed in now' : undefined}
        />
        <button type="submit" className="button" disabled={!changed}>
          Rename
        </button>
        <button type="button" className="button button-danger" onClick={onRemove} aria-label={`Remove ${account.name}`}>
          Remove…
        </button>
      </form>
    </li>
  );
}
