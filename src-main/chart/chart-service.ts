// Charts of kept rows (docs/architecture.md, "Charts"): a response's rows are aggregated in the
// body worker next to the parsed body, a Pull range's in main where its rows are kept. The window
// gets the series only, and exports go through the native save dialog, written atomically.
import type { ChartData, ChartSource, ChartSpec, Handlers } from '../shared/contract';
import type { FileSaver } from '../export/file-saver';
import type { RowFiles } from '../export/row-files';
import type { ResponseStore } from '../response/main/response-store';
import { chartOf } from './aggregate';
import { chartCsvRows } from './chart-csv';
import { fileStem, pngBytes } from './png-file';

export interface ChartServiceDeps {
  responses: Pick<ResponseStore, 'chart'>;
  /** A Pull range's merged rows (throws not_found for an unknown pull). */
  pullRows(pullId: string): readonly unknown[];
  rowFiles: Pick<RowFiles, 'rowsCsv'>;
  files: FileSaver;
}

const PNG_FILES = [{ name: 'PNG image', extensions: ['png'] }];

export function createChartService(deps: ChartServiceDeps) {
  function data(source: ChartSource, spec: ChartSpec): Promise<ChartData> {
    if (source.kind === 'response') return deps.responses.chart(source.responseId, { pointer: source.pointer, filter: source.filter }, spec);
    return Promise.resolve().then(() => chartOf(deps.pullRows(source.pullId), spec));
  }

  return {
    data: ({ source, spec }) => data(source, spec),

    async exportCsv({ source, spec }) {
      const chart = await data(source, spec);
      const saved = await deps.rowFiles.rowsCsv(chartCsvRows(chart), fileStem(chart.title));
      return { saved: saved.saved, path: saved.path, rows: saved.rows };
    },

    async exportPng({ png, name }) {
      const bytes = pngBytes(png); // refused before a dialog opens
      const path = await deps.files.pick('Export chart as PNG', 'png', PNG_FILES, fileStem(name));
      if (!path) return { saved: false, path: '', bytes: 0 };
      await deps.files.write(path, [bytes]);
      return { saved: true, path, bytes: bytes.length };
    },
  } satisfies Handlers['chart'];
}
