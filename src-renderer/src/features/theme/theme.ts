// Light and dark: the OS decides unless Settings overrides it. The html element carries the theme
// in use as data-theme ("light" or "dark") and the setting as data-theme-setting; app.css picks
// its palette from them (and from prefers-color-scheme before any script ran).
import { useEffect } from 'react';
import type { Settings } from '@shared/contract';

export type ThemeSetting = Settings['theme'];
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'hae.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(setting: ThemeSetting, systemDark: boolean): Theme {
  if (setting === 'light' || setting === 'dark') return setting;
  return systemDark ? 'dark' : 'light';
}

const isSetting = (value: unknown): value is ThemeSetting => value === 'system' || value === 'light' || value === 'dark';

/** The setting last applied on this computer: read before the first paint, before main answers. */
export function rememberedThemeSetting(): ThemeSetting {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isSetting(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(setting: ThemeSetting): Theme {
  const theme = resolveTheme(setting, window.matchMedia(DARK_QUERY).matches);
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.dataset.themeSetting = setting;
  try {
    window.localStorage.setItem(STORAGE_KEY, setting);
  } catch {
    // No storage: the next start shows the OS theme until settings arrive.
  }
  return theme;
}

/** Applies the setting (null: not read yet, keep the remembered one) and follows OS changes. */
export function useTheme(setting: ThemeSetting | null) {
  useEffect(() => {
    const effective = setting ?? rememberedThemeSetting();
    applyTheme(effective);
    if (effective !== 'system') return;
    const query = window.matchMedia(DARK_QUERY);
    const follow = () => applyTheme('system');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [setting]);
}
