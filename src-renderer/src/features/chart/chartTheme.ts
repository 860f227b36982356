// The chart's colours for the theme in use. The canvas cannot read CSS variables, so the palette
// lives here beside app.css's (the same text, grid and background colours), and the chart is
// drawn again when the html element's data-theme changes (features/theme/theme.ts sets it).
import { useSyncExternalStore } from 'react';
import type { Theme } from '../theme/theme';

export type ChartPalette = {
  background: string;
  text: string;
  muted: string;
  grid: string;
  /** One colour per series, told apart in both themes (and "Other" last, in grey). */
  series: readonly string[];
  other: string;
};

const PALETTES: Record<Theme, ChartPalette> = {
  light: {
    background: '#ffffff',
    text: '#1c2128',
    muted: '#5c6570',
    grid: '#e1e4e8',
    series: ['#1f62d0', '#d55e00', '#177232', '#8a3ab9', '#b8860b', '#0e7c86', '#c62828', '#5b6b00', '#a0467c', '#3d4f9f'],
    other: '#8a97a8',
  },
  dark: {
    background: '#1d2126',
    text: '#e4e7eb',
    muted: '#9aa3ad',
    grid: '#2e343b',
    series: ['#5a9bff', '#f0a656', '#4cc46d', '#d2a8ff', '#e3c341', '#4fd1c5', '#ff7b72', '#b5cc4a', '#f08cc0', '#9aa8ff'],
    other: '#7d8896',
  },
};

export function paletteFor(theme: Theme): ChartPalette {
  return PALETTES[theme];
}

function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function subscribe(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** The theme the page shows now; components re-render when it changes. */
export function useDocumentTheme(): Theme {
  return useSyncExternalStore(subscribe, currentTheme);
}
