// The settings part of the store: main's settings as the whole app sees them (theme, read-only
// mode, companies), replaced by whatever a save returns.
import type { Settings, WindowApi } from '@shared/contract';
import type { AppState } from './appState';
import type { Store } from './store';

export function createSettingsActions(store: Store<AppState>, api: () => WindowApi) {
  const replace = (settings: Settings) => store.set((state) => ({ ...state, settings }));
  return {
    async load() {
      const result = await api().settings.get({});
      if (result.ok) replace(result.data);
    },
    /** Saves part of the settings; resolves to an error sentence, or null once saved. */
    async update(patch: Partial<Settings>): Promise<string | null> {
      const result = await api().settings.update(patch);
      if (!result.ok) return result.error.message;
      replace(result.data);
      return null;
    },
    /** What main saved (the Settings dialog), so the rest of the app follows at once. */
    replace,
  };
}
