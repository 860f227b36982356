import { useState } from 'react';
import type { ApiMethod } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';

export type TableMessage = { tone: 'status' | 'error'; text: string };
export type TableExportFormat = 'csv' | 'xlsx';

/**
 * The table view's rows as a file, through main (which asks where in the native save dialog): CSV,
 * or an Excel workbook with typed cells. Says how it went through `show`.
 */
export function useTableExport(show: (message: TableMessage | null) => void) {
  const [exporting, setExporting] = useState<TableExportFormat | null>(null);

  async function exportAs(format: TableExportFormat, input: Parameters<ApiMethod<'table:exportCsv'>>[0]) {
    setExporting(format);
    show(null);
    const result = await (format === 'csv' ? api().table.exportCsv(input) : api().table.exportXlsx(input));
    setExporting(null);
    if (!result.ok) {
      reportError(result.error);
      show({ tone: 'error', text: result.error.message });
    } else if (result.data.saved) {
      const { rows, path } = result.data;
      show({ tone: 'status', text: `Saved ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'} to ${path}` });
    }
  }

  return { exporting, exportAs };
}
