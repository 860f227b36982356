// Which rows of the response tree are open, as the renderer keeps it: a list of open paths, or
// "everything" minus a list of closed ones (expand all never lists every path). Paths are JSON
// Pointers, as main gives them ("" is the root, "/data/3/id" a value inside it).

export type Expansion = { all: false; expanded: readonly string[] } | { all: true; collapsed: readonly string[] };

export const ONLY_ROOT: Expansion = { all: false, expanded: [''] };
export const EVERYTHING: Expansion = { all: true, collapsed: [] };

/** What `response:tree` and `response:rowOf` take for an expansion. */
export function expansionInput(expansion: Expansion): { expanded: string[]; expandAll?: boolean; collapsed?: string[] } {
  return expansion.all ? { expanded: [], expandAll: true, collapsed: [...expansion.collapsed] } : { expanded: [...expansion.expanded] };
}

export function isOpen(expansion: Expansion, path: string): boolean {
  return expansion.all ? !expansion.collapsed.includes(path) : expansion.expanded.includes(path);
}

/** Opens or closes one row; with expand all, closing adds the row to `collapsed`. */
export function withOpen(expansion: Expansion, path: string, open: boolean): Expansion {
  if (isOpen(expansion, path) === open) return expansion;
  if (expansion.all) {
    return { all: true, collapsed: open ? expansion.collapsed.filter((p) => p !== path) : [...expansion.collapsed, path] };
  }
  return { all: false, expanded: open ? [...expansion.expanded, path] : expansion.expanded.filter((p) => p !== path) };
}

/** The paths of the containers above `path`, root first ("" for the root). */
export function ancestorsOf(path: string): string[] {
  if (path === '') return [];
  const out = [''];
  for (let at = path.indexOf('/', 1); at > 0; at = path.indexOf('/', at + 1)) out.push(path.slice(0, at));
  return out;
}

/** Opens every container above `path`, so its row is shown. */
export function withAncestorsOpen(expansion: Expansion, path: string): Expansion {
  let next = expansion;
  for (const ancestor of ancestorsOf(path)) next = withOpen(next, ancestor, true);
  return next;
}

/** The parent's path. */
export const parentPath = (path: string) => path.slice(0, path.lastIndexOf('/'));

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JSON Pointer as people write paths in the search box: `/data/3/employees` → `data[3].employees`. */
export function displayPath(pointer: string): string {
  if (pointer === '') return '$';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(token)) out += `[${token}]`;
    else if (IDENTIFIER.test(token)) out += out === '' ? token : `.${token}`;
    else out += `[${JSON.stringify(token)}]`;
  }
  return out;
}
