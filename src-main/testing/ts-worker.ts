// The body worker from its TypeScript source, for Node tests, the e2e harness and the benchmarks
// (the app starts the built body-worker.js). `execArgv: ['--import', 'tsx']` does not reach a
// worker's own entry on Node 20 (ERR_UNKNOWN_FILE_EXTENSION), so a two-line bootstrap registers
// tsx's loader inside the worker first, then imports the entry.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

const BODY_WORKER_SOURCE = resolve(import.meta.dirname, '../response/worker/body-worker.ts');

/** tsx's ESM register API. require.resolve would give its CommonJS build, which fails inside a worker. */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports as Record<string, { import: { default: string } }>;
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

function startTsWorker(entry: string, limits: ResourceLimits): Worker {
  const tsx = tsxEsmApi();
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits: limits });
}

/** `limits`: the worker's heap, as a test that runs it out of memory sets it (maxOldGenerationSizeMb). */
export const createBodyWorkerFromSource = (limits: ResourceLimits = {}) => startTsWorker(BODY_WORKER_SOURCE, limits);
