// A store context on a fresh temporary folder for a vitest test (not for the e2e harness: it
// registers the folder's removal with vitest).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { StoreContext } from '../store/document-store';
import { createConfFactory } from './conf-factory';

/** Removed when the current test finishes. */
export function tempStoreContext(prefix: string): StoreContext {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, createConf: createConfFactory(), notify: () => undefined, now: () => 0 };
}
