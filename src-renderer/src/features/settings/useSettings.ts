import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../../src-main/shared/contract';
import { api } from '../../api';

/**
 * Main's settings as the whole app sees them (theme, read-only mode, companies): read at start
 * (the theme applies on the setup screen too) and again once signed in, replaced by whatever a
 * save returns.
 */
export function useSettings(signedIn: boolean) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await api().settings.get({});
    if (result.ok) {
      setSettings(result.data);
      setError(null);
    } else setError(result.error.message);
  }, []);

  useEffect(() => {
    void reload();
  }, [signedIn, reload]);

  /** Saves part of the settings; resolves to an error sentence, or null once saved. */
  const update = useCallback(async (patch: Partial<Settings>): Promise<string | null> => {
    const result = await api().settings.update(patch);
    if (!result.ok) return result.error.message;
    setSettings(result.data);
    return null;
  }, []);

  return { settings, error, reload, update, replace: setSettings };
}

export type SettingsModel = ReturnType<typeof useSettings>;
