import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorView, AuthState } from '../../../src-main/shared/contract';
import { SetupScreen } from '../features/setup/SetupScreen';
import { SessionBar } from '../features/session/SessionBar';
import { ReauthDialog } from '../features/session/ReauthDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { useSettings } from '../features/settings/useSettings';
import { AboutDialog } from '../features/about/AboutDialog';
import { useOpenTabs } from '../features/tabs/useOpenTabs';
import { useTheme } from '../features/theme/theme';
import { createCommandRegistry } from './commands';
import { ReportErrorContext } from './errorRouting';
import { CommandContext, useCommandSources } from './useCommands';
import { useAuthState } from './useAuthState';
import { VaultBanner } from './VaultBanner';
import { Notices } from './Notices';
import { Workspace } from './Workspace';

export function App() {
  const auth = useAuthState();
  // Lives here, not in the workspace, so a trip through the setup screen keeps the open requests.
  const tabs = useOpenTabs();
  const [reauthOpen, setReauthOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  // "Don't ask again until I sign out" for changes to a real account: the account it was given for.
  const [writeConsent, setWriteConsent] = useState<string | null>(null);
  const { refresh, applySession } = auth;
  const signedIn = auth.state?.session != null;
  const settings = useSettings(signedIn);
  useTheme(settings.settings?.theme ?? null);

  // Keyboard shortcuts and the application menu run the same commands (app/commands.ts).
  const [commands] = useState(createCommandRegistry);
  useCommandSources(commands);
  useEffect(() => {
    const offs = [commands.register('settings', () => setSettingsOpen(true)), commands.register('about', () => setAboutOpen(true))];
    return () => offs.forEach((off) => off());
  }, [commands]);

  // Main forgets every response at sign-out: the tabs keep their requests, not the responses.
  const { clearResponses } = tabs;
  const wasSignedIn = useRef(signedIn);
  useEffect(() => {
    if (wasSignedIn.current && !signedIn) clearResponses();
    wasSignedIn.current = signedIn;
  }, [signedIn, clearResponses]);

  const reportError = useCallback(
    (error: AppErrorView) => {
      if (error.code === 'not_signed_in') {
        applySession(null);
        void refresh();
      } else if (error.code === 'reauth_required') {
        setReauthOpen(true);
        void refresh();
      }
    },
    [applySession, refresh],
  );

  const session = auth.state?.session ?? null;
  const needsSignIn = session?.needsSignIn ?? false;
  // Opens when main first reports the ended session; once dismissed, the session bar reopens it.
  useEffect(() => {
    if (needsSignIn) setReauthOpen(true);
  }, [needsSignIn]);
  // Forgotten whenever the session ends, however it ends.
  const account = session ? `${session.host}\u0000${session.username}` : null;
  if (writeConsent !== null && writeConsent !== account) setWriteConsent(null);

  if (!auth.state) {
    return (
      <div className="app app-loading">
        {auth.loadError ? (
          <div className="load-failure">
            <p role="alert">{auth.loadError}</p>
            <button type="button" className="button" onClick={() => void refresh()}>
              Try again
            </button>
          </div>
        ) : (
          <p role="status">Loading…</p>
        )}
      </div>
    );
  }

  const afterSignOut = (next: AuthState) => {
    setReauthOpen(false);
    setWriteConsent(null);
    auth.apply(next);
  };
  const notices = auth.state.notices.filter((notice) => !dismissed.has(notice));

  return (
    <CommandContext value={commands}>
      <ReportErrorContext value={reportError}>
        <div className="app">
          {session && (
            <SessionBar
              session={session}
              onSignedOut={afterSignOut}
              onSignInAgain={needsSignIn && !reauthOpen ? () => setReauthOpen(true) : null}
              onOpenSettings={() => setSettingsOpen(true)}
              settings={settings.settings}
              onCompanyChange={(activeCompanyId) => settings.update({ activeCompanyId })}
            />
          )}
          <VaultBanner vault={auth.state.vault} />
          <Notices notices={notices} onDismiss={(notice) => setDismissed(new Set([...dismissed, notice]))} />
          {session ? (
            <Workspace
              tabs={tabs}
              onRequestSettled={() => void refresh()}
              session={session}
              settings={settings.settings}
              confirmWrites={writeConsent !== account}
              onStopConfirmingWrites={() => setWriteConsent(account)}
            />
          ) : (
            <SetupScreen
              vault={auth.state.vault}
              profile={auth.state.profile}
              onSignedIn={(signedIn) => {
                applySession(signedIn);
                void refresh();
              }}
            />
          )}
          <SettingsDialog
            open={settingsOpen}
            onClose={() => setSettingsOpen(false)}
            onSaved={settings.replace}
            onAbout={() => setAboutOpen(true)}
          />
          <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
          {session && (
            <ReauthDialog
              open={reauthOpen}
              session={session}
              onClose={() => setReauthOpen(false)}
              onSignedIn={(renewed) => {
                setReauthOpen(false);
                applySession(renewed);
                void refresh();
              }}
              onSignedOut={afterSignOut}
            />
          )}
        </div>
      </ReportErrorContext>
    </CommandContext>
  );
}
