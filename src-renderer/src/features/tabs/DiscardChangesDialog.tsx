import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useTab } from '../../state/hooks';
import { MAX_TABS, tabTitle } from '../../state/tabsModel';
import type { DiscardGuard } from './useDiscardGuard';

/** "Discard unsaved changes?" for the tab the guard holds back. */
export function DiscardChangesDialog({ guard }: { guard: DiscardGuard }) {
  const { pending } = guard;
  const tab = useTab(pending?.tabId ?? null);
  return (
    <ConfirmDialog
      open={pending !== null}
      title="Discard unsaved changes?"
      confirmLabel="Discard changes"
      danger
      onConfirm={guard.confirm}
      onCancel={guard.cancel}
    >
      <p>
        {tab?.editor.origin
          ? `${tabTitle(tab.editor)} has changes that are not saved.`
          : 'This request has changes that are neither saved nor sent.'}{' '}
        {pending?.kind === 'close' ? 'Discard them and close the tab?' : `${MAX_TABS} tabs are open: discard them and open the other request here?`}
      </p>
    </ConfirmDialog>
  );
}
