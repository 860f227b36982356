import { useState } from 'react';
import type { AuthState, SessionView, Settings } from '../../../../src-main/shared/contract';
import { api } from '../../api';
import { useReportError } from '../../app/errorRouting';
import { SelectField } from '../../components/SelectField';
import { useNow } from '../../components/useNow';
import { tokenLifetimeText } from './tokenLifetime';
import './session.css';

type Props = {
  session: SessionView;
  onSignedOut: (state: AuthState) => void;
  /** Present while the session has ended and the sign-in dialog was dismissed. */
  onSignInAgain: (() => void) | null;
  onOpenSettings: () => void;
  /** Main's settings, once read: the read-only badge and the company selector follow them. */
  settings: Settings | null;
  /** Picks the child company requests go to (null: the parent account); resolves to an error sentence. */
  onCompanyChange: (companyId: string | null) => Promise<string | null>;
};

const PARENT = '';

const clockTime = (at: number) => new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });

/** Who is signed in where, how long the token lasts, and how it is stored. */
export function SessionBar({ session, onSignedOut, onSignInAgain, onOpenSettings, settings, onCompanyChange }: Props) {
  const now = useNow(1000);
  const reportError = useReportError();
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = session.lastRefresh;

  async function signOut() {
    setSigningOut(true);
    const result = await api().auth.logout({});
    setSigningOut(false);
    if (result.ok) onSignedOut(result.data);
    else {
      setError(result.error.message);
      reportError(result.error);
    }
  }

  return (
    <header className="session-bar" aria-label="Session">
      <h1 className="app-name">Humanity API Explorer</h1>
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
            void onCompanyChange(id === PARENT ? null : id).then((problem) => {
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
        {onSignInAgain && (
          <button type="button" className="button button-primary" onClick={onSignInAgain}>
            Sign in again
          </button>
        )}
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
