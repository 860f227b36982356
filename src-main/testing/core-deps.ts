// The one way tests build a main-side core's parts: conf stores in a folder, a fake OS key store
// behind the real vault policy, the body worker from source, recording clipboard, log and window
// events. The Node core fixture and the e2e harness both start from it.
import type { AppCoreDeps, SandboxHandle } from '../app-core';
import type { AppCommand } from '../shared/channels';
import type { SenderInfo } from '../ipc/router';
import type { NativeDialogs } from '../ports/native';
import { createSafeStorageVault } from '../vault/vault';
import { createConfFactory } from './conf-factory';
import { createFakeSafeStorage, type FakeSafeStorageOptions } from './fake-safe-storage';
import { createBodyWorkerFromSource } from './ts-worker';

export interface TestCoreOptions {
  userDataDir: string;
  keyStore?: FakeSafeStorageOptions;
  now?: () => number;
  dialogs?: Partial<NativeDialogs>;
  startSandbox(): Promise<SandboxHandle>;
  isTrustedSender(sender: SenderInfo): boolean;
  /** Where main's events to the window go (the harness's page, or a test's list). */
  notifyPage?(command: AppCommand): void;
  /** The environment's proxy variables and the desktop's proxy answer (network tests). */
  network?: Pick<AppCoreDeps, 'env' | 'systemProxy'>;
  /** The body worker's heap, held small by a test whose parse must run out of memory. */
  bodyWorkerHeapMB?: number;
}

export interface TestCoreDeps {
  deps: AppCoreDeps;
  /** Every log line main wrote. */
  logs: string[];
  /** Everything the app wrote to the clipboard. */
  clipboard: string[];
}

export function testCoreDeps(options: TestCoreOptions): TestCoreDeps {
  const logs: string[] = [];
  const clipboard: string[] = [];
  const deps: AppCoreDeps = {
    userDataDir: options.userDataDir,
    createConf: createConfFactory(),
    vault: createSafeStorageVault(createFakeSafeStorage(options.keyStore), 'linux'),
    now: options.now,
    startSandbox: options.startSandbox,
    isTrustedSender: options.isTrustedSender,
    appVersion: '0.0.0-test',
    log: (_level, message) => logs.push(message),
    // Both native dialogs act as if the user cancelled unless a test says otherwise.
    dialogs: { saveFile: async () => null, openFile: async () => null, ...options.dialogs },
    clipboard: { writeText: (text) => void clipboard.push(text) },
    createBodyWorker: () => createBodyWorkerFromSource(options.bodyWorkerHeapMB ? { maxOldGenerationSizeMb: options.bodyWorkerHeapMB } : {}),
    notifyPage: options.notifyPage,
    // Tests never take the proxy variables of the machine they run on.
    env: {},
    ...options.network,
  };
  return { deps, logs, clipboard };
}
