// A real main-side core for Node tests: temp user-data folder, conf stores, a fake OS key store
// and a sandbox server over real HTTP. `call` goes through the real IPC router.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../app-core';
import type { ApiMethod, ChannelName, Result } from '../shared/contract';
import type { AppCommand } from '../shared/channels';
import { startSandbox, SANDBOX_DEMO, type SandboxOptions, type SandboxServer } from '../sandbox/server';
import type { FakeSafeStorageOptions } from './fake-safe-storage';
import type { NativeDialogs } from '../ports/native';
import { testCoreDeps, type TestCoreOptions } from './core-deps';

export interface CoreFixtureOptions {
  userDataDir?: string;
  keyStore?: FakeSafeStorageOptions;
  sandbox?: SandboxServer;
  sandboxOptions?: SandboxOptions;
  now?: () => number;
  dialogs?: Partial<NativeDialogs>;
  /** The environment's proxy variables and the desktop's proxy answer (network tests). */
  network?: TestCoreOptions['network'];
  /** Stands in for the window: told of every event main sends to the page. */
  onPageEvent?(command: AppCommand, fixture: CoreFixture): void;
}

export interface CoreFixture {
  core: AppCore;
  sandbox: SandboxServer;
  userDataDir: string;
  logs: string[];
  /** Everything written to the clipboard. */
  clipboard: string[];
  /** Every event main sent to the page, in order, but the routine 'session-renewed'. */
  pageEvents: AppCommand[];
  /** Through the real router, typed from the contract (`input` defaults to `{}`). */
  call<C extends ChannelName>(channel: C, input?: Parameters<ApiMethod<C>>[0]): ReturnType<ApiMethod<C>>;
  /** Signs in to the sandbox through auth:login with its demo credentials. */
  login(overrides?: Record<string, unknown>): ReturnType<ApiMethod<'auth:login'>>;
  close(): Promise<void>;
}

export async function startCore(options: CoreFixtureOptions = {}): Promise<CoreFixture> {
  const sandbox = options.sandbox ?? (await startSandbox(options.sandboxOptions));
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'hae-core-'));
  const pageEvents: AppCommand[] = [];
  const fixture: { current?: CoreFixture } = {};
  const { deps, logs, clipboard } = testCoreDeps({
    userDataDir,
    keyStore: options.keyStore,
    now: options.now,
    dialogs: options.dialogs,
    network: options.network,
    startSandbox: async () => ({
      credentials: { host: sandbox.url, appId: SANDBOX_DEMO.clientId, appSecret: SANDBOX_DEMO.clientSecret, username: SANDBOX_DEMO.username, password: SANDBOX_DEMO.password },
      close: async () => undefined,
    }),
    isTrustedSender: () => true,
    notifyPage: (command) => {
      // Renewals are routine; tests count the changes a user would be asked about.
      if (command !== 'session-renewed') pageEvents.push(command);
      if (fixture.current) options.onPageEvent?.(command, fixture.current);
    },
  });
  const core = await createAppCore(deps);
  const call = <C extends ChannelName>(channel: C, input: unknown = {}) =>
    core.dispatch(channel, { frameUrl: 'file:///test', isMainFrame: true }, input) as ReturnType<ApiMethod<C>>;
  fixture.current = {
    core,
    sandbox,
    userDataDir,
    logs,
    clipboard,
    pageEvents,
    call,
    login: (overrides = {}) =>
      call('auth:login', {
        host: sandbox.url,
        appId: SANDBOX_DEMO.clientId,
        appSecret: SANDBOX_DEMO.clientSecret,
        username: SANDBOX_DEMO.username,
        password: SANDBOX_DEMO.password,
        redirectUri: '',
        rememberPassword: false,
        ...overrides,
      }),
    async close() {
      await core.dispose();
      if (!options.sandbox) await sandbox.close();
    },
  };
  return fixture.current;
}

/** A call's data, or a thrown error showing the whole failed answer. */
export function okData<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.data as T;
}

let counter = 0;
/** A GET request input for request:send. */
export function getRequest(path: string, query: Array<[string, string]> = []) {
  counter += 1;
  return {
    requestId: `req-${counter}`,
    method: 'GET' as const,
    path,
    query: query.map(([name, value]) => ({ name, value, enabled: true })),
    body: { kind: 'none' as const },
  };
}
