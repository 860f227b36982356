// The messages between main and the body worker. Main sends `{ seq, op, input }`; the worker
// answers `{ seq, ok, value | error }`. Errors carry an AppError code when they are sentences for
// the user (such as a broken path filter), so main can rethrow them as AppErrors.
import type { ErrorCode, TreeRow } from '../shared/contract';
import type { TablePage, TableQuery } from '../table/table-view';
import type { BodyFacts } from './body-text';

export interface ExpansionInput {
  expanded: string[];
  expandAll: boolean;
  collapsed: string[];
}

export interface SearchQuery {
  mode: 'text' | 'path';
  query: string;
}

export interface SearchPage {
  hits: Array<{ path: string; key: string | null; preview: string }>;
  totalHits: number;
  done: boolean;
  scanned: number;
  capped: boolean;
}

/** Each operation's input and answer. */
export interface WorkerCalls {
  /**
   * A body still arriving: bytes[0, end) are in (secrets blanked already), so the worker decodes
   * them while main receives the rest. `bytes` is shared with main, not copied.
   */
  feed: { input: { docId: string; bytes: SharedArrayBuffer; end: number }; output: null };
  /** Parses a body, bytes[0, end), decoding what `feed` has not yet. Also forgets what it was fed. */
  load: { input: { docId: string; bytes: SharedArrayBuffer; end: number }; output: BodyFacts };
  /** Forgets a body, parsed or arriving. */
  evict: { input: { docId: string }; output: null };
  tree: { input: { docId: string; expansion: ExpansionInput; offset: number; limit: number }; output: { rows: TreeRow[]; totalRows: number } };
  rowOf: { input: { docId: string; expansion: ExpansionInput; path: string }; output: { row: number | null } };
  search: { input: { docId: string; query: SearchQuery; offset: number; limit: number }; output: SearchPage };
  pretty: { input: { docId: string; offset: number; length: number }; output: { text: string; totalChars: number } };
  table: { input: { docId: string; query: TableQuery; offset: number; limit: number; columns: string[] | null }; output: TablePage };
}

export type WorkerOp = keyof WorkerCalls;

export type WorkerMessage = { [K in WorkerOp]: { seq: number; op: K; input: WorkerCalls[K]['input'] } }[WorkerOp];

export type WorkerReply = { seq: number; ok: true; value: unknown } | { seq: number; ok: false; error: { code: ErrorCode | null; message: string } };
