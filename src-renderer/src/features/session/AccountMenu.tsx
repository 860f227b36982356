import { useId, useRef, useState } from 'react';
import type { AccountView } from '@shared/contract';
import { Menu, menuButtonProps, type MenuItem } from '../../components/Menu';
import { appStore } from '../../state/appStore';
import { ManageAccountsDialog } from './ManageAccountsDialog';

type Props = {
  accounts: readonly AccountView[];
  currentId: string;
  /** A switch or an add failed: its sentence for the session bar. */
  onError: (message: string | null) => void;
};

/**
 * "Switch account": a menu button listing the other saved accounts, then "Add account…" and
 * "Manage accounts…" (docs/architecture.md, "Accounts").
 */
export function AccountMenu({ accounts, currentId, onError }: Props) {
  const ids = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const [manageOpen, setManageOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function act(call: () => Promise<string | null>) {
    setBusy(true);
    onError(await call());
    setBusy(false);
  }

  const items: MenuItem[] = [
    ...accounts
      .filter((account) => account.id !== currentId)
      .map((account) => ({ label: `${account.name} (${account.sandbox ? 'built-in sandbox' : account.host})`, onSelect: () => void act(() => appStore.session.switchAccount(account.id)) })),
    { label: 'Add account…', onSelect: () => void act(appStore.session.addAccount) },
    { label: 'Manage accounts…', onSelect: () => setManageOpen(true) },
  ];

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button"
        {...menuButtonProps(`${ids}-menu`, anchor !== null)}
        disabled={busy}
        onClick={() => setAnchor(anchor ? null : button.current!.getBoundingClientRect())}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          setAnchor(button.current!.getBoundingClientRect());
        }}
      >
        {busy ? 'Switching…' : 'Switch account'}
      </button>
      {anchor && (
        <Menu
          id={`${ids}-menu`}
          label="Switch account"
          items={items}
          anchor={anchor}
          onClose={(refocus) => {
            setAnchor(null);
            if (refocus) button.current?.focus();
          }}
        />
      )}
      <ManageAccountsDialog open={manageOpen} accounts={accounts} currentId={currentId} onClose={() => setManageOpen(false)} />
    </>
  );
}
