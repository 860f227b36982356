import { Suspense, useEffect, useState } from 'react';
import { lazyView, useOpenedOnce } from '../components/lazyView';
import { ReauthDialog } from '../features/session/ReauthDialog';
import { SessionBar } from '../features/session/SessionBar';
import { SetupScreen } from '../features/setup/SetupScreen';
import { useTheme } from '../features/theme/theme';
import { appStore } from '../state/appStore';
import { useAuthLoadError, useAuthState, useSettings } from '../state/hooks';
import { StoreSync } from '../state/useStoreSync';
import { createCommandRegistry } from './commands';
import { Notices } from './Notices';
import { CommandContext, useCommandSources } from './useCommands';
import { VaultBanner } from './VaultBanner';
import { Workspace } from './Workspace';

// Loaded when first opened: neither is on the first screen.
const settingsDialog = lazyView(() => import('../features/settings/SettingsDialog').then((module) => module.SettingsDialog));
const aboutDialog = lazyView(() => import('../features/about/AboutDialog').then((module) => module.AboutDialog));

/**
 * The window: the setup screen, or the session bar over the workspace, and the app-wide dialogs.
 * What they share lives in the store (state/); the open tabs there outlive a trip through setup.
 */
export function App() {
  const auth = useAuthState();
  useTheme(useSettings()?.theme ?? null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const settingsMounted = useOpenedOnce(settingsOpen);
  const aboutMounted = useOpenedOnce(aboutOpen);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());

  // Keyboard shortcuts and the application menu run the same commands (app/commands.ts).
  const [commands] = useState(createCommandRegistry);
  useCommandSources(commands);
  useEffect(() => {
    const offs = [commands.register('settings', () => setSettingsOpen(true)), commands.register('about', () => setAboutOpen(true))];
    return () => offs.forEach((off) => off());
  }, [commands]);

  // The window title names the account (Electron's window follows the page title): docs/architecture.md, "Accounts".
  const accountName = auth?.session?.accountName;
  useEffect(() => {
    document.title = accountName ? `${accountName} — Humanity API Explorer` : 'Humanity API Explorer';
  }, [accountName]);

  if (!auth) {
    return (
      <>
        <StoreSync />
        <Loading />
      </>
    );
  }
  const { session } = auth;
  return (
    <>
      {/* First in both returns, so it stays mounted when main's auth state arrives. */}
      <StoreSync />
      <CommandContext value={commands}>
        <div className="app">
          {session && <SessionBar session={session} onOpenSettings={() => setSettingsOpen(true)} />}
          <VaultBanner vault={auth.vault} />
          <Notices
            notices={auth.notices.filter((notice) => !dismissed.has(notice))}
            onDismiss={(notice) => setDismissed(new Set([...dismissed, notice]))}
          />
          {session ? <Workspace /> : <SetupScreen key={auth.currentAccountId ?? 'new'} vault={auth.vault} profile={auth.profile} accounts={auth} />}
          {/* One boundary each: About opens over Settings, which must not hide while About loads. */}
          {settingsMounted && (
            <Suspense fallback={null}>
              <settingsDialog.View open={settingsOpen} onClose={() => setSettingsOpen(false)} onAbout={() => setAboutOpen(true)} />
            </Suspense>
          )}
          {aboutMounted && (
            <Suspense fallback={null}>
              <aboutDialog.View open={aboutOpen} onClose={() => setAboutOpen(false)} />
            </Suspense>
          )}
          {session && <ReauthDialog session={session} />}
        </div>
      </CommandContext>
    </>
  );
}

/** Before main's auth state is read, or when it cannot be. */
function Loading() {
  const loadError = useAuthLoadError();
  return (
    <div className="app app-loading">
      {loadError ? (
        <div className="load-failure">
          <p role="alert">{loadError}</p>
          <button type="button" className="button" onClick={() => void appStore.session.refresh()}>
            Try again
          </button>
        </div>
      ) : (
        <p role="status">Loading…</p>
      )}
    </div>
  );
}
