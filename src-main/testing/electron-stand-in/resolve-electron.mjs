// Module-resolution hook for src-main/composition-root.test.ts: every import of `electron` (the
// main bundle's, electron-store's) gets the recording stand-in beside this file.
const STAND_IN = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  return specifier === 'electron' ? { url: STAND_IN, shortCircuit: true } : nextResolve(specifier, context);
}
