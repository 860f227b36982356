import { useEffect, useRef, type MutableRefObject } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData } from '@shared/contract';
import { chartDataFor, chartOptions } from './chartOptions';
import { paletteFor, useDocumentTheme } from './chartTheme';

const HEIGHT = 300;

type Props = {
  data: ChartData;
  /** A sentence that names the chart and says what it shows, for assistive technology. */
  label: string;
  /** Set to the drawn chart, for the PNG export. */
  plot: MutableRefObject<uPlot | null>;
};

/**
 * The chart, drawn by uPlot on a canvas: drawn again when the data or the theme changes, resized
 * with its box. uPlot sets element styles only through the DOM, which the page's CSP allows.
 */
export function ChartCanvas({ data, label, plot }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const theme = useDocumentTheme();

  useEffect(() => {
    const element = host.current!;
    const size = () => ({ width: Math.max(240, element.clientWidth), height: HEIGHT });
    const chart = new uPlot(chartOptions(data, paletteFor(theme), size()), chartDataFor(data), element);
    plot.current = chart;
    const resize = new ResizeObserver(() => {
      // A hidden tab panel has no width: keep the size it had until it shows again.
      if (!element.clientWidth) return;
      const next = size();
      if (next.width !== chart.width) chart.setSize(next);
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      if (plot.current === chart) plot.current = null;
    };
  }, [data, theme, plot]);

  return <div ref={host} className="chart-canvas" role="img" aria-label={label} data-theme-drawn={theme} />;
}
