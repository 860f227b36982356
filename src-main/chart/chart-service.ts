// Charts of kept rows (docs/architecture.md, "Charts"): a response's rows are aggregated in the
// body worker next to the parsed body, a Pull range's in main where its rows are kept. The window
// gets the series only, and exports go through the native save dialog, written atomically.
import type { ChartData, ChartSource, ChartSpec } from '../shared/contract';
import type { Exporter } from '../export/exporter';
import { writeChunksAtomic, writeFailure } from '../export/atomic-file';
import type { NativeDialogs } from '../ports/native';
import type { ResponseStore } from '../response/main/response-store';
import { AppError } from '../shared/app-error';
import { chartOf } from './aggregate';
import { chartCsvRows } from './chart-csv';
import { fileStem, pngBytes } from './png-file';

export interface ChartServiceDeps {
  responses: Pick<ResponseStore, 'chart'>;
  /** A Pull range's merged rows (throws not_found for an unknown pull). */
  pullRows(pullId: string): readonly unknown[];
  exporter: Pick<Exporter, 'rowsCsv'>;
  dialogs: NativeDialogs;
}

export function createChartService(deps: ChartServiceDeps) {
  function data(source: ChartSource, spec: ChartSpec): Promise<ChartData> {
    if (source.kind === 'response') return deps.responses.chart(source.responseId, { pointer: source.pointer, filter: source.filter }, spec);
    return Promise.resolve().then(() => chartOf(deps.pullRows(source.pullId), spec));
  }

  return {
    data: ({ source, spec }: { source: ChartSource; spec: ChartSpec }) => data(source, spec),

    async exportCsv({ source, spec }: { source: ChartSource; spec: ChartSpec }) {
      const chart = await data(source, spec);
      const saved = await deps.exporter.rowsCsv(chartCsvRows(chart), fileStem(chart.title));
      return { saved: saved.saved, path: saved.path, rows: saved.rows };
    },

    async exportPng({ png, name }: { png: string; name: string }) {
      const bytes = pngBytes(png); // refused before a dialog opens
      const path = await deps.dialogs.saveFile({ title: 'Export chart as PNG', defaultName: `${fileStem(name)}.png`, filters: [{ name: 'PNG image', extensions: ['png'] }] });
      if (!path) return { saved: false, path: '', bytes: 0 };
      await writeChunksAtomic(path, [bytes]).catch((error: unknown) => {
        throw error instanceof AppError ? error : writeFailure('The chart', path, error);
      });
      return { saved: true, path, bytes: bytes.length };
    },
  };
}
