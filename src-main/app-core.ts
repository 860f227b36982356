// Builds the whole main-side application from injected parts. The Electron composition root
// (index.ts) and the e2e harness both call this, so tests exercise the real handler table.
import type { Handlers, Settings } from './shared/contract';
import type { AppCommand } from './shared/channels';
import { AuthService, type AuthServiceDeps, type SandboxCredentials } from './auth/auth-service';
import { openAuthStore } from './auth/auth-store';
import { openAccountStore } from './accounts/account-store';
import { createTokenClient } from './auth/token-client';
import { readCurrentUser } from './auth/current-user';
import type { HttpSend } from './http/http-client';
import { createNetworkService } from './network/network-service';
import type { SystemProxyPort } from './ports/network';
import { createRequestRunner, type RequestRunner } from './http/request-runner';
import { createIpcRouter, type Dispatch, type SenderInfo } from './ipc/router';
import { Redactor } from './redaction/redactor';
import { ResponseStore } from './response/main/response-store';
import { BodyWorkerClient, type BodyWorkerFactory } from './response/main/body-worker-client';
import { SpillFolder } from './response/main/spill-folder';
import type { ConfFactory, StoreContext } from './store/document-store';
import type { Vault } from './vault/vault';
import type { ClipboardPort, NativeDialogs } from './ports/native';
import { createHistoryService } from './history/history-service';
import { createSettingsService } from './settings/settings-service';
import { createCollectionsService } from './collections/collections-service';
import { createEnvironmentsService } from './variables/environments-service';
import { createVariablesService } from './variables/variables-service';
import { createFileSaver } from './export/file-saver';
import { createRowFiles } from './export/row-files';
import { createResponseOrigins } from './export/response-origins';
import { createExportService } from './export/export-service';
import { createTableService } from './table/table-service';
import { createBulkService } from './bulk/bulk-service';
import { createChartService } from './chart/chart-service';
import { createCompareService } from './compare/compare-service';
import { createAppService } from './about/app-info';
import { createWorkspaceService } from './workspace/workspace-service';
import { createRequestChannel } from './channels/request-channel';
import { createResponseChannel } from './channels/response-channel';
import { createAuthChannels } from './channels/auth-channels';
import { createHistoryChannel } from './channels/history-channel';
import { CHANNEL_LOGS } from './logging/channel-logs';
import { openMainLog } from './logging/main-log';
import type { Logger } from './logging/logger';

export interface SandboxHandle {
  credentials: SandboxCredentials;
  close(): Promise<void>;
}

export interface AppCoreDeps {
  userDataDir: string;
  createConf: ConfFactory;
  vault: Vault;
  http?: HttpSend;
  /** Electron's per-URL proxy answer for Settings > Network's "System" choice (absent: direct). */
  systemProxy?: SystemProxyPort;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => number;
  /** Starts the built-in sandbox (once; the core keeps it until dispose). */
  startSandbox(): Promise<SandboxHandle>;
  isTrustedSender(sender: SenderInfo): boolean;
  /** The app's version, for About. */
  appVersion: string;
  /** Told after start-up and after every settings change (the shell follows the theme). */
  onSettingsChanged?(settings: Settings): void;
  /** Native open/save dialogs; the e2e harness replaces them. */
  dialogs: NativeDialogs;
  clipboard: ClipboardPort;
  log(level: 'info' | 'error', message: string): void;
  /** Starts the body worker (src-main/response/worker/body-worker.ts): the built file in the app, the source in tests. */
  createBodyWorker: BodyWorkerFactory;
  /** Sends an event to the page (webContents.send in the app, the harness's emitter in e2e). */
  notifyPage?(command: AppCommand): void;
}

export interface AppCore {
  dispatch: Dispatch;
  handlers: Handlers;
  auth: AuthService;
  redactor: Redactor;
  responses: ResponseStore;
  /** Saves pending history, removes temporary body files, stops the worker and the sandbox. */
  dispose(): Promise<void>;
}

const MB = 1024 * 1024;

export async function createAppCore(deps: AppCoreDeps): Promise<AppCore> {
  const now = deps.now ?? Date.now;
  const notices: string[] = [];
  const redactor = new Redactor();
  const ctx: StoreContext = { dir: deps.userDataDir, createConf: deps.createConf, notify: (m) => notices.push(m), now };
  const settings = createSettingsService({ ctx, onChanged: (changed) => deps.onSettingsChanged?.(changed) });
  const responses = openResponseStore(deps.createBodyWorker, () => settings.read().memoryBudgetMB * MB, redactor);
  const collections = createCollectionsService({ ctx, dialogs: deps.dialogs });
  const environments = createEnvironmentsService({ ctx });
  // `auth` is made below; the window can ask for the host only once start-up is over.
  const variables = createVariablesService({ collections, environments, now, host: () => auth.currentHost() });
  const history = createHistoryService({ ctx, settings: settings.read, responses, redactor, now });
  const network = createNetworkService({ ctx, vault: deps.vault, redactor, settings, dialogs: deps.dialogs, env: deps.env ?? process.env, systemProxy: deps.systemProxy });
  const http = deps.http ?? network.http;
  const runner = createRequestRunner({ http, now, settings: settings.read, redactor, responses, variables, history });
  const sandbox = sandboxOnDemand(deps.startSandbox);
  const auth = createAuth(deps, { http, ctx, runner, redactor, notices, sandbox, timeoutMs: () => settings.read().timeoutSeconds * 1000 }, {
    // The redactor keeps every secret until quit: a late answer still carries the old token.
    onSignedOut: () => {
      responses.clear();
      bulk.forgetAll();
      compare.forgetAll();
    },
    // Finished answers stay, each marked with its account; pulls belonged to the old session.
    onSwitched: (accountId) => {
      bulk.forgetAll();
      environments.chooseFor(accountId);
    },
    onRemoved: (accountId) => environments.untie(accountId),
  });
  await auth.restore();
  const tokenSource = () => auth.tokenSource();
  const files = createFileSaver({ dialogs: deps.dialogs, now });
  const origins = createResponseOrigins();
  const rowFiles = createRowFiles({ files, origins, now });
  const bulk = createBulkService({ runner, tokenSource, variables, rowFiles, now });
  const compare = createCompareService({ responses, history, rowFiles });
  deps.onSettingsChanged?.(settings.read());
  const log = openMainLog({ dir: deps.userDataDir, echo: (line) => deps.log('info', line), redactor, now });

  // Each domain is its service (docs/architecture.md, "The IPC contract").
  const handlers: Handlers = {
    ...createAuthChannels(auth),
    settings,
    network: network.handlers,
    request: createRequestChannel({ runner, tokenSource, files, origins }),
    collections,
    environments,
    variables,
    history: createHistoryChannel({ history, origins, accounts: async () => (await auth.state()).accounts }),
    export: createExportService({ files, rowFiles, clipboard: deps.clipboard, responses, variables, settings: settings.read, redactor, host: () => auth.currentHost(), accessToken: () => tokenSource().accessToken() }),
    table: createTableService({ responses, rowFiles }),
    bulk,
    chart: createChartService({ responses, pullRows: (pullId) => bulk.rows(pullId), rowFiles, files }),
    app: createAppService({ version: deps.appVersion, platform: process.platform }),
    workspace: createWorkspaceService({ ctx }),
    response: createResponseChannel(responses),
    compare,
  };

  return {
    dispatch: openRouter(handlers, deps.isTrustedSender, redactor, log.logger),
    handlers,
    auth,
    redactor,
    responses,
    async dispose() {
      await history.flush();
      log.flush();
      await responses.dispose();
      await sandbox.close();
      await network.close();
    },
  };
}

/** The one audited IPC path over the handler table, logging each action (docs/architecture.md, "The IPC contract"). */
function openRouter(handlers: Handlers, isTrustedSender: AppCoreDeps['isTrustedSender'], redactor: Redactor, logger: Logger): Dispatch {
  // Long secrets only: every answer may echo what the window sent (docs/architecture.md, "Redaction").
  return createIpcRouter(handlers, { isTrustedSender, redact: redactor.redactLong, logger, logs: CHANNEL_LOGS });
}

/** Kept response bodies: in memory within the budget, spilled to a temporary file beyond it, parsed in the worker. */
function openResponseStore(createBodyWorker: BodyWorkerFactory, memoryBudgetBytes: () => number, redactor: Redactor): ResponseStore {
  return new ResponseStore({ worker: new BodyWorkerClient(createBodyWorker), spill: new SpillFolder(), memoryBudgetBytes, secrets: redactor });
}

interface AuthParts {
  http: HttpSend;
  ctx: StoreContext;
  runner: RequestRunner;
  redactor: Redactor;
  notices: string[];
  sandbox: SandboxOnDemand;
  timeoutMs(): number;
}

/** The session keeper, told where its sign-out and account switch reach the rest of main. */
function createAuth(deps: AppCoreDeps, parts: AuthParts, hooks: Pick<AuthServiceDeps, 'onSignedOut' | 'onSwitched' | 'onRemoved'>): AuthService {
  const { notices } = parts;
  const now = deps.now ?? Date.now;
  return new AuthService({
    tokens: createTokenClient({ http: parts.http, now, timeoutMs: parts.timeoutMs }),
    vault: deps.vault,
    store: openAccountStore(parts.ctx, openAuthStore(parts.ctx)),
    redactor: parts.redactor,
    now,
    notify: (m) => notices.push(m),
    notices: () => [...notices],
    startSandbox: () => parts.sandbox.credentials(),
    loadUser: (source) => readCurrentUser(parts.runner, source),
    // Called only after start-up, when everything they reach exists.
    ...hooks,
    onNeedsSignInChanged: () => deps.notifyPage?.('session-changed'),
    // The session bar shows the new expiry at once, not at the next poll.
    onRenewed: () => deps.notifyPage?.('session-renewed'),
  });
}

interface SandboxOnDemand {
  credentials(): Promise<SandboxCredentials>;
  close(): Promise<void>;
}

/** The built-in sandbox, started at the first "Try the sandbox" (again after a failed start) and kept until dispose. */
function sandboxOnDemand(start: () => Promise<SandboxHandle>): SandboxOnDemand {
  let sandbox: Promise<SandboxHandle> | null = null;
  return {
    async credentials() {
      sandbox ??= start().catch((error) => {
        sandbox = null;
        throw error;
      });
      return (await sandbox).credentials;
    },
    async close() {
      const running = sandbox;
      sandbox = null;
      if (running) await (await running).close();
    },
  };
}
