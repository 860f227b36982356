// Rows of a JSON tree as the renderer shows them: only the expanded parts, one page at a time.
// Paths are JSON Pointers (RFC 6901); "" is the root.
import type { TreeRow } from '../shared/contract';

const PREVIEW_MAX = 200;

export function pointerChild(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function visibleRows(root: unknown, expanded: ReadonlySet<string>, offset: number, limit: number): { rows: TreeRow[]; totalRows: number } {
  const rows: TreeRow[] = [];
  let index = 0;
  const end = offset + limit;
  const visit = (value: unknown, path: string, key: string | null, depth: number) => {
    const kind = kindOf(value);
    const children = kind === 'object' ? Object.keys(value as object) : kind === 'array' ? (value as unknown[]) : null;
    const childCount = children ? children.length : 0;
    const isOpen = children !== null && expanded.has(path);
    if (index >= offset && index < end) {
      rows.push({ path, depth, key, kind, preview: preview(value, kind, childCount), childCount, expanded: isOpen });
    }
    index += 1;
    if (!isOpen) return;
    if (kind === 'array') {
      (value as unknown[]).forEach((item, i) => visit(item, pointerChild(path, i), String(i), depth + 1));
    } else {
      const record = value as Record<string, unknown>;
      for (const k of children as string[]) visit(record[k], pointerChild(path, k), k, depth + 1);
    }
  };
  visit(root, '', null, 0);
  return { rows, totalRows: index };
}

function kindOf(value: unknown): TreeRow['kind'] {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'object') return 'object';
  if (t === 'string' || t === 'number' || t === 'boolean') return t;
  return 'null';
}

function preview(value: unknown, kind: TreeRow['kind'], childCount: number): string {
  switch (kind) {
    case 'object':
      return `{${childCount} ${childCount === 1 ? 'key' : 'keys'}}`;
    case 'array':
      return `[${childCount} ${childCount === 1 ? 'item' : 'items'}]`;
    case 'string': {
      const text = value as string;
      return JSON.stringify(text.length > PREVIEW_MAX ? `${text.slice(0, PREVIEW_MAX)}…` : text);
    }
    default:
      return String(value);
  }
}
