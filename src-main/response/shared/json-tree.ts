// The JSON tree as the renderer sees it: rows named by JSON Pointers (RFC 6901, "" is the root),
// a container's children in display order, and the short preview of a value. Pure: the body
// worker builds tree windows, search hits and pretty text from these.
import type { TreeRow } from '../../shared/contract';

const PREVIEW_MAX = 200;

export type Container = unknown[] | Record<string, unknown>;

export function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** A container's children in display order: indexes for arrays, Object.keys order for objects. */
export interface Children {
  node: Container;
  keys: string[] | null;
  length: number;
}

export function childrenOf(node: Container): Children {
  if (Array.isArray(node)) return { node, keys: null, length: node.length };
  const keys = Object.keys(node);
  return { node, keys, length: keys.length };
}

export function childValue(children: Children, index: number): unknown {
  return children.keys ? (children.node as Record<string, unknown>)[children.keys[index]!] : (children.node as unknown[])[index];
}

export function childKey(children: Children, index: number): string {
  return children.keys ? children.keys[index]! : String(index);
}

/** The index of the child a pointer token names, or -1. */
export function childIndex(children: Children, token: string): number {
  if (children.keys) return children.keys.indexOf(token);
  return /^(0|[1-9]\d*)$/.test(token) && Number(token) < children.length ? Number(token) : -1;
}

export function pointerChild(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The unescaped tokens of a pointer; null when it is not one. */
export function pointerTokens(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function treeRow(value: unknown, path: string, key: string | null, depth: number, expanded: boolean): TreeRow {
  const kind = kindOf(value);
  const childCount = countOf(value);
  return { path, depth, key, kind, preview: preview(value, kind, childCount), childCount, expanded };
}

export function previewOf(value: unknown): string {
  return preview(value, kindOf(value), countOf(value));
}

function countOf(value: unknown): number {
  if (!isContainer(value)) return 0;
  return Array.isArray(value) ? value.length : Object.keys(value).length;
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
