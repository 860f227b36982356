// The zod-free half of the IPC contract: channel names and constants. The preload and the
// renderer import only this (zod probes `new Function`, which the renderer's CSP forbids);
// contract.ts checks at compile time that its schema table has exactly these channels.

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const TREE_PAGE_MAX = 500;
/** Rows per page of the tree the window asks for. */
export const TREE_PAGE_ROWS = 200;
/**
 * Rows of the tree sent with a kept JSON answer: a screenful and more. Fewer than a page, since
 * every row sent makes the answer slower to arrive; the window asks for the rest after it paints.
 */
export const TREE_FIRST_ROWS = 64;
export const TEXT_PAGE_MAX = 262_144;
/** Hits per `response:search` call; a search stops at SEARCH_HITS_MAX hits. */
export const SEARCH_PAGE_MAX = 500;
export const SEARCH_HITS_MAX = 10_000;
/** A chart's caps: x buckets, and series (the top ones by size, then "Other"). */
export const CHART_BUCKETS_MAX = 400;
export const CHART_SERIES_MAX = 10;

export const CHANNELS = {
  auth: ['state', 'login', 'sandbox', 'reauth', 'cancelReauth', 'logout'],
  accounts: ['switch', 'add', 'rename', 'remove'],
  settings: ['get', 'update'],
  network: ['state', 'saveProxyPassword', 'forgetProxyPassword', 'chooseCertificates', 'clearCertificates'],
  request: ['send', 'cancel', 'download'],
  collections: ['list', 'create', 'update', 'saveRequest', 'duplicate', 'move', 'delete', 'restore', 'search', 'export', 'import'],
  environments: ['get', 'save'],
  variables: ['preview'],
  history: ['list', 'open', 'clear'],
  export: ['responseJson', 'responseCsv', 'responseXlsx', 'curl'],
  table: ['rows', 'exportCsv', 'exportXlsx'],
  bulk: ['start', 'status', 'cancel', 'resume', 'export'],
  chart: ['data', 'exportCsv', 'exportPng'],
  response: ['tree', 'text', 'rowOf', 'search'],
  app: ['info'],
  workspace: ['get', 'save'],
  compare: ['start', 'page', 'export'],
} as const;

type Channels = typeof CHANNELS;
export type ChannelName = { [D in keyof Channels]: `${D}:${Channels[D][number]}` }[keyof Channels];

export function channelNames(): ChannelName[] {
  return Object.entries(CHANNELS).flatMap(([domain, verbs]) => verbs.map((verb) => `${domain}:${verb}` as ChannelName));
}

/** Commands main sends to the page (from the application menu); the page's shortcuts run the same. */
export const APP_COMMANDS = [
  'send',
  'save',
  'new-request',
  'focus-path',
  'find-in-response',
  'close-tab',
  'next-tab',
  'previous-tab',
  'settings',
  'about',
  // Not from the menu: main's word that the session changed by itself (it waits for the password,
  // or stopped waiting), so the page reads auth:state now instead of at its next poll.
  'session-changed',
  // Not from the menu either: the session renewed its token by itself (a new expiry to show).
  'session-renewed',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
/** The one main-to-page event channel. */
export const COMMAND_EVENT = 'app:command';
