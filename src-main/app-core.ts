// Builds the whole main-side application from injected parts. The Electron composition root
// (index.ts) and the e2e harness both call this, so tests exercise the real handler table.
import type { Handlers } from './shared/contract';
import { AuthService, type SandboxCredentials } from './auth/auth-service';
import { openAuthStore } from './auth/auth-store';
import { createTokenClient } from './auth/token-client';
import type { FetchLike } from './http/fetch-errors';
import { createRequestRunner } from './http/request-runner';
import { createIpcRouter, type Dispatch, type SenderInfo } from './ipc/router';
import { readCurrentUser } from './auth/current-user';
import { Redactor } from './redaction/redactor';
import { ResponseStore } from './response/response-store';
import { openSettingsStore } from './settings/settings-store';
import type { ConfFactory, StoreContext } from './store/document-store';
import type { Vault } from './vault/vault';
import { createCollectionsService } from './collections/collections-service';
import { createEnvironmentsService } from './variables/environments-service';
import { createVariableResolver } from './variables/variable-resolver';
import { createHistoryService } from './history/history-service';
import { createExporter } from './export/exporter';
import type { ClipboardPort, NativeDialogs } from './ports/native';
import { createTableService } from './table/table-service';
import { createBulkService } from './bulk/bulk-service';

export interface SandboxHandle {
  credentials: SandboxCredentials;
  close(): Promise<void>;
}

export interface AppCoreDeps {
  userDataDir: string;
  createConf: ConfFactory;
  vault: Vault;
  fetch?: FetchLike;
  now?: () => number;
  /** Starts the built-in sandbox (once; the core keeps it until dispose). */
  startSandbox(): Promise<SandboxHandle>;
  isTrustedSender(sender: SenderInfo): boolean;
  /** Native open/save dialogs; the e2e harness replaces them. */
  dialogs: NativeDialogs;
  clipboard: ClipboardPort;
  log(level: 'info' | 'error', message: string): void;
}

export interface AppCore {
  dispatch: Dispatch;
  handlers: Handlers;
  auth: AuthService;
  redactor: Redactor;
  dispose(): Promise<void>;
}

export async function createAppCore(deps: AppCoreDeps): Promise<AppCore> {
  const now = deps.now ?? Date.now;
  const fetchImpl = deps.fetch ?? fetch;
  const notices: string[] = [];
  const redactor = new Redactor();
  const storeContext: StoreContext = { dir: deps.userDataDir, createConf: deps.createConf, notify: (m) => notices.push(m), now };
  const settings = openSettingsStore(storeContext);
  const responses = new ResponseStore();
  const collections = createCollectionsService({ ctx: storeContext, dialogs: deps.dialogs });
  const environments = createEnvironmentsService({ ctx: storeContext });
  const variables = createVariableResolver({ collections, environments, now });
  const history = createHistoryService({ ctx: storeContext, settings: settings.read, responses, redactor, now });
  const runner = createRequestRunner({ fetch: fetchImpl, now, settings: settings.read, redactor, responses, variables, history });
  const tokens = createTokenClient({ fetch: fetchImpl, now, timeoutMs: () => settings.read().timeoutSeconds * 1000 });

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
    onSignedOut: () => {
      responses.clear();
      redactor.clear();
    },
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

  const table = createTableService({ responses, exporter });
  const bulk = createBulkService({ runner, tokenSource: () => auth.tokenSource(), variables, exporter, now });

  const handlers: Handlers = {
    auth: {
      state: () => auth.state(),
      login: (input) => auth.login(input),
      sandbox: () => auth.loginSandbox(),
      reauth: ({ password }) => auth.reauth(password),
      logout: () => auth.logout(),
    },
    settings: {
      get: async () => settings.read(),
      update: async (patch) => {
        settings.write({ ...settings.read(), ...patch });
        return settings.read();
      },
    },
    request: {
      send: (input) => runner.send(auth.tokenSource(), input),
      cancel: async ({ requestId }) => ({ cancelled: runner.cancel(requestId) }),
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
      open: async ({ id }) => history.open(id),
      clear: async () => history.clear(),
    },
    export: {
      responseJson: ({ responseId }) => exporter.responseJson(responseId),
      responseCsv: ({ responseId, pointer }) => exporter.responseCsv(responseId, pointer),
      curl: (input) => exporter.curl(input),
    },
    table: {
      rows: async (input) => table.rows(input),
      exportCsv: (input) => table.exportCsv(input),
    },
    bulk: {
      start: async (input) => bulk.start(input),
      status: async ({ pullId }) => bulk.status(pullId),
      cancel: ({ pullId }) => bulk.cancel(pullId),
      resume: async ({ pullId }) => bulk.resume(pullId),
      export: ({ pullId, format }) => bulk.export(pullId, format),
    },
    response: {
      tree: async ({ responseId, expanded, offset, limit }) => responses.tree(responseId, expanded, offset, limit),
      text: async ({ responseId, offset, length, pretty }) => responses.text(responseId, offset, length, pretty),
    },
  };

  const dispatch = createIpcRouter(handlers, {
    isTrustedSender: deps.isTrustedSender,
    redact: (text) => redactor.redact(text),
    logError: (message, error) => deps.log('error', redactor.redact(`${message}: ${(error as Error)?.stack ?? String(error)}`)),
  });

  return {
    dispatch,
    handlers,
    auth,
    redactor,
    async dispose() {
      const running = sandbox;
      sandbox = null;
      if (running) await (await running).close();
    },
  };
}
