// The IPC contract: one table of `domain:verb` channels with their input and output schemas.
// Main registers handlers from it, the preload exposes `window.api` from it, the renderer takes
// its types from it and the e2e harness builds the same `window.api` from it.
// Imported by main, preload and renderer: no `electron` and no `node:*` imports here.
import { z } from 'zod';
import { compareExportInput, comparePage, comparePageInput, compareStartInput, compareSummary } from './compare-contract';
import { CHANNELS, CHART_SERIES_MAX, HTTP_METHODS, SEARCH_HITS_MAX, SEARCH_PAGE_MAX, TEXT_PAGE_MAX, TREE_FIRST_ROWS, TREE_PAGE_MAX, TREE_PAGE_ROWS, type AppCommand, type ChannelName } from './channels';

export { HTTP_METHODS, SEARCH_HITS_MAX, SEARCH_PAGE_MAX, TEXT_PAGE_MAX, TREE_FIRST_ROWS, TREE_PAGE_MAX, TREE_PAGE_ROWS, type ChannelName };
export type { HttpMethod } from './channels';
export type { ComparePage, ComparePageInput, CompareRow, CompareSource, CompareSummary } from './compare-contract';

const empty = z.object({}).strict();
const companyId = z.string().regex(/^\d{1,15}$/, 'must be a numeric company id');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31');
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a short identifier');

// ---- inputs -------------------------------------------------------------------------------

export const credentialsInput = z
  .object({
    host: z.string().max(2048),
    appId: z.string().max(512),
    appSecret: z.string().max(512),
    username: z.string().max(512),
    password: z.string().max(1024),
    redirectUri: z.string().max(2048),
    rememberPassword: z.boolean(),
    /** The saved account's name; "username @ host" when blank (docs/architecture.md, "Accounts"). */
    accountName: z.string().max(256).optional(),
  })
  .strict();
export type CredentialsInput = z.infer<typeof credentialsInput>;

export const nameValue = z
  .object({ name: z.string().max(1024), value: z.string().max(65_536), enabled: z.boolean() })
  .strict();
export type NameValue = z.infer<typeof nameValue>;

export const requestBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('json'), text: z.string().max(20_000_000) }).strict(),
  z.object({ kind: z.literal('form'), fields: z.array(nameValue).max(2000) }).strict(),
]);
export type RequestBody = z.infer<typeof requestBody>;

export const requestInput = z
  .object({
    requestId: id,
    method: z.enum(HTTP_METHODS),
    path: z.string().max(4096),
    query: z.array(nameValue).max(2000),
    body: requestBody,
    // Variables ({{name}}) resolve against this collection and the active environment.
    collectionId: id.nullable().optional(),
  })
  .strict();
export type RequestInput = z.infer<typeof requestInput>;

/** A request as saved in a collection or history: what the editor holds. */
export const savedRequest = z
  .object({
    method: z.enum(HTTP_METHODS),
    path: z.string().max(4096),
    query: z.array(nameValue).max(2000),
    body: requestBody,
  })
  .strict();
export type SavedRequest = z.infer<typeof savedRequest>;

export const NODE_KINDS = ['collection', 'folder', 'request'] as const;
export interface CollectionNode {
  id: string;
  kind: (typeof NODE_KINDS)[number];
  name: string;
  description: string;
  /** Collection variables; empty on folders and requests. */
  variables: NameValue[];
  /** Only on requests. */
  request: SavedRequest | null;
  /** Empty on requests. */
  children: CollectionNode[];
}
export const collectionNode: z.ZodType<CollectionNode> = z.lazy(() =>
  z
    .object({
      id,
      kind: z.enum(NODE_KINDS),
      name: z.string().min(1).max(256),
      description: z.string().max(20_000),
      variables: z.array(nameValue).max(2000),
      request: savedRequest.nullable(),
      children: z.array(collectionNode).max(10_000),
    })
    .strict(),
);

export const environmentShape = z
  // `accountId`: the saved account it is tied to; switching to that account makes it active.
  .object({ id, name: z.string().min(1).max(256), variables: z.array(nameValue).max(2000), accountId: id.nullable().optional() })
  .strict();
export const environmentsShape = z
  .object({ environments: z.array(environmentShape).max(200), activeId: id.nullable() })
  .strict();
export type Environments = z.infer<typeof environmentsShape>;

/** Empty, or a proxy's address: http(s)://host:port, nothing else (no login: that has its own fields). */
function isProxyAddress(text: string): boolean {
  if (text === '') return true;
  try {
    const url = new URL(text);
    const bare = !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
    return (url.protocol === 'http:' || url.protocol === 'https:') && bare;
  } catch {
    return false;
  }
}

export const PROXY_MODES = ['system', 'environment', 'manual', 'none'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

export const settingsShape = z
  .object({
    tokenDelivery: z.enum(['query', 'header']),
    timeoutSeconds: z.number().int().min(1).max(3600),
    historyLimit: z.number().int().min(0).max(100_000),
    /** Response bodies up to this size are kept with their history entry. */
    historyBodyLimitKB: z.number().int().min(0).max(102_400),
    /** Blocks POST, PUT, PATCH and DELETE entirely. */
    readOnly: z.boolean(),
    /** Child companies of a group account, listed by the user. */
    companies: z.array(z.object({ id: companyId, name: z.string().min(1).max(256) }).strict()).max(500),
    /** Added to every request as child_company_id (query for GET, body otherwise). */
    activeCompanyId: companyId.nullable(),
    /**
     * Larger answers are stopped and not kept ("Save to file" takes them). 512 at most: a body is
     * decoded to one string, and a JavaScript string holds at most about 512 M characters.
     */
    maxResponseMB: z.number().int().min(1).max(512),
    /** Kept bodies beyond this total go to a temporary file (least recently used first). */
    memoryBudgetMB: z.number().int().min(0).max(65_536),
    /** 'system' follows the OS; the others override it. */
    theme: z.enum(['system', 'light', 'dark']),
    /** A GET that meets 502/503/504 or a dropped connection is retried with backoff. */
    retrySafeRequests: z.boolean(),
    /** Settings > Network: where the proxy comes from (loopback never uses one). */
    proxyMode: z.enum(PROXY_MODES),
    /** The Manual proxy; its password is sealed in the vault, never here. */
    proxyUrl: z
      .string()
      .max(2048)
      .refine(isProxyAddress, 'The proxy must be an address like http://proxy.example.com:8080, without a path or a user name.'),
    proxyUsername: z.string().max(512),
    /**
     * A PEM file of certificates trusted besides the system's. Set only through the native file
     * dialog (network:chooseCertificates), never by settings:update: the window may not add trust.
     */
    extraCertificatesFile: z.string().max(4096).nullable(),
  })
  .strict();
export type Settings = z.infer<typeof settingsShape>;
/** Outputs are not strict: the router drops unknown fields instead of failing. */
const settingsView = z.object(settingsShape.shape);

// ---- outputs (no field here may carry a token, secret or password: a unit test checks) ---

export const vaultView = z.object({
  protected: z.boolean(),
  backend: z.string(),
  message: z.string(),
});
export type VaultView = z.infer<typeof vaultView>;

export const profileView = z.object({
  host: z.string(),
  appId: z.string(),
  username: z.string(),
  redirectUri: z.string(),
  rememberPassword: z.boolean(),
  sandbox: z.boolean(),
});
export type ProfileView = z.infer<typeof profileView>;

export const sessionView = z.object({
  host: z.string(),
  username: z.string(),
  userName: z.string(),
  userId: z.string(),
  expiresAt: z.number(),
  storage: z.enum(['encrypted', 'memory']),
  sandbox: z.boolean(),
  rememberPassword: z.boolean(),
  // True once the refresh token was rejected: the UI asks for the password again.
  needsSignIn: z.boolean(),
  // False once the server showed it does not renew sessions (no refresh token, or the kept one
  // refused): "Sign in again" then says so and offers Remember password.
  serverRenewsSessions: z.boolean(),
  lastRefresh: z.object({ at: z.number(), ok: z.boolean(), message: z.string() }).nullable(),
  /** The saved account this session is for. */
  accountId: z.string(),
  accountName: z.string(),
});
export type SessionView = z.infer<typeof sessionView>;

/** A saved account as the window lists it: no secret, only who and where. */
export const accountView = z.object({ id: z.string(), name: z.string(), host: z.string(), username: z.string(), sandbox: z.boolean() });
export type AccountView = z.infer<typeof accountView>;
/** Which account an answer or a history entry came from. */
export const accountRef = z.object({ id: z.string(), name: z.string() });
export type AccountRef = z.infer<typeof accountRef>;

export const authState = z.object({
  vault: vaultView,
  profile: profileView.nullable(),
  session: sessionView.nullable(),
  notices: z.array(z.string()),
  accounts: z.array(accountView),
  /** The chosen account (signed in or asking to be), null while adding a new one. */
  currentAccountId: z.string().nullable(),
  /** What the chosen account needs to sign in again; everything else is kept. */
  missing: z.array(z.enum(['appSecret', 'password'])),
});
export type AuthState = z.infer<typeof authState>;

export const envelopeView = z.object({
  kind: z.enum(['success', 'business_error', 'auth_error', 'not_envelope']),
  status: z.number().nullable(),
  meaning: z.string(),
  error: z.string().nullable(),
});
export type EnvelopeView = z.infer<typeof envelopeView>;

export const JSON_KINDS = ['object', 'array', 'string', 'number', 'boolean', 'null'] as const;
export const treeRow = z.object({
  path: z.string(),
  depth: z.number(),
  key: z.string().nullable(),
  kind: z.enum(JSON_KINDS),
  preview: z.string(),
  childCount: z.number(),
  expanded: z.boolean(),
});
export type TreeRow = z.infer<typeof treeRow>;
/**
 * The first rows of a kept JSON answer's tree, sent with the answer so the window shows rows
 * without asking for them (docs/architecture.md, "The response pipeline"): the open paths (the
 * root, and the envelope's `data` when it is a container), the first TREE_FIRST_ROWS rows and how
 * many there are in all.
 */
export const firstTreeRows = z.object({
  expanded: z.array(z.string()),
  rows: z.array(treeRow).max(TREE_FIRST_ROWS),
  totalRows: z.number(),
});
export type FirstTreeRows = z.infer<typeof firstTreeRows>;

export const responseSummary = z.object({
  responseId: z.string(),
  requestId: z.string(),
  method: z.enum(HTTP_METHODS),
  url: z.string(),
  httpStatus: z.number(),
  statusText: z.string(),
  outcome: z.string(),
  envelope: envelopeView,
  durationMs: z.number(),
  sizeBytes: z.number(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  contentType: z.string(),
  bodyKind: z.enum(['json', 'text', 'empty']),
  textChars: z.number(),
  refreshed: z.boolean(),
  receivedAt: z.number(),
  /** With the answer to request:send only; history and the rest ask response:tree. */
  firstRows: firstTreeRows.optional(),
  account: accountRef.nullable().optional(),
});
export type ResponseSummary = z.infer<typeof responseSummary>;

const collectionsView = z.object({ collections: z.array(collectionNode) });

export const historyEntry = z.object({
  id: z.string(),
  at: z.number(),
  request: savedRequest,
  httpStatus: z.number().nullable(),
  outcome: z.string(),
  envelopeKind: envelopeView.shape.kind.nullable(),
  durationMs: z.number(),
  sizeBytes: z.number(),
  bodyKept: z.boolean(),
  account: accountRef.nullable().optional(),
  /** The kept response the answer was when it arrived (ids are random, so one from an earlier run matches nothing). */
  responseId: z.string().nullable().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

const savedFile = z.object({ saved: z.boolean(), path: z.string() });

/** An open editor tab as the workspace file keeps it, so tabs come back after a restart. */
export const workspaceTab = z
  .object({
    id,
    title: z.string().max(256),
    request: savedRequest,
    /** The saved request the tab holds, if any, and its collection. */
    savedId: id.nullable(),
    collectionId: id.nullable(),
    endpointId: z.string().max(128).nullable(),
    /** The request as last saved, to show the unsaved marker after a restart. */
    savedRequest: savedRequest.nullable(),
  })
  .strict();
export const workspaceShape = z
  .object({
    tabs: z.array(workspaceTab).max(50),
    activeTabId: id.nullable(),
    /** Panel sizes in pixels or fractions, by panel name. */
    panelSizes: z.record(z.string().regex(/^[a-z][a-zA-Z]{0,31}$/), z.number().min(0).max(100_000)),
  })
  .strict();
export type Workspace = z.infer<typeof workspaceShape>;

const tableQuery = {
  responseId: id,
  /** JSON Pointer to the rows; "" picks the root array, `data`, or a numeric-keyed report object. */
  pointer: z.string().max(8192),
  filter: z.string().max(1024),
  sort: z.object({ column: z.string().max(1024), descending: z.boolean() }).strict().nullable(),
};

export const bulkProgress = z.object({
  pullId: z.string(),
  state: z.enum(['idle', 'running', 'done', 'failed', 'cancelled']),
  windowsDone: z.number(),
  windowsTotal: z.number(),
  rows: z.number(),
  etaMs: z.number().nullable(),
  message: z.string(),
});
export type BulkProgressView = z.infer<typeof bulkProgress>;

// ---- charts (src-main/chart/) ------------------------------------------------------------------

/** Which rows a chart aggregates: a kept response (as the table view filters it) or a Pull range. */
export const chartSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('response'), responseId: id, pointer: tableQuery.pointer, filter: tableQuery.filter }).strict(),
  z.object({ kind: z.literal('pull'), pullId: id }).strict(),
]);
export type ChartSource = z.infer<typeof chartSource>;

const fieldPath = z.string().min(1).max(1024);
/** What to draw; a null x (or y) asks main for the default that suits the rows. */
export const chartSpec = z
  .object({
    x: fieldPath.nullable(),
    bucket: z.enum(['auto', 'day', 'week', 'month']),
    y: z.enum(['count', 'sum', 'avg']).nullable(),
    yField: fieldPath.nullable(),
    split: fieldPath.nullable(),
    top: z.number().int().min(1).max(CHART_SERIES_MAX),
  })
  .strict();
export type ChartSpec = z.infer<typeof chartSpec>;

export const chartData = z.object({
  fields: z.array(z.object({ path: z.string(), kind: z.enum(['date', 'number', 'category']), distinct: z.number() })),
  /** The spec drawn, defaults filled in; `bucket` is the one used (null for a category axis). */
  spec: z.object({
    x: z.string(),
    bucket: z.enum(['day', 'week', 'month']).nullable(),
    y: z.enum(['count', 'sum', 'avg']),
    yField: z.string().nullable(),
    split: z.string().nullable(),
    top: z.number(),
  }),
  title: z.string(),
  xLabel: z.string(),
  yLabel: z.string(),
  /** One label per bucket; for dates, `xStarts` holds each bucket's first day (seconds since 1970, UTC). */
  labels: z.array(z.string()),
  xStarts: z.array(z.number()).nullable(),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
  rows: z.number(),
  used: z.number(),
  /** Sentences about what was left out (caps, rows without a value). */
  notes: z.array(z.string()),
});
export type ChartData = z.infer<typeof chartData>;

/**
 * Which tree rows are open: the paths in `expanded`; or, with `expandAll`, every path except those
 * in `collapsed` (so "expand all" needs no list of every path).
 */
const treeExpansion = {
  expanded: z.array(z.string().max(8192)).max(100_000),
  expandAll: z.boolean().optional(),
  collapsed: z.array(z.string().max(8192)).max(100_000).optional(),
};


/** Settings > Network's status: what is saved and trusted, never the password itself. */
export const networkState = z.object({
  proxyCredential: z.enum(['none', 'encrypted', 'memory', 'other-proxy']),
  proxyCredentialNote: z.string(),
  /** The extra trusted certificates file and the names of the certificates it holds. */
  certificates: z.object({ path: z.string(), names: z.array(z.string()) }).nullable(),
  /** Why the extra file cannot be used now (moved, damaged), or null. */
  certificatesProblem: z.string().nullable(),
  systemCertificatesNote: z.string(),
});
export type NetworkState = z.infer<typeof networkState>;

// ---- the table ------------------------------------------------------------------------------

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** A response's rows to a file: a JSON Pointer to the array (or numeric-keyed report object); "" picks `data` or the root. */
const responseRowsExport = channel(z.object({ responseId: id, pointer: z.string().max(8192) }).strict(), savedFile.extend({ rows: z.number(), columns: z.number() }));
/** A table view's rows to a file (CSV or Excel): the view's query and the columns kept, in order. */
const tableExport = channel(
  z.object({ ...tableQuery, columns: z.array(z.string().max(1024)).max(5000) }).strict(),
  savedFile.extend({ rows: z.number(), columns: z.number() }),
);

export const contract = {
  auth: {
    state: channel(empty, authState),
    login: channel(credentialsInput, sessionView),
    sandbox: channel(empty, sessionView),
    reauth: channel(z.object({ password: z.string().max(1024), remember: z.boolean() }).strict(), sessionView),
    cancelReauth: channel(empty, authState),
    logout: channel(empty, authState),
  },
  accounts: {
    switch: channel(z.object({ id }).strict(), authState),
    add: channel(empty, authState),
    rename: channel(z.object({ id, name: z.string().max(256) }).strict(), authState),
    remove: channel(z.object({ id }).strict(), authState),
  },
  settings: {
    get: channel(empty, settingsView),
    update: channel(settingsShape.omit({ extraCertificatesFile: true }).partial().strict(), settingsView),
  },
  network: {
    state: channel(empty, networkState),
    /** Seals the Manual proxy's password for the saved proxy address and user name. */
    saveProxyPassword: channel(z.object({ password: z.string().min(1).max(1024) }).strict(), networkState),
    forgetProxyPassword: channel(empty, networkState),
    /** Opens the native file dialog; the chosen PEM file is checked before Settings names it. */
    chooseCertificates: channel(empty, networkState),
    clearCertificates: channel(empty, networkState),
  },
  request: {
    send: channel(requestInput, responseSummary),
    cancel: channel(z.object({ requestId: id }).strict(), z.object({ cancelled: z.boolean() })),
    /** Sends the request again and streams the answer to a file the user picks, without keeping it. */
    download: channel(requestInput, savedFile.extend({ bytes: z.number() })),
  },
  collections: {
    list: channel(empty, collectionsView),
    create: channel(
      z.object({ parentId: id.nullable(), kind: z.enum(['collection', 'folder']), name: z.string().max(256) }).strict(),
      collectionsView.extend({ id: z.string() }),
    ),
    update: channel(
      z
        .object({
          id,
          name: z.string().max(256).optional(),
          description: z.string().max(20_000).optional(),
          variables: z.array(nameValue).max(2000).optional(),
        })
        .strict(),
      collectionsView,
    ),
    saveRequest: channel(
      z
        .object({ id: id.nullable(), parentId: id, name: z.string().max(256), description: z.string().max(20_000), request: savedRequest })
        .strict(),
      collectionsView.extend({ id: z.string() }),
    ),
    duplicate: channel(z.object({ id }).strict(), collectionsView.extend({ id: z.string() })),
    move: channel(z.object({ id, parentId: id.nullable(), index: z.number().int().min(0) }).strict(), collectionsView),
    delete: channel(
      z.object({ id }).strict(),
      collectionsView.extend({ undo: z.object({ node: collectionNode, parentId: z.string().nullable(), index: z.number() }) }),
    ),
    restore: channel(z.object({ node: collectionNode, parentId: id.nullable(), index: z.number().int().min(0) }).strict(), collectionsView),
    search: channel(
      z.object({ query: z.string().max(256) }).strict(),
      z.object({
        hits: z.array(z.object({ id: z.string(), name: z.string(), method: z.enum(HTTP_METHODS), path: z.string(), location: z.string() })),
      }),
    ),
    export: channel(z.object({ id, format: z.enum(['postman', 'native']) }).strict(), savedFile),
    import: channel(
      empty,
      z.object({ imported: z.boolean(), name: z.string(), requests: z.number(), unmapped: z.array(z.string()) }),
    ),
  },
  environments: {
    get: channel(empty, environmentsShape),
    save: channel(environmentsShape, environmentsShape),
  },
  variables: {
    preview: channel(
      z.object({ request: savedRequest, collectionId: id.nullable() }).strict(),
      z.object({ url: z.string(), request: savedRequest, unresolved: z.array(z.string()) }),
    ),
  },
  history: {
    // `notAccountIds`: the saved accounts; only entries of accounts removed since are listed.
    list: channel(
      z.object({ query: z.string().max(256), offset: z.number().int().min(0), limit: z.number().int().min(1).max(200), accountId: id.optional(), notAccountIds: z.array(id).max(500).optional() }).strict(),
      z.object({ entries: z.array(historyEntry), total: z.number() }),
    ),
    open: channel(z.object({ id }).strict(), z.object({ request: savedRequest, summary: responseSummary.nullable() })),
    clear: channel(empty, z.object({ total: z.number() })),
  },
  export: {
    responseJson: channel(z.object({ responseId: id }).strict(), savedFile),
    responseCsv: responseRowsExport,
    // The same rows as an Excel workbook (typed cells, an About sheet), streamed from main.
    responseXlsx: responseRowsExport,
    curl: channel(
      z.object({ request: savedRequest, collectionId: id.nullable(), includeToken: z.boolean() }).strict(),
      // `text` always shows the token as a placeholder; with includeToken only the clipboard has it.
      z.object({ copied: z.boolean(), text: z.string() }),
    ),
  },
  table: {
    rows: channel(
      z.object({ ...tableQuery, offset: z.number().int().min(0), limit: z.number().int().min(1).max(TREE_PAGE_MAX) }).strict(),
      z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())), totalRows: z.number(), matchedRows: z.number() }),
    ),
    exportCsv: tableExport,
    exportXlsx: tableExport,
  },
  bulk: {
    start: channel(
      z.object({ request: savedRequest, collectionId: id.nullable(), startDate: isoDate, endDate: isoDate }).strict(),
      bulkProgress,
    ),
    status: channel(z.object({ pullId: id }).strict(), bulkProgress),
    cancel: channel(z.object({ pullId: id }).strict(), bulkProgress),
    resume: channel(z.object({ pullId: id }).strict(), bulkProgress),
    export: channel(
      z.object({ pullId: id, format: z.enum(['json', 'ndjson', 'csv', 'xlsx']) }).strict(),
      savedFile.extend({ rows: z.number() }),
    ),
  },
  chart: {
    data: channel(z.object({ source: chartSource, spec: chartSpec }).strict(), chartData),
    exportCsv: channel(z.object({ source: chartSource, spec: chartSpec }).strict(), savedFile.extend({ rows: z.number() })),
    // The picture drawn in the window, as base64 PNG (at most 12 MB of bytes); main checks the signature.
    exportPng: channel(
      z.object({ png: z.string().min(8).max(16_000_000).regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64'), name: z.string().max(120) }).strict(),
      savedFile.extend({ bytes: z.number() }),
    ),
  },
  app: {
    info: channel(
      empty,
      z.object({
        name: z.string(),
        version: z.string(),
        platform: z.string(),
        licenses: z.array(z.object({ name: z.string(), version: z.string(), license: z.string() })),
      }),
    ),
  },
  workspace: {
    get: channel(empty, workspaceShape),
    save: channel(workspaceShape, z.object({ saved: z.boolean() })),
  },
  response: {
    tree: channel(
      z
        .object({
          responseId: id,
          ...treeExpansion,
          offset: z.number().int().min(0),
          limit: z.number().int().min(1).max(TREE_PAGE_MAX),
        })
        .strict(),
      z.object({ rows: z.array(treeRow), totalRows: z.number() }),
    ),
    /** The row that shows `path` (a JSON Pointer) with this expansion; null when it is hidden or absent. */
    rowOf: channel(
      z.object({ responseId: id, ...treeExpansion, path: z.string().max(8192) }).strict(),
      z.object({ row: z.number().nullable() }),
    ),
    /**
     * Starts (or continues) a search and returns hits [offset, offset + limit). The scan goes on
     * between calls: poll with the same query until `done`. `mode: 'path'` takes a filter like
     * data[*].employees[*].name or data[3].id (src-main/response/worker/path-filter.ts).
     */
    search: channel(
      z
        .object({
          responseId: id,
          query: z.string().max(1024),
          mode: z.enum(['text', 'path']),
          offset: z.number().int().min(0),
          limit: z.number().int().min(1).max(SEARCH_PAGE_MAX),
        })
        .strict(),
      z.object({
        hits: z.array(z.object({ path: z.string(), key: z.string().nullable(), preview: z.string() })),
        totalHits: z.number(),
        done: z.boolean(),
        /** Values looked at so far. */
        scanned: z.number(),
        /** True when the search stopped at SEARCH_HITS_MAX hits. */
        capped: z.boolean(),
      }),
    ),
    text: channel(
      z
        .object({
          responseId: id,
          offset: z.number().int().min(0),
          length: z.number().int().min(1).max(TEXT_PAGE_MAX),
          pretty: z.boolean(),
        })
        .strict(),
      z.object({ text: z.string(), offset: z.number(), totalChars: z.number() }),
    ),
  },
  /** Two kept responses compared in the body worker (docs/architecture.md, "Comparing responses"). */
  compare: {
    start: channel(compareStartInput, compareSummary),
    page: channel(comparePageInput, comparePage),
    export: channel(compareExportInput, savedFile.extend({ rows: z.number() })),
  },
} as const;

export type Contract = typeof contract;
export type Domain = keyof Contract;
type SchemaChannelName = { [D in Domain]: `${D}:${Extract<keyof Contract[D], string>}` }[Domain];
// Compile-time proof that the schema table and the zod-free list name the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListsAgree: Same<SchemaChannelName, ChannelName> & Same<keyof Contract, keyof typeof CHANNELS> = true;
void channelListsAgree;
type SpecShape = { input: z.ZodType; output: z.ZodType };

/** The shape of `window.api`: `api.auth.login(input)` resolves to a Result, it never throws. */
export type Api = {
  [D in Domain]: {
    [V in keyof Contract[D]]: Contract[D][V] extends SpecShape
      ? (input: z.input<Contract[D][V]['input']>) => Promise<Result<z.output<Contract[D][V]['output']>>>
      : never;
  };
};

/** The `window.api` method behind a channel name, e.g. `ApiMethod<'auth:login'>` is `api.auth.login`. */
export type ApiMethod<C extends ChannelName> = C extends `${infer D extends Domain}:${infer V}` ? (V extends keyof Api[D] ? Api[D][V] : never) : never;

/**
 * What main implements for each channel: validated input in, plain output out, or a promise of it
 * (may throw AppError). Each service satisfies its domain's entry (docs/architecture.md, "The IPC contract").
 */
export type Handlers = {
  [D in Domain]: {
    [V in keyof Contract[D]]: Contract[D][V] extends SpecShape
      ? (input: z.output<Contract[D][V]['input']>) => z.input<Contract[D][V]['output']> | Promise<z.input<Contract[D][V]['output']>>
      : never;
  };
};

export type ErrorCode =
  | 'invalid_input'
  | 'forbidden_sender'
  | 'unknown_channel'
  | 'invalid_host'
  | 'invalid_path'
  | 'invalid_body'
  | 'invalid_client'
  | 'invalid_credentials'
  | 'host_unreachable'
  | 'tls_failed'
  | 'proxy_failed'
  | 'not_token_endpoint'
  | 'auth_failed'
  | 'timeout'
  | 'network'
  | 'cancelled'
  | 'too_large'
  | 'not_signed_in'
  | 'reauth_required'
  | 'not_found'
  | 'unresolved_variable'
  | 'invalid_file'
  | 'storage_failed'
  | 'read_only'
  | 'internal';

export type AppErrorView = { code: ErrorCode; message: string };
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorView };

/** Every channel of the table, as `[name, spec]` pairs. */
export function listChannels(): Array<[ChannelName, SpecShape]> {
  const out: Array<[ChannelName, SpecShape]> = [];
  for (const [domain, verbs] of Object.entries(contract)) {
    for (const [verb, spec] of Object.entries(verbs)) out.push([`${domain}:${verb}` as ChannelName, spec]);
  }
  return out;
}

/** `window.api`: the contract's channels, plus `events.onCommand` for menu commands from main. */
export type WindowApi = Api & { events: { onCommand(listener: (command: AppCommand) => void): () => void } };
