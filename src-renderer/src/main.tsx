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
