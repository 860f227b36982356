import { useState } from 'react';
import type { SessionView } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { SelectField } from '../../components/SelectField';
import { useNow } from '../../components/useNow';
import { appStore } from '../../state/appStore';
import { useAuthState, useReauthOpen, useSettings } from '../../state/hooks';
import { AccountMenu } from './AccountMenu';
import { tokenLifetimeText } from './tokenLifetime';
import './session.css';

type Props = {
  /** Shown only while signed in. */
  session: SessionView;
  onOpenSettings: () => void;
};

const PARENT = '';

const clockTime = (at: number) => new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });

/**
 * Who is signed in where, how long the token lasts, and how it is stored; the read-only badge and
 * the company picker follow main's settings.
 */
export function SessionBar({ session, onOpenSettings }: Props) {
  const now = useNow(1000);
  const settings = useSettings();
  const reauthOpen = useReauthOpen();
  const accounts = useAuthState()?.accounts ?? [];
  // Offered while the session has ended and the Sign in again dialog was dismissed.
  const offerSignIn = session.needsSignIn && !reauthOpen;
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = session.lastRefresh;

  async function signOut() {
    setSigningOut(true);
    const result = await api().auth.logout({});
    setSigningOut(false);
    if (result.ok) appStore.session.signedOut(result.data);
    else {
      setError(result.error.message);
      reportError(result.error);
    }
  }

  return (
    <header className="session-bar" aria-label="Session">
      <h1 className="app-name">Humanity API Explorer</h1>
      {/* The account first and loudest: requests, history and writes all go to it. */}
      <span className="session-account" aria-label={`Account: ${session.accountName}`}>
        {session.accountName}
      </span>
      <span className="session-user" title={session.username}>
        {session.userName || session.username}
      </span>
      <span className="session-host mono">{session.host}</span>
      {session.sandbox && <span className="badge badge-accent">Sandbox</span>}
      {settings?.readOnly && (
        <span
          className="badge badge-warning"
          title="Read-only mode is on: POST, PUT, PATCH and DELETE are not sent. Turn it off in Settings."
        >
          Read-only
        </span>
      )}
      {settings && settings.companies.length > 0 && (
        <SelectField
          label="Company"
          className="field-inline session-company"
          title="Requests go to this company of the group account (child_company_id)"
          value={settings.activeCompanyId ?? PARENT}
          options={[
            { value: PARENT, label: 'Parent account' },
            ...settings.companies.map((company) => ({ value: company.id, label: `${company.name} (${company.id})` })),
          ]}
          onChange={(id) =>
            void appStore.settings.update({ activeCompanyId: id === PARENT ? null : id }).then((problem) => {
              setError(problem);
            })
          }
        />
      )}
      <span className={`session-token${session.expiresAt <= now ? ' is-expired' : ''}`}>
        {session.needsSignIn ? 'Session ended — sign in again' : tokenLifetimeText(session.expiresAt, now)}
      </span>
      <span className="badge" title="Where the tokens are kept">
        {session.storage === 'encrypted' ? 'Encrypted' : 'Memory only'}
      </span>
      {refresh && (
        <span
          className={`session-refresh ${refresh.ok ? 'is-ok' : 'is-failed'}`}
          title={refresh.message}
        >
          {refresh.ok ? `Token refreshed ${clockTime(refresh.at)}` : `Refresh failed ${clockTime(refresh.at)}: ${refresh.message}`}
        </span>
      )}
      <span className="session-actions">
        {error && (
          <span className="session-error" role="alert">
            {error}
          </span>
        )}
        {offerSignIn && (
          <button type="button" className="button button-primary" onClick={appStore.session.openReauth}>
            Sign in again
          </button>
        )}
        <AccountMenu accounts={accounts} currentId={session.accountId} onError={setError} />
        <button type="button" className="button" onClick={onOpenSettings}>
          Settings
        </button>
        <button type="button" className="button" onClick={() => void signOut()} disabled={signingOut}>
          Sign out
        </button>
      </span>
    </header>
  );
}
