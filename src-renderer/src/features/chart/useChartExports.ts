import { useState, type RefObject } from 'react';
import type uPlot from 'uplot';
import type { ChartData, ChartSource, ChartSpec, Result } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { chartPng } from './chartPicture';
import { paletteFor, useDocumentTheme } from './chartTheme';

type Message = { tone: 'status' | 'error'; text: string };

/** "Export PNG" (the picture drawn here, saved by main) and "Export CSV" (the series, from main). */
export function useChartExports(source: ChartSource, spec: ChartSpec, plot: RefObject<uPlot | null>) {
  const theme = useDocumentTheme();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  async function run(ask: () => Promise<Result<{ saved: boolean; path: string }>>, what: (saved: { path: string }) => string) {
    setBusy(true);
    setMessage(null);
    const result = await ask();
    setBusy(false);
    if (!result.ok) {
      reportError(result.error);
      setMessage({ tone: 'error', text: result.error.message });
    } else if (result.data.saved) setMessage({ tone: 'status', text: what(result.data) });
  }

  return {
    busy,
    message,
    exportPng(data: ChartData) {
      if (!plot.current) return;
      const png = chartPng(plot.current, data, paletteFor(theme));
      void run(() => api().chart.exportPng({ png, name: data.title }), ({ path }) => `Saved the chart as a picture to ${path}`);
    },
    exportCsv() {
      void run(() => api().chart.exportCsv({ source, spec }), ({ path }) => `Saved the chart's numbers to ${path}`);
    },
  };
}
