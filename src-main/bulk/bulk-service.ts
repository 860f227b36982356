// "Pull range": a long date range split into windows, pulled one after another through the
// signed-in runner (token refresh included), merged, and exported. Pulls live in main memory.
import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/app-error';
import type { BulkProgressView, Handlers, SavedRequest } from '../shared/contract';
import type { RowFiles } from '../export/row-files';
import { flattenedRowStream } from '../export/row-stream';
import type { RequestRunner, TokenSource, VariableSource } from '../http/request-runner';
import { createBulkPull, type BulkPull } from './bulk-pull';
import { pullAbout, type PullAbout } from './pull-about';
import { splitRange, type DateWindow } from './date-windows';

const DATE_PARAMS = new Set(['start_date', 'end_date']);
const MAX_PULLS = 8;

export interface BulkServiceDeps {
  runner: Pick<RequestRunner, 'call'>;
  tokenSource(): TokenSource;
  variables: VariableSource;
  rowFiles: Pick<RowFiles, 'rowsCsv' | 'rowsJson' | 'rowsXlsx'>;
  now(): number;
}

export function createBulkService(deps: BulkServiceDeps) {
  const pulls = new Map<string, BulkPull>();
  /** For the About sheet of an Excel export; forgotten with the pull. */
  const abouts = new WeakMap<BulkPull, PullAbout>();

  function get(pullId: string): BulkPull {
    const pull = pulls.get(pullId);
    if (!pull) throw new AppError('not_found', 'That pull is no longer kept. Start the pull again.');
    return pull;
  }

  function view(pullId: string): BulkProgressView {
    return { pullId, ...get(pullId).progress() };
  }

  function keep(pullId: string, pull: BulkPull): void {
    pulls.set(pullId, pull);
    for (const [id, old] of pulls) {
      if (pulls.size <= MAX_PULLS) break;
      if (old.progress().state !== 'running') pulls.delete(id);
    }
  }

  return {
    start(input) {
      if (input.request.method !== 'GET') throw new AppError('invalid_input', 'Pull range only reads data: use it with a GET request.');
      const windows = splitRange(input.startDate, input.endDate);
      const resolved = deps.variables.resolve(input.request, input.collectionId);
      const source = deps.tokenSource();
      const pull = createBulkPull({
        windows,
        now: deps.now,
        fetchWindow: (window, signal) => deps.runner.call(source, withWindow(resolved, window), signal),
        session: source.signal,
      });
      const pullId = randomUUID().replaceAll('-', '');
      abouts.set(pull, pullAbout(resolved, { host: source.host, username: source.username ?? null }, input.startDate, input.endDate, windows.length));
      keep(pullId, pull);
      void pull.start();
      return view(pullId);
    },
    status: ({ pullId }) => view(pullId),
    /** The merged rows so far, for a chart of the pull (src-main/chart/). */
    rows: (pullId: string): readonly unknown[] => get(pullId).rows(),
    async cancel({ pullId }) {
      await get(pullId).cancel();
      return view(pullId);
    },
    resume({ pullId }) {
      const pull = get(pullId);
      const state = pull.progress().state;
      if (state !== 'failed' && state !== 'cancelled') throw new AppError('invalid_input', 'Only a failed or cancelled pull can be resumed.');
      void pull.resume();
      return view(pullId);
    },
    /** Sign-out: the pulls and the rows they hold belonged to the session that ended. */
    forgetAll(): void {
      for (const pull of pulls.values()) void pull.cancel();
      pulls.clear();
    },
    async export({ pullId, format }) {
      const pull = get(pullId);
      const rows = pull.rows();
      if (!rows.length) throw new AppError('invalid_input', 'The pull has no rows yet, so there is nothing to export.');
      if (format === 'json' || format === 'ndjson') return deps.rowFiles.rowsJson(rows, format, 'pull');
      const { details, ...origin } = abouts.get(pull)!;
      const saved = await (format === 'csv'
        ? deps.rowFiles.rowsCsv(flattenedRowStream(rows), 'pull')
        : deps.rowFiles.rowsXlsx(flattenedRowStream(rows), 'pull', origin, details));
      return { saved: saved.saved, path: saved.path, rows: saved.rows };
    },
  } satisfies Handlers['bulk'] & { forgetAll(): void; rows(pullId: string): readonly unknown[] };
}

/** The request with this window's dates in place of any typed ones. */
function withWindow(request: SavedRequest, window: DateWindow): SavedRequest {
  const query = request.query.filter((param) => !(param.enabled && DATE_PARAMS.has(param.name)));
  query.push({ name: 'start_date', value: window.start, enabled: true }, { name: 'end_date', value: window.end, enabled: true });
  return { ...request, query };
}
