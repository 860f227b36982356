// The JSON.parse baseline of figure a, timed in a thread of its own. Timed on main's thread it
// left some 200 MB of garbage (a 10 MB parse) in the heap the app's main side runs in, here the
// same process (the e2e harness builds the core in-process), and the app's next Send paid for
// collecting it. A worker thread has a heap of its own; the machine and its load stay the same.
import { Worker } from 'node:worker_threads';

const PARSER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (shared) => {
  const bytes = Buffer.from(shared);
  const started = performance.now();
  JSON.parse(bytes.toString('utf8'));
  parentPort.postMessage(performance.now() - started);
});
`;

export interface ParseBaseline {
  /** JSON.parse(bytes.toString('utf8')) of `bytes`, in ms. */
  time(bytes: Buffer): Promise<number>;
  close(): Promise<void>;
}

export function startParseBaseline(): ParseBaseline {
  const worker = new Worker(PARSER, { eval: true });
  // Copied into shared memory once per body, not before every parse.
  const copies = new WeakMap<Buffer, SharedArrayBuffer>();
  return {
    time(bytes) {
      let shared = copies.get(bytes);
      if (!shared) {
        shared = new SharedArrayBuffer(bytes.length);
        Buffer.from(shared).set(bytes);
        copies.set(bytes, shared);
      }
      return new Promise((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', (ms: number) => {
          worker.off('error', reject);
          resolve(ms);
        });
        worker.postMessage(shared);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
