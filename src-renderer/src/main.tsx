// The global stylesheet comes first so feature stylesheets, bundled after it, can refine it.
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyTheme, rememberedThemeSetting } from './features/theme/theme';

// The theme last chosen, before the first paint; the settings read from main confirm it.
applyTheme(rememberedThemeSetting());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The first number and the first time the page formats for its locale load ICU's data, 20 and
// 10 ms on a 2-core machine (47 ms when a time comes first): done while the app idles after it
// starts, one per idle moment, not in the user's first search, export or answer.
requestIdleCallback(() => {
  (0).toLocaleString();
  requestIdleCallback(() => new Date(0).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' }));
});
