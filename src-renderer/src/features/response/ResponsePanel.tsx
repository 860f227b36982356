import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { RequestInput, ResponseSummary } from '@shared/contract';
import { useCommands } from '../../app/useCommands';
import { lazyView, LoadingView } from '../../components/lazyView';
import { Tabs } from '../../components/Tabs';
import { useNow } from '../../components/useNow';
import { useActiveResponse } from '../../state/hooks';
import type { RunningRequest } from '../../state/tabsModel';
import { focusFindTarget } from './focusFindTarget';
import { ResponseSummaryView } from './ResponseSummaryView';
import { ResponseTree } from './ResponseTree';
import { SaveToFile } from './SaveToFile';
import { RawView } from './RawView';
import { HeadersTable } from './HeadersTable';
import { formatElapsed } from './format';
import { ResponseExport } from '../export/ResponseExport';
import { CompareWith } from '../compare/CompareWith';
import './response.css';

const tableView = lazyView(() => import('../table/TableView').then((module) => module.TableView));
// The Chart view (uPlot) loads only when it is first opened.
const chartView = lazyView(() => import('../chart/ResponseChart').then((module) => module.ResponseChart));

type View = 'tree' | 'table' | 'chart' | 'raw' | 'headers';

type Props = {
  running: RunningRequest | null;
  summary: ResponseSummary | null;
  error: string | null;
  /** Why nothing is shown, when there is a reason. */
  note?: string | null;
  /** The request whose answer was too large to keep: "Save to file" sends it again into a file. */
  tooLarge?: RequestInput | null;
};

/** The last response: its summary and its body as a tree, raw text, or headers. */
export function ResponsePanel({ running: started, summary, error, note, tooLarge = null }: Props) {
  // Until it is shown as running, the last response stays: a quick answer replaces it at once.
  const running = started?.shown ? started : null;
  // The chosen view outlives each response, so a user reading raw text keeps reading raw text.
  const [view, setView] = useState<View>('tree');
  // Ctrl/Cmd+F: the Tree view, with its search box focused (once; see ResponseSearch).
  const [findPending, setFindPending] = useState(false);
  const findDone = useCallback(() => setFindPending(false), []);
  const panel = useRef<HTMLElement>(null);
  // The Table view loads when there is first a JSON answer it could show.
  const json = summary?.bodyKind === 'json';
  useEffect(() => {
    if (json) tableView.preload();
  }, [json]);
  useCommands({
    'find-in-response': () => {
      if (summary?.bodyKind !== 'json') return focusFindTarget(panel.current!);
      setView('tree');
      setFindPending(true);
    },
  });
  return (
    <section ref={panel} className="response-panel" aria-label="Response">
      <h2 className="panel-title">Response</h2>
      {running && <Sending startedAt={running.startedAt} />}
      {error && (
        <p className="form-failure" role="alert">
          {error}
        </p>
      )}
      {error && tooLarge && <SaveToFile key={tooLarge.requestId} request={tooLarge} />}
      {note && !summary && !running && <p className="empty-state">{note}</p>}
      {!summary && !running && !error && !note && (
        <p className="empty-state">
          Send a request to see its response here. Try <code>GET me</code> for the signed-in user, or{' '}
          <code>GET employees</code>.
        </p>
      )}
      {summary && !running && (
        // Keyed by response so each response starts with fresh views. Taken down once the request
        // is shown as running, while main works on a slow answer, or replaced by a quick one
        // (docs/architecture.md, The response pipeline).
        <div className="response-body" key={summary.responseId}>
          <ResponseSummaryView summary={summary} />
          {/* The Table view has its own Export CSV, of the rows as filtered and sorted. */}
          <div className="response-actions">
            <ResponseExport summary={summary} csv={view !== 'table' && view !== 'chart'} />
            {json && <CompareWith summary={summary} />}
          </div>
          <Tabs
            label="Response views"
            selected={view}
            onSelect={setView}
            tabs={[
              {
                id: 'tree',
                label: 'Tree',
                render: () =>
                  summary.bodyKind === 'json' ? (
                    <ResponseTree responseId={summary.responseId} firstRows={summary.firstRows ?? null} focusSearch={findPending} onSearchFocused={findDone} />
                  ) : (
                    <p className="muted panel-message">
                      {summary.bodyKind === 'empty' ? 'The response has no body.' : 'The body is not JSON: see Raw.'}
                    </p>
                  ),
              },
              {
                id: 'table',
                label: 'Table',
                render: () =>
                  summary.bodyKind === 'json' ? (
                    <Suspense fallback={<LoadingView label="Loading table…" />}>
                      <tableView.View responseId={summary.responseId} />
                    </Suspense>
                  ) : (
                    <p className="muted panel-message">
                      {summary.bodyKind === 'empty' ? 'The response has no body.' : 'The body is not JSON, so it has no rows to show as a table.'}
                    </p>
                  ),
              },
              {
                id: 'chart',
                label: 'Chart',
                render: () =>
                  summary.bodyKind === 'json' ? (
                    <Suspense fallback={<LoadingView label="Loading chart…" />}>
                      <chartView.View responseId={summary.responseId} />
                    </Suspense>
                  ) : (
                    <p className="muted panel-message">{summary.bodyKind === 'empty' ? 'The response has no body.' : 'The body is not JSON, so it has no rows to chart.'}</p>
                  ),
              },
              { id: 'raw', label: 'Raw', render: () => <RawView responseId={summary.responseId} bodyKind={summary.bodyKind} /> },
              { id: 'headers', label: 'Headers', render: () => <HeadersTable headers={summary.headers} /> },
            ]}
          />
        </div>
      )}
    </section>
  );
}

function Sending({ startedAt }: { startedAt: number }) {
  const now = useNow(100);
  return (
    <p className="sending">
      <span role="status">Sending…</span> <span className="muted">{formatElapsed(now - startedAt)}</span>
    </p>
  );
}

/** The active tab's response, read from the store: an answer renders this panel, not the workspace around it. */
export function ActiveResponsePanel() {
  return <ResponsePanel {...useActiveResponse()} />;
}
