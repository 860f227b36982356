import { Suspense, useId, useState } from 'react';
import type { SavedRequest } from '@shared/contract';
import { lazyView, LoadingView } from '../../components/lazyView';
import { TextField } from '../../components/TextField';
import { dayNumber, planRange, planSentence, progressLine, STATE_WORDS, WINDOW_DAYS } from './pullText';
import type { BulkPullModel, ExportFormat } from './useBulkPull';
import './bulk.css';

type Props = {
  id: string;
  model: BulkPullModel;
  /** The request as it would be saved now: what a new pull sends, window by window. */
  request: () => SavedRequest;
  collectionId: string | null;
  /** Proposed range, e.g. the request's own start_date and end_date. */
  initialFrom: string;
  initialTo: string;
};

const EXPORTS: ReadonlyArray<{ format: ExportFormat; label: string }> = [
  { format: 'json', label: 'Export JSON' },
  { format: 'ndjson', label: 'Export NDJSON' },
  { format: 'csv', label: 'Export CSV' },
  { format: 'xlsx', label: 'Export Excel' },
];

// The chart of the pulled rows (uPlot) loads only when first shown.
const pullChart = lazyView(() => import('../chart/ChartView').then((module) => module.ChartView));

/**
 * "Pull range": a long date range fetched in windows Humanity accepts, with progress, Cancel,
 * Resume after a failure, and the merged rows exported in one file.
 */
export function PullRangePanel({ id, model, request, collectionId, initialFrom, initialTo }: Props) {
  const ids = useId();
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [tried, setTried] = useState(false);
  const [chartShown, setChartShown] = useState(false);
  const { progress, busy, message } = model;
  const plan = planRange(from, to);
  const running = progress?.state === 'running';
  const stopped = progress?.state === 'failed' || progress?.state === 'cancelled';
  const fromError = tried && dayNumber(from) === null ? 'Pick a From date.' : null;
  const toError = tried && !plan.ok && !fromError ? plan.message : null;

  function start() {
    setTried(true);
    if (!plan.ok || running) return;
    void model.start(request(), collectionId, from, to);
  }

  return (
    <section id={id} className="pull-range" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="pull-title">
        Pull range
      </h3>
      <p className="pull-about">
        Humanity refuses more than about a month of shifts at once; the range is split into windows of at most {WINDOW_DAYS} days,
        pulled one after another. Rate limits and expired tokens are handled on the way, and rows are merged by id.
      </p>
      <form
        className="pull-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <TextField label="From" type="date" value={from} onChange={setFrom} error={fromError} />
        <TextField label="To" type="date" value={to} onChange={setTo} error={toError} />
        <button type="submit" className="button button-primary" disabled={running || busy === 'start'}>
          Start pull
        </button>
      </form>
      <p className="field-description">{plan.ok ? planSentence(plan) : 'Pick the first and the last day to pull.'}</p>

      {progress && (
        <div className="pull-progress">
          <div
            role="progressbar"
            aria-label="Pull progress"
            aria-valuemin={0}
            aria-valuemax={progress.windowsTotal}
            aria-valuenow={progress.windowsDone}
            aria-valuetext={`${progress.windowsDone} of ${progress.windowsTotal} windows`}
            className={`pull-bar is-${progress.state}`}
          >
            <div
              className="pull-bar-fill"
              style={{ width: `${progress.windowsTotal ? (progress.windowsDone / progress.windowsTotal) * 100 : 0}%` }}
            />
          </div>
          <p className="pull-line">
            <span className={`pull-state is-${progress.state}`}>{STATE_WORDS[progress.state]}</span>
            <span className="pull-numbers">{progressLine(progress)}</span>
          </p>
          {progress.state === 'failed' ? (
            <p className="form-failure" role="alert">
              {progress.message}
            </p>
          ) : (
            <p className="pull-message" role="status">
              {progress.message}
            </p>
          )}
          <div className="pull-actions">
            {running && (
              <button type="button" className="button" disabled={busy === 'cancel'} onClick={() => void model.cancel()}>
                Cancel
              </button>
            )}
            {stopped && (
              <button type="button" className="button button-primary" disabled={busy === 'resume'} onClick={() => void model.resume()}>
                Resume
              </button>
            )}
            {!running &&
              progress.rows > 0 &&
              EXPORTS.map(({ format, label }) => (
                <button key={format} type="button" className="button button-small" disabled={busy !== null} onClick={() => void model.exportAs(format)}>
                  {label}
                </button>
              ))}
            {!running && progress.rows > 0 && (
              <button type="button" className="button button-small" aria-expanded={chartShown} onClick={() => setChartShown(!chartShown)}>
                {chartShown ? 'Hide chart' : 'Show chart'}
              </button>
            )}
          </div>
        </div>
      )}
      {chartShown && progress && !running && progress.rows > 0 && (
        <Suspense fallback={<LoadingView label="Loading chart…" />}>
          <pullChart.View source={{ kind: 'pull', pullId: progress.pullId }} resetKey={`${progress.pullId} ${progress.rows}`} />
        </Suspense>
      )}
      <p className="pull-saved" role="status">
        {message?.tone === 'status' && message.text}
      </p>
      {message?.tone === 'error' && (
        <p className="field-error" role="alert">
          {message.text}
        </p>
      )}
    </section>
  );
}
