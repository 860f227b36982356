import { useId, useRef, useState, type FormEvent } from 'react';
import type { AuthState, ProfileView, Result, SessionView, VaultView } from '@shared/contract';
import { api } from '../../api';
import { TextField } from '../../components/TextField';
import { appStore } from '../../state/appStore';
import { RememberPasswordField } from '../session/RememberPasswordField';
import { SavedAccounts } from './SavedAccounts';
import {
  initialForm,
  toCredentials,
  validateForm,
  type CredentialsField,
  type CredentialsForm,
} from './credentialsForm';
import './setup.css';

type Props = {
  vault: VaultView;
  /** What was signed in with last (the secrets excepted), to fill the form. */
  profile: ProfileView | null;
  /** The saved accounts, the chosen one and what it lacks to sign in (docs/architecture.md, "Accounts"). */
  accounts: Pick<AuthState, 'accounts' | 'currentAccountId' | 'missing'>;
};

// Screen order, which is also the order in which the first invalid field gets focus.
const FIELD_ORDER: readonly CredentialsField[] = ['accountName', 'appId', 'appSecret', 'username', 'password', 'host'];

/** Credentials for a real Humanity account, or a way into the built-in sandbox. */
export function SetupScreen({ vault, profile, accounts }: Props) {
  const ids = useId();
  // The chosen real account; the sandbox signs in with its own button.
  const current = accounts.accounts.find((account) => account.id === accounts.currentAccountId && !account.sandbox) ?? null;
  // A saved account asks only for what it lacks; main still holds its App Secret when not listed.
  const needsAppSecret = !current || accounts.missing.includes('appSecret');
  const [form, setForm] = useState<CredentialsForm>(() => initialForm(profile, current?.name));
  const [moreOptions, setMoreOptions] = useState(() => form.redirectUri !== '');
  const [problems, setProblems] = useState<Partial<Record<CredentialsField, string>>>({});
  const [busy, setBusy] = useState<'login' | 'sandbox' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const inputs = useRef(new Map<CredentialsField, HTMLInputElement>());
  const signInButton = useRef<HTMLButtonElement>(null);
  const sandboxButton = useRef<HTMLButtonElement>(null);

  const field = (name: CredentialsField) => ({
    value: form[name],
    onChange: (value: string) => setForm((current) => ({ ...current, [name]: value })),
    error: problems[name] ?? null,
    inputRef: (node: HTMLInputElement | null) => {
      if (node) inputs.current.set(name, node);
      else inputs.current.delete(name);
    },
  });

  async function signIn(event: FormEvent) {
    event.preventDefault();
    const found = validateForm(form, needsAppSecret);
    setProblems(found);
    const first = FIELD_ORDER.find((name) => found[name]);
    if (first) {
      inputs.current.get(first)?.focus();
      return;
    }
    await run('login', () => api().auth.login(toCredentials(form)), signInButton.current);
  }

  async function run(
    kind: 'login' | 'sandbox',
    call: () => Promise<Result<SessionView>>,
    button: HTMLButtonElement | null,
  ) {
    setFailure(null);
    setBusy(kind);
    const result = await call();
    setBusy(null);
    if (result.ok) appStore.session.signedIn(result.data);
    else {
      // Everything typed stays; the disabled button lost focus, so give it back.
      setFailure(result.error.message);
      button?.focus();
    }
  }

  return (
    <main className="setup">
      <div className="setup-card">
        <h1>{current ? `Sign in to ${current.name}` : 'Sign in to Humanity'}</h1>
        {current && accounts.missing.length > 0 && (
          <p className="setup-missing" role="status">
            Enter {needsAppSecret ? 'the App Secret and the password' : 'the password'} of this account: its secrets could not be
            restored. Everything else about it is kept.
          </p>
        )}
        <p className="setup-intro">
          Use an API v2 application from Humanity (Settings › API v2) and the user it should act as.
          Humanity only issues tokens to users with a password: if your users sign in through SSO only, ask for a
          password-enabled service user.
        </p>
        <form onSubmit={(event) => void signIn(event)} noValidate>
          <TextField
            label="Account name"
            autoComplete="off"
            placeholder={form.username ? `${form.username} @ ${hostOf(form.host)}` : 'username @ host'}
            description="How this account is listed in Switch account. Left blank: username @ host."
            {...field('accountName')}
          />
          <TextField label="App ID" autoComplete="off" spellCheck={false} {...field('appId')} />
          {needsAppSecret && <TextField label="App Secret" type="password" autoComplete="off" {...field('appSecret')} />}
          <TextField label="Username" autoComplete="username" spellCheck={false} {...field('username')} />
          <TextField label="Password" type="password" autoComplete="current-password" {...field('password')} />
          <TextField label="API host" type="url" className="mono-input" spellCheck={false} {...field('host')} />
          <RememberPasswordField
            checked={form.rememberPassword}
            vaultProtected={vault.protected}
            onChange={(rememberPassword) => setForm({ ...form, rememberPassword })}
          />
          <button
            type="button"
            className="disclosure"
            aria-expanded={moreOptions}
            aria-controls={`${ids}-more`}
            onClick={() => setMoreOptions(!moreOptions)}
          >
            <span className="disclosure-icon" aria-hidden="true" />
            More options
          </button>
          <div id={`${ids}-more`} hidden={!moreOptions}>
            <TextField
              label="Redirect URI"
              type="url"
              spellCheck={false}
              description="Optional. Only if your API application has one set."
              {...field('redirectUri')}
            />
          </div>
          {failure && (
            <p className="form-failure" role="alert">
              {failure}
            </p>
          )}
          <div className="setup-actions">
            <button ref={signInButton} type="submit" className="button button-primary" disabled={busy !== null}>
              Sign in
            </button>
            {busy && (
              <span role="status" className="muted">
                {busy === 'login' ? 'Signing in…' : 'Starting the sandbox…'}
              </span>
            )}
          </div>
        </form>
        <div className="setup-sandbox">
          <button
            ref={sandboxButton}
            type="button"
            className="button"
            disabled={busy !== null}
            aria-describedby={`${ids}-sandbox`}
            onClick={() => void run('sandbox', () => api().auth.sandbox({}), sandboxButton.current)}
          >
            Try the sandbox
          </button>
          <p id={`${ids}-sandbox`} className="muted">
            Explore with a built-in simulated Humanity account — nothing touches production.
          </p>
        </div>
        <SavedAccounts accounts={accounts.accounts} currentId={accounts.currentAccountId} />
      </div>
    </main>
  );
}

/** The host part of what is typed in API host, for the account name's placeholder. */
function hostOf(host: string): string {
  try {
    return new URL(host).host;
  } catch {
    return 'host';
  }
}
