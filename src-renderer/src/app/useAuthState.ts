import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthState, SessionView } from '../../../src-main/shared/contract';
import { api } from '../api';

const POLL_MS = 10_000;

/**
 * The auth state from main: loaded at start, read again at once when main says the session
 * changed by itself (it waits for the password), and re-polled every 10 s while signed in so the
 * expiry and refresh info stay current. A poll that started before a newer update is dropped, so a
 * slow poll cannot undo a sign-out.
 */
export function useAuthState() {
  const [state, setState] = useState<AuthState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const version = useRef(0);

  const apply = useCallback((next: AuthState) => {
    version.current += 1;
    setState(next);
  }, []);

  const applySession = useCallback((session: SessionView | null) => {
    version.current += 1;
    setState((current) => current && { ...current, session });
  }, []);

  const refresh = useCallback(async () => {
    const started = ++version.current;
    const result = await api().auth.state({});
    if (started !== version.current) return;
    if (result.ok) {
      setState(result.data);
      setLoadError(null);
    } else setLoadError(result.error.message);
  }, []);

  useEffect(() => {
    void refresh();
    // Not through the command registry: this must arrive even while a dialog is open.
    return api().events?.onCommand((command) => {
      if (command === 'session-changed') void refresh();
    });
  }, [refresh]);

  const signedIn = state?.session != null;
  useEffect(() => {
    if (!signedIn) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [signedIn, refresh]);

  return { state, loadError, refresh, apply, applySession };
}
