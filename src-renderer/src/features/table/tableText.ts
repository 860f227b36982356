// Small rules of the table view, kept pure (except copyText) so they are unit-tested.
import type { TableSort } from './useTableRows';

/** Click or Enter on a column header: ascending, then descending, then the response's own order. */
export function nextSort(current: TableSort, column: string): TableSort {
  if (current?.column !== column) return { column, descending: false };
  return current.descending ? null : { column, descending: true };
}

/** A column's width in pixels from its name and a sample of its cells, within sensible bounds. */
export function columnWidth(column: string, sample: readonly string[]): number {
  const longest = Math.max(column.length + 2, ...sample.map((text) => Math.min(text.length, 60)));
  return Math.round(Math.max(72, Math.min(320, longest * 7.6 + 22)));
}

/** A grid position; row -1 is the header row. */
export type Cell = { row: number; col: number };
export const HEADER = -1;

/**
 * Where a key moves in the grid: arrows by one, Page Up/Down by `page` rows, Home/End along the
 * row (with Ctrl: to the first header, the last cell). Null for any other key. Not clamped.
 */
export function gridMove(key: string, ctrlKey: boolean, { row, col }: Cell, size: { rows: number; cols: number; page: number }): Cell | null {
  const { rows, cols, page } = size;
  switch (key) {
    case 'ArrowDown':
      return { row: row + 1, col };
    case 'ArrowUp':
      return { row: row - 1, col };
    case 'ArrowRight':
      return { row, col: col + 1 };
    case 'ArrowLeft':
      return { row, col: col - 1 };
    case 'PageDown':
      return { row: row === HEADER ? page : row + page, col };
    case 'PageUp':
      return { row: Math.max(0, row - page), col };
    case 'Home':
      return ctrlKey ? { row: HEADER, col: 0 } : { row, col: 0 };
    case 'End':
      return ctrlKey ? { row: rows - 1, col: cols - 1 } : { row, col: cols - 1 };
    default:
      return null;
  }
}

/** A cell's text for a one-line message. */
export function shortText(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * Puts text on the clipboard: the async Clipboard API first, then the copy command (which needs no
 * permission during a click or key press). False when neither worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Not permitted here (no focus, or a permission policy): try the copy command.
  }
  let copied = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    copied = true;
  };
  document.addEventListener('copy', onCopy, true);
  try {
    document.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    document.removeEventListener('copy', onCopy, true);
  }
  return copied;
}
