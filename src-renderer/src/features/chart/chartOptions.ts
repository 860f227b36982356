// uPlot's options and data for a chart main aggregated (src-main/chart/): bars for one series,
// lines with points for several; dates on a time axis, categories as labelled slots.
import uPlot, { type AlignedData, type Options } from 'uplot';
import type { ChartData } from '@shared/contract';
import type { ChartPalette } from './chartTheme';

const OTHER = 'Other';
/** Category labels shown before they are thinned out (every n-th) so they do not overlap. */
const CATEGORY_LABELS_SHOWN = 25;
/** Room a level date label needs ("Mar 23"), and a slanted category label. */
const DATE_LABEL_PX = 64;
const CATEGORY_LABEL_PX = 22;

/** Every n-th of `count` labels, so that they fit the chart's width. */
function stride(count: number, width: number, labelPx: number, most: number): number {
  return Math.ceil(count / Math.max(2, Math.min(most, Math.floor(width / labelPx))));
}

export function seriesColor(palette: ChartPalette, data: ChartData, index: number): string {
  const name = data.series[index]?.name;
  return name === OTHER && data.spec.split ? palette.other : palette.series[index % palette.series.length]!;
}

export function chartDataFor(data: ChartData): AlignedData {
  const xs = data.xStarts ?? data.labels.map((_, i) => i);
  return [xs, ...data.series.map((series) => series.values)];
}

/** Half a bucket of room on each side, so the first and last bars are whole. */
function xRange(data: ChartData): [number, number] {
  if (!data.xStarts) return [-0.5, data.labels.length - 0.5];
  const xs = data.xStarts;
  const step = xs.length > 1 ? (xs.at(-1)! - xs[0]!) / (xs.length - 1) : 86_400;
  return [xs[0]! - step / 2, xs.at(-1)! + step / 2];
}

/** Date ticks at bucket starts (Mondays for weeks), written in UTC as main's buckets are. */
function dateAxisValues(data: ChartData) {
  const starts = data.xStarts!;
  const monthly = data.spec.bucket === 'month';
  const format = new Intl.DateTimeFormat('en-US', monthly ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return {
    splits: (u: uPlot) => {
      const every = stride(starts.length, u.width, monthly ? DATE_LABEL_PX + 16 : DATE_LABEL_PX, starts.length);
      return starts.filter((_, i) => i % every === 0);
    },
    values: (_u: uPlot, splits: number[]) => splits.map((start) => format.format(start * 1000)),
  };
}

function categoryAxisValues(labels: readonly string[]) {
  return {
    splits: (u: uPlot) => {
      const every = stride(labels.length, u.width, CATEGORY_LABEL_PX, CATEGORY_LABELS_SHOWN);
      return labels.map((_, i) => i).filter((i) => i % every === 0);
    },
    values: (_u: uPlot, splits: number[]) => splits.map((i) => labels[i] ?? ''),
  };
}

export function chartOptions(data: ChartData, palette: ChartPalette, size: { width: number; height: number }): Options {
  const single = data.series.length === 1;
  const axisStyle = { stroke: palette.text, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
  const categories = data.xStarts === null;
  const longLabels = categories && data.labels.some((label) => label.length > 6);
  return {
    width: size.width,
    height: size.height,
    // The page's own table and title describe the chart; uPlot's legend shows values on hover.
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: !categories, range: () => xRange(data) },
      y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] },
    },
    axes: [
      {
        ...axisStyle,
        label: data.xLabel,
        labelFont: '12px system-ui, sans-serif',
        font: '11px system-ui, sans-serif',
        ...(categories ? categoryAxisValues(data.labels) : dateAxisValues(data)),
        ...(longLabels ? { rotate: 35, size: 90 } : {}),
      },
      { ...axisStyle, label: data.yLabel, labelFont: '12px system-ui, sans-serif', font: '11px system-ui, sans-serif', size: 60 },
    ],
    series: [
      { label: categories ? data.xLabel : 'Date', value: (_u, x) => (x === null ? '–' : categories ? (data.labels[x] ?? '') : (data.labels[data.xStarts!.indexOf(x)] ?? '')) },
      ...data.series.map((series, index) => {
        const color = seriesColor(palette, data, index);
        return single
          ? { label: series.name, stroke: color, fill: `${color}cc`, width: 0, paths: uPlot.paths.bars!({ size: [0.7, 64] }), points: { show: false } }
          : { label: series.name, stroke: color, width: 2, points: { show: true, size: 5, fill: color } };
      }),
    ],
  };
}
