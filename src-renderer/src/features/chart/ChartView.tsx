import { useId, useRef, useState, type ReactNode } from 'react';
import type uPlot from 'uplot';
import type { ChartData, ChartSource, ChartSpec } from '@shared/contract';
import { ChartCanvas } from './ChartCanvas';
import { ChartControls } from './ChartControls';
import { ChartTable } from './ChartTable';
import { AUTO_SPEC, useChartData } from './useChartData';
import { useChartExports } from './useChartExports';
// The row toolbar and status line look as in the Table view.
import '../table/table.css';
import './chart.css';

type Props = {
  source: ChartSource;
  /** When it changes (another list), the chart starts again from the defaults. */
  resetKey: string;
  /** Fields that pick the rows (Rows at, Filter rows), shown first in the toolbar. */
  rowFields?: ReactNode;
};

/** A sentence naming the chart and its extent, for the picture's accessible name. */
function accessibleName(data: ChartData): string {
  const range = data.labels.length ? `, ${data.labels.length} ${data.spec.bucket ?? 'value'}${data.labels.length === 1 ? '' : 's'} from ${data.labels[0]} to ${data.labels.at(-1)}` : '';
  const series = data.series.length > 1 ? `, ${data.series.length} series` : '';
  return `Chart: ${data.title}${range}${series}. The data table below has the numbers.`;
}

/**
 * A chart of a list of records: main aggregates the rows (src-main/chart/) and sends only the
 * series; this view draws them, offers them as a table, and exports the picture or the numbers.
 */
export function ChartView({ source, resetKey, rowFields }: Props) {
  const ids = useId();
  const [spec, setSpec] = useState<ChartSpec>(AUTO_SPEC);
  const [shownKey, setShownKey] = useState(resetKey);
  if (shownKey !== resetKey) {
    setShownKey(resetKey);
    setSpec(AUTO_SPEC);
  }
  const [tableShown, setTableShown] = useState(false);
  const plot = useRef<uPlot | null>(null);
  const { data, last, error, loading } = useChartData(source, spec, resetKey);
  const exports = useChartExports(source, spec, plot);
  const usedNote = data && data.used !== data.rows ? ` (${data.used.toLocaleString('en-US')} of ${data.rows.toLocaleString('en-US')} rows used)` : '';

  return (
    <div className="chart-view">
      <div className="chart-toolbar">
        {rowFields}
        <button type="button" className="button button-small" disabled={!data || exports.busy} onClick={() => data && exports.exportPng(data)}>
          Export PNG
        </button>
        <button type="button" className="button button-small" disabled={!data || exports.busy} onClick={() => exports.exportCsv()}>
          Export CSV
        </button>
      </div>
      {last && <ChartControls data={last} spec={spec} onChange={setSpec} />}
      <div className="table-status-line">
        <span role="status" className="table-count">
          {loading ? 'Adding up the rows…' : data ? `${data.rows.toLocaleString('en-US')} rows${usedNote}` : ''}
        </span>
        <span role="status" className={exports.message?.tone === 'status' ? 'table-message' : 'visually-hidden'}>
          {exports.busy ? 'Exporting…' : exports.message?.tone === 'status' ? exports.message.text : ''}
        </span>
      </div>
      {exports.message?.tone === 'error' && (
        <p className="field-error" role="alert">
          {exports.message.text}
        </p>
      )}
      {error ? (
        <p className="muted panel-message chart-unavailable">{error}</p>
      ) : (
        data && (
          <figure className="chart-figure" aria-labelledby={`${ids}-title`}>
            <figcaption id={`${ids}-title`} className="chart-title">
              {data.title}
            </figcaption>
            <ChartCanvas data={data} label={accessibleName(data)} plot={plot} />
            {data.notes.map((note) => (
              <p key={note} className="chart-note">
                {note}
              </p>
            ))}
            <button type="button" className="button button-small chart-table-toggle" aria-expanded={tableShown} aria-controls={tableShown ? `${ids}-table` : undefined} onClick={() => setTableShown(!tableShown)}>
              {tableShown ? 'Hide data table' : 'Show data table'}
            </button>
            {tableShown && <ChartTable data={data} id={`${ids}-table`} />}
          </figure>
        )
      )}
    </div>
  );
}
