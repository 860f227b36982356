// The messages between main and the body worker. Main sends `{ seq, op, input }`; the worker
// answers `{ seq, ok, value | error }`. Errors carry an AppError code when they are sentences for
// the user (such as a broken path filter), so main can rethrow them as AppErrors. The seam between
// response/main and response/worker (docs/architecture.md, "The response pipeline").
import type { ChartData, ChartSpec, ComparePage, ComparePageInput, CompareSummary, ErrorCode, FirstTreeRows, TreeRow } from '../shared/contract';
import type { TablePage, TableQuery } from '../table/table-view';
import type { BodyFacts } from './shared/body-text';

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

/**
 * With a parse's answer: the first page of the tree (response/shared/first-rows.ts), null when the
 * body is not JSON. It saves the window a round trip before its first rows.
 */
export interface WithFirstRows {
  firstRows: FirstTreeRows | null;
}

/** A body to compare: bytes[0, end) (shared, not copied), parsed for this comparison only. */
export interface CompareSide {
  docId: string;
  bytes: SharedArrayBuffer;
  end: number;
}

/** What a body told as JSON from its first rows and broken past them answers where it is read as JSON. */
export const NOT_JSON_AFTER_ALL = 'This response is not valid JSON after all: it breaks past its first rows. See Raw for its text.';

/** Comparisons the worker keeps (response/worker/compare/comparisons.ts); main forgets beyond the same number. */
export const COMPARISONS_KEPT = 4;

/** What a comparison found, before main names it (response/worker/compare/comparison.ts). */
export type ComparisonFacts = Omit<CompareSummary, 'compareId' | 'beforeId' | 'afterId'>;

/** Each operation's input and answer. */
export interface WorkerCalls {
  /**
   * A body still arriving: bytes[0, end) are in and final (blanked of secrets), in memory main
   * shares (a new, larger block when the body outgrew the last). The worker scans and parses them
   * between messages (response/worker/arriving-body.ts).
   */
  feed: { input: { docId: string; bytes: SharedArrayBuffer; end: number }; output: null };
  /**
   * The whole fed body is in. The answer may come before its parse is done, with first rows the
   * worker could tell already; queries about it then wait for the parse. `pieces` is how many were
   * fed; when the worker holds fewer (it was restarted), it parses bytes[0, end) whole.
   */
  finish: { input: { docId: string; pieces: number; bytes: SharedArrayBuffer; end: number }; output: BodyFacts & WithFirstRows };
  /**
   * Answers once a body told early (finish's `toldJson`) is parsed whole, without starting that
   * parse sooner: whether it is JSON after all. How main learns that one is not (response-store.ts).
   */
  parsed: { input: { docId: string }; output: { isJson: boolean } };
  /**
   * Parses a body kept in main, bytes[0, end) (shared, not copied). `toldJson`: the window was
   * shown it as JSON (from its first rows, when it was told early), whatever this parse finds.
   */
  load: { input: { docId: string; bytes: SharedArrayBuffer; end: number; toldJson?: boolean }; output: BodyFacts & WithFirstRows };
  /** Forgets a body, parsed or arriving. */
  evict: { input: { docId: string }; output: null };
  tree: { input: { docId: string; expansion: ExpansionInput; offset: number; limit: number }; output: { rows: TreeRow[]; totalRows: number } };
  rowOf: { input: { docId: string; expansion: ExpansionInput; path: string }; output: { row: number | null } };
  search: { input: { docId: string; query: SearchQuery; offset: number; limit: number }; output: SearchPage };
  pretty: { input: { docId: string; offset: number; length: number }; output: { text: string; totalChars: number } };
  table: { input: { docId: string; query: TableQuery; offset: number; limit: number; columns: string[] | null }; output: TablePage };
  /** The chart of the rows the table view shows (src-main/chart/): only the series come back. */
  chart: { input: { docId: string; query: Pick<TableQuery, 'pointer' | 'filter'>; spec: ChartSpec }; output: ChartData };
  /**
   * Compares two bodies and keeps the result under `docId`, the comparison's own id (not a body's):
   * docs/architecture.md, "Comparing responses".
   */
  compare: { input: { docId: string; before: CompareSide; after: CompareSide; key: string | null }; output: ComparisonFacts };
  /** A page of a kept comparison; `whole`: values not shortened (exports). */
  comparePage: { input: Omit<ComparePageInput, 'compareId'> & { docId: string; whole: boolean }; output: ComparePage };
  /** Forgets a comparison. */
  compareForget: { input: { docId: string }; output: null };
}

export type WorkerOp = keyof WorkerCalls;

export type WorkerMessage = { [K in WorkerOp]: { seq: number; op: K; input: WorkerCalls[K]['input'] } }[WorkerOp];

/**
 * The seq of a notice: a message the worker does not answer. Feeds are notices: main never waits
 * on one, and some forty answers per 10 MB would only take main's time while the body arrives.
 */
export const NOTICE_SEQ = 0;

export type WorkerReply = { seq: number; ok: true; value: unknown } | { seq: number; ok: false; error: { code: ErrorCode | null; message: string } };

/**
 * A notice from the worker: a kept body's whole parse starts (`parsing` true) or ends. That is a
 * `load`, or the parse of a body told early, which runs in slices between messages from its start
 * (DEFER_MS after `finish`, or the first query) to its end; a death between its slices is counted
 * as its own, since what it parsed so far fills the heap. Should the worker run out of memory
 * meanwhile, main knows which body did it and never loads that body again (docs/architecture.md,
 * "The response pipeline"). A `finish` parsed in one go needs none: main keeps a body only once
 * its finish is answered.
 */
export interface ParseNotice {
  seq: typeof NOTICE_SEQ;
  docId: string;
  parsing: boolean;
}

/** What the worker posts: answers, and parse notices. */
export type WorkerPost = WorkerReply | ParseNotice;
