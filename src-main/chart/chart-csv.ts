// The aggregated series as CSV rows: one line per x bucket, one column per series. The numbers
// are main's own (computed again from the rows), never what the window sent.
import type { ChartData } from '../shared/contract';
import type { RowStream } from '../export/row-stream';

export function chartCsvRows(chart: ChartData): RowStream {
  const single = chart.series.length === 1 && chart.spec.split === null;
  const columns = [chart.xLabel, ...(single ? [chart.yLabel] : chart.series.map((series) => series.name))];
  function* rows() {
    for (let i = 0; i < chart.labels.length; i += 1) {
      yield [chart.labels[i]!, ...chart.series.map((series) => (series.values[i] === null ? '' : String(series.values[i])))];
    }
  }
  return { columns, rows: rows(), count: chart.labels.length };
}
