// Vitest reads no electron-vite config: the renderer's `@shared/…` alias is given here too.
import { defineConfig } from 'vitest/config';
import { SHARED_ALIAS } from './electron.vite.config';

export default defineConfig({ resolve: { alias: SHARED_ALIAS } });
