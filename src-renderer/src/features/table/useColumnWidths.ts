import { useEffect, useState } from 'react';
import { columnWidth } from './tableText';
import type { useTableRows } from './useTableRows';

const DEFAULT_WIDTH = 140;

/** Widths are fixed per column once its first rows are seen, so filtering does not make them jump. */
export function useColumnWidths(table: ReturnType<typeof useTableRows>, shown: readonly string[]) {
  const [widths, setWidths] = useState<Readonly<Record<string, number>>>({});
  const count = table.matchedRows;
  const firstRow = table.rowAt(0);
  useEffect(() => {
    if (!table.fresh || table.columns.every((column) => widths[column] !== undefined)) return;
    const sample = Array.from({ length: Math.min(count, 50) }, (_, i) => table.rowAt(i)).filter((row) => row !== undefined);
    const next = { ...widths };
    table.columns.forEach((column, index) => {
      next[column] ??= columnWidth(column, sample.map((row) => row[index] ?? ''));
    });
    setWidths(next);
  }, [table, firstRow, count, widths]);
  const width = (column: string) => widths[column] ?? DEFAULT_WIDTH;
  return {
    template: shown.map((column) => `${width(column)}px`).join(' '),
    totalWidth: shown.reduce((sum, column) => sum + width(column), 0),
  };
}
