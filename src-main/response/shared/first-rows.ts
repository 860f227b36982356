// The first rows of a JSON answer's tree, sent with the answer to request:send so the window
// shows rows without asking for them (docs/architecture.md, "The response pipeline"). The root is
// open, and so is the Humanity envelope's `data` when it is a container: what people came to see.
// Main works it out for a small body it parsed itself, the body worker for the rest (its
// BodyDocument, so the window's next pages come from the same tree index).
import { TREE_FIRST_ROWS, type FirstTreeRows } from '../../shared/contract';
import { isContainer } from './json-tree';
import { OpenCounts, TreeIndex } from './tree-index';

/** The paths open when an answer is first shown. */
export function firstOpenPaths(value: unknown): string[] {
  const envelope = isContainer(value) && !Array.isArray(value) ? value : null;
  return envelope && Object.hasOwn(envelope, 'data') && isContainer(envelope.data) ? ['', '/data'] : [''];
}

/** The first rows of a parsed JSON value, with firstOpenPaths open. */
export function firstRowsOf(value: unknown): FirstTreeRows {
  const expanded = firstOpenPaths(value);
  const index = new TreeIndex(value, { expandAll: false, expanded: new Set(expanded), collapsed: new Set() }, new OpenCounts());
  return { expanded, rows: index.page(0, TREE_FIRST_ROWS), totalRows: index.totalRows };
}
