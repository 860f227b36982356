// The chart as a PNG: the title, the plot uPlot drew and a legend, on the theme's background,
// painted onto one canvas and read as base64 for main to save (src-main/chart/png-file.ts).
import type uPlot from 'uplot';
import type { ChartData } from '@shared/contract';
import { seriesColor } from './chartOptions';
import type { ChartPalette } from './chartTheme';

const PAD = 16;
const TITLE = 28;
const LEGEND_ROW = 22;

export function chartPng(plot: uPlot, data: ChartData, palette: ChartPalette): string {
  const source = plot.ctx.canvas;
  const ratio = source.width / plot.width || 1;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const legendRows = legendLayout(ctx, data, source.width / ratio);
  canvas.width = source.width + PAD * 2 * ratio;
  canvas.height = source.height + (PAD * 2 + TITLE + legendRows.length * LEGEND_ROW) * ratio;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = palette.text;
  ctx.font = '600 15px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText(data.title, PAD, PAD + TITLE / 2 - 4);
  ctx.drawImage(source, PAD, PAD + TITLE, source.width / ratio, source.height / ratio);
  ctx.font = '12px system-ui, sans-serif';
  legendRows.forEach((row, line) => {
    const y = PAD + TITLE + source.height / ratio + line * LEGEND_ROW + LEGEND_ROW / 2;
    for (const { index, x } of row) {
      ctx.fillStyle = seriesColor(palette, data, index);
      ctx.fillRect(PAD + x, y - 5, 10, 10);
      ctx.fillStyle = palette.text;
      ctx.fillText(data.series[index]!.name, PAD + x + 15, y);
    }
  });
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

/** Legend entries placed left to right, wrapping at the plot's width. */
function legendLayout(ctx: CanvasRenderingContext2D, data: ChartData, width: number): Array<Array<{ index: number; x: number }>> {
  ctx.font = '12px system-ui, sans-serif';
  const rows: Array<Array<{ index: number; x: number }>> = [[]];
  let x = 0;
  data.series.forEach((series, index) => {
    const entry = 15 + ctx.measureText(series.name).width + 18;
    if (x > 0 && x + entry > width) {
      rows.push([]);
      x = 0;
    }
    rows.at(-1)!.push({ index, x });
    x += entry;
  });
  return rows;
}
