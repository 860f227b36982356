// Search inside a parsed body, in slices: the worker runs a job for a few milliseconds at a time
// and keeps going between calls, so the renderer polls and shows hits as they come, and tree
// windows are still answered while a search of a 100 MB body runs.
//   text: keys and primitive values that contain the query, ignoring case;
//   path: the values a path filter names (path-filter.ts).
import { SEARCH_HITS_MAX } from '../../shared/channels';
import type { SearchQuery } from '../worker-protocol';
import { childKey, childrenOf, childValue, isContainer, pointerChild, previewOf, type Children } from '../shared/json-tree';
import { parsePathFilter, type PathStep } from './path-filter';


export interface SearchHit {
  path: string;
  key: string | null;
  preview: string;
}

/** What a search looks at and how it goes down: all children, one named child, or none. */
interface Matcher {
  isHit(key: string | null, value: unknown, depth: number): boolean;
  /** Which children of a node at `depth` to visit. */
  select(depth: number): { all: true } | { all: false; key: string } | 'none';
}

function textMatcher(query: string): Matcher {
  const needle = query.toLowerCase();
  // Keys repeat in every row of a list: each is lowercased once.
  const lowerKeys = new Map<string, string>();
  const lowerKey = (key: string) => {
    let lower = lowerKeys.get(key);
    if (lower === undefined) {
      lower = key.toLowerCase();
      if (lowerKeys.size < 100_000) lowerKeys.set(key, lower);
    }
    return lower;
  };
  return {
    isHit: (key, value) => (key !== null && lowerKey(key).includes(needle)) || (!isContainer(value) && String(value).toLowerCase().includes(needle)),
    select: () => ({ all: true }),
  };
}

function pathMatcher(steps: readonly PathStep[]): Matcher {
  return {
    isHit: (_key, _value, depth) => depth === steps.length,
    select: (depth) => {
      const step = steps[depth];
      if (!step) return 'none';
      return step.any ? { all: true } : { all: false, key: step.key };
    },
  };
}

interface Frame {
  children: Children;
  path: string;
  depth: number;
  next: number;
  /** One past the last child to visit. */
  end: number;
}

export class SearchJob {
  readonly hits: SearchHit[] = [];
  scanned = 0;
  done = false;
  private readonly matcher: Matcher;
  private readonly frames: Frame[] = [];
  private pendingRoot = true;

  constructor(
    private readonly root: unknown,
    readonly query: SearchQuery,
  ) {
    // Parsed first, so a broken filter is an error of the call that started the job.
    this.matcher = query.mode === 'path' ? pathMatcher(parsePathFilter(query.query)) : textMatcher(query.query);
    if (query.mode === 'text' && query.query === '') this.done = true;
  }

  get capped(): boolean {
    return this.hits.length >= SEARCH_HITS_MAX;
  }

  /** Ends a job whose query was replaced. */
  stop(): void {
    this.done = true;
  }

  /** Scans for about `budgetMs`, then returns; `done` tells whether there is more. */
  run(budgetMs: number): void {
    const deadline = performance.now() + budgetMs;
    for (let steps = 0; !this.done; steps += 1) {
      if ((steps & 1023) === 1023 && performance.now() >= deadline) return;
      this.step();
    }
  }

  private step(): void {
    if (this.pendingRoot) {
      this.pendingRoot = false;
      this.visit(this.root, null, null, 0);
      return;
    }
    const top = this.frames.at(-1);
    if (!top) {
      this.done = true;
      return;
    }
    if (top.next >= top.end) {
      this.frames.pop();
      return;
    }
    const index = top.next++;
    this.visit(childValue(top.children, index), childKey(top.children, index), top.path, top.depth + 1);
  }

  /** `parentPath` is null for the root. Paths are built only for hits and containers entered. */
  private visit(value: unknown, key: string | null, parentPath: string | null, depth: number): void {
    this.scanned += 1;
    const path = () => (parentPath === null ? '' : pointerChild(parentPath, key!));
    if (this.matcher.isHit(key, value, depth)) {
      this.hits.push({ path: path(), key, preview: previewOf(value) });
      if (this.capped) {
        this.done = true;
        return;
      }
    }
    if (!isContainer(value)) return;
    const select = this.matcher.select(depth);
    if (select === 'none') return;
    const children = childrenOf(value);
    if (select.all) {
      this.frames.push({ children, path: path(), depth, next: 0, end: children.length });
      return;
    }
    // [3] names index 3 of an array, or the key "3" of a report object.
    const index = children.keys ? children.keys.indexOf(select.key) : /^\d+$/.test(select.key) ? Number(select.key) : -1;
    if (index >= 0 && index < children.length) this.frames.push({ children, path: path(), depth, next: index, end: index + 1 });
  }
}
