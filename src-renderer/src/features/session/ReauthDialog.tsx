import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionView } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { TextField } from '../../components/TextField';
import { appStore } from '../../state/appStore';
import { useReauthOpen } from '../../state/hooks';
import { RememberPasswordField } from './RememberPasswordField';

/**
 * Asks for the password once the session can no longer be renewed. A modal over the explorer,
 * which stays mounted behind it so the request and the last response are kept; requests sent
 * meanwhile wait in main and go on by themselves after the sign-in (or end when it is cancelled).
 */
export function ReauthDialog({ session }: { session: SessionView }) {
  const open = useReauthOpen();
  // Escape or Cancel closes the dialog; the session bar offers to reopen it.
  const onClose = appStore.session.closeReauth;
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(session.rememberPassword);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'signing-in' | 'signing-out' | null>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current!;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  // Closing in any way (Escape, Cancel, sign-in, sign-out) forgets the typed password.
  function close() {
    setPassword('');
    setRemember(session.rememberPassword);
    setFieldError(null);
    setFailure(null);
    onClose();
  }

  async function signIn(event: FormEvent) {
    event.preventDefault();
    if (password === '') {
      setFieldError('Enter the Password.');
      return;
    }
    setFieldError(null);
    setFailure(null);
    setBusy('signing-in');
    const result = await api().auth.reauth({ password, remember });
    setBusy(null);
    if (result.ok) {
      onClose();
      appStore.session.signedIn(result.data);
    }
    else {
      setFailure(result.error.message);
      reportError(result.error);
    }
  }

  // Escape and Cancel: the requests waiting for this sign-in end with a sentence.
  function cancel() {
    void api().auth.cancelReauth({});
    onClose();
  }

  async function signOut() {
    setBusy('signing-out');
    const result = await api().auth.logout({});
    setBusy(null);
    if (result.ok) appStore.session.signedOut(result.data);
    else {
      setFailure(result.error.message);
      reportError(result.error);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onClose={close}
      onCancel={(event) => {
        event.preventDefault();
        // Escape while signing in must not end the requests that this sign-in is about to release.
        if (!busy) cancel();
      }}
    >
      <form onSubmit={(event) => void signIn(event)} noValidate>
        <h2 id={titleId}>Sign in again</h2>
        <p>
          {session.serverRenewsSessions
            ? 'Your session ended because Humanity no longer accepts it.'
            : 'Humanity does not renew sessions for this app, so each sign-in ends when its token runs out.'}{' '}
          Enter the password for <strong>{session.username}</strong> to continue: requests waiting for it are sent then, and
          your requests and responses stay as they are.
        </p>
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldError}
        />
        <RememberPasswordField checked={remember} onChange={setRemember} vaultProtected={session.storage === 'encrypted'} />
        {failure && (
          <p className="form-failure" role="alert">
            {failure}
          </p>
        )}
        {busy && <p role="status">{busy === 'signing-in' ? 'Signing in…' : 'Signing out…'}</p>}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={busy !== null}>
            Sign in
          </button>
          <button type="button" className="button" disabled={busy !== null} onClick={cancel}>
            Cancel
          </button>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </form>
    </dialog>
  );
}
