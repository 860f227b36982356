import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = process.cwd();
/** The renderer imports main's shared contract, channels and catalog as `@shared/…` (tsconfig.json paths). */
export const SHARED_ALIAS = { '@shared': resolve(root, 'src-main/shared') };

export default defineConfig({
  main: {
    build: {
      // The body worker is a second entry: out/main/body-worker.js, started by index.js.
      rolldownOptions: { input: { index: resolve(root, 'src-main/index.ts'), 'body-worker': resolve(root, 'src-main/response/worker/body-worker.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads must be CommonJS; a "type": "module" package would otherwise get ESM.
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      // A sandboxed preload cannot require npm packages: bundle whatever it imports.
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    resolve: { alias: SHARED_ALIAS },
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
    plugins: [react()],
  },
});
