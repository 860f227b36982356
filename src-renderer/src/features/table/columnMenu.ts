import type { MenuItem } from '../../components/Menu';

/** The Columns menu: a check per column (at least one stays shown), then "Show all columns" once some are hidden. */
export function columnMenu(columns: readonly string[], hidden: ReadonlySet<string>, setHidden: (hidden: ReadonlySet<string>) => void): MenuItem[] {
  const shownCount = columns.filter((column) => !hidden.has(column)).length;
  return [
    ...columns.map((column) => {
      const shown = !hidden.has(column);
      return {
        label: column,
        checked: shown,
        disabled: shown && shownCount === 1,
        onSelect: () => {
          const next = new Set(hidden);
          if (shown) next.add(column);
          else next.delete(column);
          setHidden(next);
        },
      };
    }),
    // Last, so adding it does not move the column the user is on.
    ...(hidden.size > 0 ? [{ label: 'Show all columns', onSelect: () => setHidden(new Set()) }] : []),
  ];
}
