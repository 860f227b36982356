// Builds the whole main-side application from injected parts. The Electron composition root
// (index.ts) and the e2e harness both call this, so tests exercise the real handler table.
import type { Handlers, Settings } from './shared/contract';
import type { AppCommand } from './shared/channels';
import { AuthService, type SandboxCredentials } from './auth/auth-service';
import { openAuthStore } from './auth/auth-store';
import { createTokenClient } from './auth/token-client';
import { createHttpClient, type HttpSend } from './http/http-client';
import { createRequestRunner } from './http/request-runner';
import { createIpcRouter, type Dispatch, type SenderInfo } from './ipc/router';
import { readCurrentUser } from './auth/current-user';
import { Redactor } from './redaction/redactor';
import { ResponseStore } from './response/main/response-store';
import { BodyWorkerClient, type BodyWorkerFactory } from './response/main/body-worker-client';
import { SpillFolder } from './response/main/spill-folder';
import { openSettingsStore } from './settings/settings-store';
import type { ConfFactory, StoreContext } from './store/document-store';
import type { Vault } from './vault/vault';
import { createCollectionsService } from './collections/collections-service';
import { createEnvironmentsService } from './variables/environments-service';
import { createVariableResolver } from './variables/variable-resolver';
import { createHistoryService } from './history/history-service';
import { createExporter } from './export/exporter';
import { createResponseOrigins } from './export/response-origins';
import { createXlsxExporter } from './export/xlsx/xlsx-exporter';
import type { ClipboardPort, NativeDialogs } from './ports/native';
import { createTableService } from './table/table-service';
import { createBulkService } from './bulk/bulk-service';
import { appInfo } from './about/app-info';
import { join } from 'node:path';
import { createLogger, createRotatingFileSink } from './logging/logger';
import { openWorkspaceStore } from './workspace/workspace-store';

export interface SandboxHandle {
  credentials: SandboxCredentials;
  close(): Promise<void>;
}

export interface AppCoreDeps {
  userDataDir: string;
  createConf: ConfFactory;
  vault: Vault;
  http?: HttpSend;
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
  const http = deps.http ?? createHttpClient();
  const notices: string[] = [];
  const redactor = new Redactor();
  const storeContext: StoreContext = { dir: deps.userDataDir, createConf: deps.createConf, notify: (m) => notices.push(m), now };
  const settings = openSettingsStore(storeContext);
  const responses = new ResponseStore({
    worker: new BodyWorkerClient(deps.createBodyWorker),
    spill: new SpillFolder(),
    memoryBudgetBytes: () => settings.read().memoryBudgetMB * MB,
    secrets: redactor,
  });
  const collections = createCollectionsService({ ctx: storeContext, dialogs: deps.dialogs });
  const environments = createEnvironmentsService({ ctx: storeContext });
  const variables = createVariableResolver({ collections, environments, now });
  const history = createHistoryService({ ctx: storeContext, settings: settings.read, responses, redactor, now });
  const runner = createRequestRunner({ http, now, settings: settings.read, redactor, responses, variables, history });
  const tokens = createTokenClient({ http, now, timeoutMs: () => settings.read().timeoutSeconds * 1000 });

  let sandbox: Promise<SandboxHandle> | null = null;
  const auth = new AuthService({
    tokens,
    vault: deps.vault,
    store: openAuthStore(storeContext),
    redactor,
    now,
    notify: (m) => notices.push(m),
    notices: () => [...notices],
    startSandbox: async () => {
      sandbox ??= deps.startSandbox().catch((error) => {
        sandbox = null;
        throw error;
      });
      return (await sandbox).credentials;
    },
    loadUser: (source) => readCurrentUser(runner, source),
    // The redactor keeps every secret until quit: a late answer still carries the old token.
    // Called only after start-up, when `bulk` below exists.
    onSignedOut: () => {
      responses.clear();
      bulk.forgetAll();
    },
    onNeedsSignInChanged: () => deps.notifyPage?.('session-changed'),
    // The session bar shows the new expiry at once, not at the next poll.
    onRenewed: () => deps.notifyPage?.('session-renewed'),
  });
  await auth.restore();
  const exporter = createExporter({
    dialogs: deps.dialogs,
    clipboard: deps.clipboard,
    responses,
    variables,
    settings: settings.read,
    redactor,
    host: () => auth.currentHost(),
    accessToken: () => auth.tokenSource().accessToken(),
    now,
  });

  const origins = createResponseOrigins();
  const xlsx = createXlsxExporter({
    dialogs: deps.dialogs,
    responses,
    origins,
    account: async () => {
      const session = (await auth.state()).session;
      return session && { host: session.host, username: session.username };
    },
    now,
  });
  const table = createTableService({ responses, exporter, xlsx });
  const bulk = createBulkService({ runner, tokenSource: () => auth.tokenSource(), variables, exporter, xlsx, now });

  const workspace = openWorkspaceStore(storeContext);
  deps.onSettingsChanged?.(settings.read());

  // The log writer redacts by construction; callers only choose what to say.
  const logFile = createRotatingFileSink(join(deps.userDataDir, 'logs', 'main.log'));
  const logger = createLogger({
    sinks: [logFile, { write: (line) => deps.log('info', line) }],
    redactor,
    now,
  });
  /** Logs what a user-visible action came to: its result, or the sentence it failed with. */
  async function logged<T>(what: string, work: Promise<T>, describe?: (result: T) => string): Promise<T> {
    try {
      const result = await work;
      logger.info(`${what}: ${describe ? describe(result) : 'done'}`);
      return result;
    } catch (error) {
      logger.warn(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  const handlers: Handlers = {
    auth: {
      state: () => auth.state(),
      login: (input) => logged(`Sign-in to ${input.host} as ${input.username}`, auth.login(input)),
      sandbox: () => logged('Sign-in to the sandbox', auth.loginSandbox()),
      reauth: ({ password, remember }) => logged('Sign-in again', auth.reauth(password, remember)),
      cancelReauth: () => logged('Sign-in again declined', auth.cancelReauth()),
      logout: () => logged('Sign-out', auth.logout()),
    },
    settings: {
      get: async () => settings.read(),
      update: async (patch) => {
        settings.write({ ...settings.read(), ...patch });
        deps.onSettingsChanged?.(settings.read());
        return settings.read();
      },
    },
    request: {
      send: (input) =>
        logged(`${input.method} /${input.path}`, runner.send(auth.tokenSource(), input).then(origins.note), (summary) => `${summary.httpStatus}, ${summary.outcome}, ${summary.sizeBytes} bytes in ${summary.durationMs} ms`),
      cancel: async ({ requestId }) => ({ cancelled: runner.cancel(requestId) }),
      download: (input) => exporter.saveAnswer((path) => runner.download(auth.tokenSource(), input, path)),
    },
    collections: {
      list: async () => collections.list(),
      create: async (input) => collections.create(input),
      update: async (input) => collections.update(input),
      saveRequest: async (input) => collections.saveRequest(input),
      duplicate: async ({ id }) => collections.duplicate(id),
      move: async (input) => collections.move(input),
      delete: async ({ id }) => collections.remove(id),
      restore: async (input) => collections.restore(input),
      search: async ({ query }) => collections.search(query),
      export: ({ id, format }) => collections.exportToFile(id, format),
      import: () => collections.importFromFile(),
    },
    environments: {
      get: async () => environments.get(),
      save: async (input) => environments.save(input),
    },
    variables: {
      preview: async ({ request, collectionId }) => variables.preview(auth.currentHost(), request, collectionId),
    },
    history: {
      list: async (input) => history.list(input),
      open: ({ id }) => history.open(id).then((opened) => ({ ...opened, summary: origins.note(opened.summary) })),
      clear: async () => history.clear(),
    },
    export: {
      responseJson: ({ responseId }) => exporter.responseJson(responseId),
      responseCsv: ({ responseId, pointer }) => exporter.responseCsv(responseId, pointer),
      responseXlsx: ({ responseId, pointer }) => xlsx.response(responseId, pointer),
      curl: (input) => exporter.curl(input),
    },
    table: {
      rows: (input) => table.rows(input),
      exportCsv: (input) => table.exportCsv(input),
      exportXlsx: (input) => table.exportXlsx(input),
    },
    bulk: {
      start: async (input) => bulk.start(input),
      status: async ({ pullId }) => bulk.status(pullId),
      cancel: ({ pullId }) => bulk.cancel(pullId),
      resume: async ({ pullId }) => bulk.resume(pullId),
      export: ({ pullId, format }) => bulk.export(pullId, format),
    },
    app: {
      info: async () => appInfo(deps.appVersion, process.platform),
    },
    workspace: {
      get: async () => workspace.read(),
      save: async (input) => {
        workspace.write(input);
        return { saved: true };
      },
    },
    response: {
      tree: ({ responseId, offset, limit, ...expansion }) => responses.tree(responseId, expansion, offset, limit),
      text: ({ responseId, offset, length, pretty }) => responses.text(responseId, offset, length, pretty),
      rowOf: ({ responseId, path, ...expansion }) => responses.rowOf(responseId, expansion, path),
      search: ({ responseId, query, mode, offset, limit }) => responses.search(responseId, { mode, query }, offset, limit),
    },
  };

  const dispatch = createIpcRouter(handlers, {
    isTrustedSender: deps.isTrustedSender,
    // Long secrets only: every answer may echo what the window sent (docs/architecture.md, "Redaction").
    redact: redactor.redactLong,
    logError: (message, error) => logger.error(message, error),
  });

  return {
    dispatch,
    handlers,
    auth,
    redactor,
    responses,
    async dispose() {
      await history.flush();
      logFile.flush();
      await responses.dispose();
      const running = sandbox;
      sandbox = null;
      if (running) await (await running).close();
    },
  };
}
