// Windows of rows of a big JSON tree, without walking the rows before them. Each container's row
// count (its own row plus whatever is open under it) is worked out once per body and expansion
// state; a page at offset N then descends from the root by these counts, and wide containers keep
// prefix sums so the descent picks the child by binary search. A 100 MB body has millions of
// nodes, so counts are kept only for containers of CACHE_MIN_ROWS rows or more (smaller ones are
// recounted when passed, which costs less than remembering them).
import type { TreeRow } from '../../shared/contract';
import { childIndex, childKey, childrenOf, childValue, isContainer, pointerChild, pointerTokens, treeRow, type Children, type Container } from './json-tree';

const CACHE_MIN_ROWS = 64;
/** Containers with this many children get prefix sums. */
const WIDE = 64;

export interface Expansion {
  /** Everything is open except `collapsed`; otherwise only `expanded` is. */
  expandAll: boolean;
  expanded: ReadonlySet<string>;
  collapsed: ReadonlySet<string>;
}

interface Count {
  rows: number;
  /** Wide containers only: at [i], the rows of children 0 … i-1. */
  before: Float64Array | null;
  /** Every child is one row (open, but nothing under it is): child i starts i rows in. */
  single?: true;
}

const CLOSED: Count = { rows: 1, before: null };

function countChildren(children: Children, rowsOfChild: (index: number) => number): Count {
  const before = children.length >= WIDE ? new Float64Array(children.length + 1) : null;
  let rows = 1;
  for (let i = 0; i < children.length; i += 1) {
    if (before) before[i] = rows - 1;
    rows += rowsOfChild(i);
  }
  if (before) before[children.length] = rows - 1;
  return { rows, before };
}

/**
 * Row counts with everything open. They do not depend on the expansion state: one per body.
 * Weakly held: the elements of a batched array (batched-array.ts) are parsed anew when read again.
 */
export class OpenCounts {
  private readonly cache = new WeakMap<object, Count>();

  rows(value: unknown): number {
    return isContainer(value) ? this.count(value).rows : 1;
  }

  count(node: Container): Count {
    const cached = this.cache.get(node);
    if (cached) return cached;
    const children = childrenOf(node);
    const count = countChildren(children, (i) => this.rows(childValue(children, i)));
    if (count.rows >= CACHE_MIN_ROWS || count.before) this.cache.set(node, count);
    return count;
  }
}

/** One row's value and place. `marked`: the expansion lists name it or something inside it. */
interface Place {
  value: unknown;
  key: string | null;
  path: string;
  depth: number;
  marked: boolean;
}

interface Frame {
  place: Place;
  children: Children;
  /** The next child to show. */
  next: number;
}

export class TreeIndex {
  /**
   * The listed paths and all their ancestors. Outside this set a subtree is uniform, all open
   * (expand all) or all closed, so its count needs no path and comes from OpenCounts.
   */
  private readonly marked: Set<string>;
  /** The parents of the marked paths: a container not among them has only unmarked children. */
  private readonly markedParents = new Set<string>();
  private readonly counts = new WeakMap<object, Count>();
  readonly totalRows: number;

  constructor(
    private readonly root: unknown,
    private readonly expansion: Expansion,
    private readonly open: OpenCounts,
  ) {
    this.marked = withAncestors(expansion.expandAll ? expansion.collapsed : expansion.expanded);
    for (const path of this.marked) if (path) this.markedParents.add(path.slice(0, path.lastIndexOf('/')));
    this.totalRows = this.rows(this.rootPlace());
  }

  page(offset: number, limit: number): TreeRow[] {
    if (offset >= this.totalRows) return [];
    const { frames, place: first } = this.locate(offset);
    const rows: TreeRow[] = [];
    let place: Place | null = first;
    while (place && rows.length < limit) {
      const isOpen = this.isOpen(place);
      rows.push(treeRow(place.value, place.path, place.key, place.depth, isOpen));
      if (isOpen) frames.push({ place, children: childrenOf(place.value as Container), next: 0 });
      place = this.advance(frames);
    }
    return rows;
  }

  /** The row that shows `pointer`; null when it does not exist or an ancestor is closed. */
  rowOf(pointer: string): number | null {
    const tokens = pointerTokens(pointer);
    if (!tokens) return null;
    let place = this.rootPlace();
    let row = 0;
    for (const token of tokens) {
      if (!this.isOpen(place)) return null;
      const children = childrenOf(place.value as Container);
      const index = childIndex(children, token);
      if (index < 0) return null;
      row += 1 + this.rowsBefore(place, children, index);
      place = this.child(place, children, index);
    }
    return row;
  }

  private rootPlace(): Place {
    return { value: this.root, key: null, path: '', depth: 0, marked: this.marked.has('') };
  }

  private child(parent: Place, children: Children, index: number): Place {
    const key = childKey(children, index);
    const path = pointerChild(parent.path, key);
    return { value: childValue(children, index), key, path, depth: parent.depth + 1, marked: parent.marked && this.marked.has(path) };
  }

  private isOpen(place: Place): boolean {
    if (!isContainer(place.value)) return false;
    if (!place.marked) return this.expansion.expandAll;
    return this.expansion.expandAll ? !this.expansion.collapsed.has(place.path) : this.expansion.expanded.has(place.path);
  }

  private rows(place: Place): number {
    return isContainer(place.value) ? this.count(place).rows : 1;
  }

  private count(place: Place): Count {
    const node = place.value as Container;
    if (!place.marked) return this.expansion.expandAll ? this.open.count(node) : CLOSED;
    let count = this.counts.get(node);
    if (!count) {
      const children = childrenOf(node);
      if (!this.isOpen(place)) count = CLOSED;
      // Opening `data` of a million elements costs nothing: without expand all, each is one row.
      else if (!this.expansion.expandAll && !this.markedParents.has(place.path)) count = { rows: 1 + children.length, before: null, single: true };
      else count = countChildren(children, (i) => this.childRows(place, children, i));
      this.counts.set(node, count);
    }
    return count;
  }

  /**
   * A child's rows. Without expand all, a child no listed path goes through is one row whatever it
   * holds, so its value is not read: reading every element of a big batched array would parse it
   * all again (batched-array.ts), and opening `data` would cost as much as the first parse.
   */
  private childRows(parent: Place, children: Children, index: number): number {
    if (!this.expansion.expandAll && !this.marked.has(pointerChild(parent.path, childKey(children, index)))) return 1;
    return this.rows(this.child(parent, children, index));
  }

  /** The frames above the row at `offset`, and that row. */
  private locate(offset: number): { frames: Frame[]; place: Place } {
    const frames: Frame[] = [];
    let place = this.rootPlace();
    let remaining = offset;
    while (remaining > 0) {
      remaining -= 1; // the container's own row
      const children = childrenOf(place.value as Container);
      const { index, before } = this.childHolding(place, children, remaining);
      remaining -= before;
      frames.push({ place, children, next: index + 1 });
      place = this.child(place, children, index);
    }
    return { frames, place };
  }

  /** The child whose rows include `offset` (counted from the first child's row), and the rows before it. */
  private childHolding(place: Place, children: Children, offset: number): { index: number; before: number } {
    const { before, single } = this.count(place);
    if (single) return { index: offset, before: offset };
    if (before) {
      let [low, high] = [0, children.length - 1];
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (before[middle]! <= offset) low = middle;
        else high = middle - 1;
      }
      return { index: low, before: before[low]! };
    }
    let rows = 0;
    for (let i = 0; i < children.length; i += 1) {
      const childRows = this.rows(this.child(place, children, i));
      if (offset < rows + childRows) return { index: i, before: rows };
      rows += childRows;
    }
    throw new Error(`Row ${offset} is past the children of ${place.path || 'the root'}.`);
  }

  private rowsBefore(place: Place, children: Children, index: number): number {
    const { before, single } = this.count(place);
    if (single) return index;
    if (before) return before[index]!;
    let rows = 0;
    for (let i = 0; i < index; i += 1) rows += this.rows(this.child(place, children, i));
    return rows;
  }

  private advance(frames: Frame[]): Place | null {
    for (let top = frames.at(-1); top; top = frames.at(-1)) {
      if (top.next < top.children.length) return this.child(top.place, top.children, top.next++);
      frames.pop();
    }
    return null;
  }
}

/** The paths and every ancestor of each ("" included when any path is given). */
function withAncestors(paths: ReadonlySet<string>): Set<string> {
  const marked = new Set<string>();
  for (const path of paths) {
    if (marked.has(path)) continue;
    marked.add(path);
    for (let cut = path.lastIndexOf('/'); cut >= 0; cut = cut === 0 ? -1 : path.lastIndexOf('/', cut - 1)) {
      const ancestor = path.slice(0, cut);
      // An ancestor already marked came with all of its own ancestors.
      if (marked.has(ancestor)) break;
      marked.add(ancestor);
    }
  }
  return marked;
}
