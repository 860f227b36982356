// A real ResponseStore for Node tests: the body worker from source, a spill folder under the OS
// temp folder (or `spillParent`), and a budget the test can change.
import { Redactor } from '../redaction/redactor';
import { BodyWorkerClient, type BodyWorkerFactory } from '../response/main/body-worker-client';
import { ResponseStore } from '../response/main/response-store';
import { SpillFolder } from '../response/main/spill-folder';
import { createBodyWorkerFromSource } from './ts-worker';

export interface TestStoreOptions {
  budgetBytes?: () => number;
  maxEntries?: number;
  redactor?: Redactor;
  spillParent?: string;
  createWorker?: BodyWorkerFactory;
}

export function createTestResponseStore(options: TestStoreOptions = {}): ResponseStore {
  return new ResponseStore({
    worker: new BodyWorkerClient(options.createWorker ?? createBodyWorkerFromSource),
    spill: new SpillFolder(options.spillParent),
    memoryBudgetBytes: options.budgetBytes ?? (() => 256 * 1024 * 1024),
    secrets: options.redactor ?? new Redactor(),
    maxEntries: options.maxEntries,
  });
}
