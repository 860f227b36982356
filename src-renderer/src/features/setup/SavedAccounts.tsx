import { useState } from 'react';
import type { AccountView } from '@shared/contract';
import { appStore } from '../../state/appStore';

type Props = { accounts: readonly AccountView[]; currentId: string | null };

/** On the setup screen: the other saved accounts, one button each, to go back to one of them. */
export function SavedAccounts({ accounts, currentId }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const others = accounts.filter((account) => account.id !== currentId);
  if (others.length === 0) return null;

  async function switchTo(id: string) {
    setBusy(true);
    setFailure(await appStore.session.switchAccount(id));
    setBusy(false);
  }

  return (
    <section className="setup-accounts" aria-label="Saved accounts">
      <h2>Saved accounts</h2>
      <ul>
        {others.map((account) => (
          <li key={account.id}>
            <button type="button" className="button" disabled={busy} onClick={() => void switchTo(account.id)}>
              Switch to {account.name}
            </button>
          </li>
        ))}
      </ul>
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
