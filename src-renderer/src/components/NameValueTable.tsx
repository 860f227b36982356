import { useLayoutEffect, useRef } from 'react';
import type { NameValue } from '@shared/contract';

/** A name/value pair being edited; `id` keeps React keys and focus stable across edits. */
export type NameValueRow = NameValue & { id: number };

let lastRowId = 0;
export function newRow(name = '', value = ''): NameValueRow {
  lastRowId += 1;
  return { id: lastRowId, name, value, enabled: true };
}

type Props = {
  /** Visible caption, e.g. "Query parameters". */
  caption: string;
  /** Lower-case singular used in every accessible name, e.g. "parameter" → "Parameter 2 name". */
  noun: string;
  rows: readonly NameValueRow[];
  onChange: (rows: NameValueRow[]) => void;
  /** Column headings, lower-cased in the accessible names: "Company 2 id". Default Name and Value. */
  columns?: { name: string; value: string };
  /** Hides the Enabled column (for lists where every row counts). */
  noEnabled?: boolean;
  /** inputMode of the name inputs, e.g. numeric for IDs. */
  nameInputMode?: 'numeric' | 'text';
  /** Shown when there are no rows; default "No <noun>s." */
  emptyText?: string;
};

/** The editable table used for query parameters and form fields. */
export function NameValueTable({ caption, noun, rows, onChange, columns = { name: 'Name', value: 'Value' }, noEnabled, nameInputMode, emptyText }: Props) {
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const nameLabel = columns.name.toLowerCase();
  const valueLabel = columns.value.toLowerCase();
  const columnCount = noEnabled ? 3 : 4;
  const nameInputs = useRef(new Map<number, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  // After adding or removing a row, focus lands where the keyboard user expects it.
  const focusAfterRender = useRef<number | 'add' | null>(null);

  useLayoutEffect(() => {
    const target = focusAfterRender.current;
    if (target === null) return;
    focusAfterRender.current = null;
    if (target === 'add') addButton.current?.focus();
    else nameInputs.current.get(target)?.focus();
  });

  const update = (id: number, patch: Partial<NameValue>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  function add() {
    const row = newRow();
    focusAfterRender.current = row.id;
    onChange([...rows, row]);
  }

  function remove(index: number) {
    const next = rows[index + 1] ?? rows[index - 1];
    focusAfterRender.current = next ? next.id : 'add';
    onChange(rows.filter((_, i) => i !== index));
  }

  return (
    <div className="name-value">
      <table className="name-value-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.value}</th>
            {!noEnabled && (
              <th scope="col" className="name-value-enabled">
                Enabled
              </th>
            )}
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columnCount} className="name-value-empty">
                {emptyText ?? `No ${noun}s.`}
              </td>
            </tr>
          )}
          {rows.map((row, index) => {
            const n = index + 1;
            return (
              <tr key={row.id} className={row.enabled ? undefined : 'is-disabled'}>
                <td>
                  <input
                    ref={(node) => {
                      if (node) nameInputs.current.set(row.id, node);
                      else nameInputs.current.delete(row.id);
                    }}
                    aria-label={`${Noun} ${n} ${nameLabel}`}
                    className="mono"
                    inputMode={nameInputMode}
                    spellCheck={false}
                    autoComplete="off"
                    value={row.name}
                    onChange={(event) => update(row.id, { name: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${Noun} ${n} ${valueLabel}`}
                    className="mono"
                    spellCheck={false}
                    autoComplete="off"
                    value={row.value}
                    onChange={(event) => update(row.id, { value: event.target.value })}
                  />
                </td>
                {!noEnabled && (
                  <td className="name-value-enabled">
                    <input
                      type="checkbox"
                      aria-label={`${Noun} ${n} enabled`}
                      checked={row.enabled}
                      onChange={(event) => update(row.id, { enabled: event.target.checked })}
                    />
                  </td>
                )}
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${noun} ${n}`}
                    title={`Remove ${noun} ${n}`}
                    onClick={() => remove(index)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button ref={addButton} type="button" className="button button-quiet" onClick={add}>
        Add {noun}
      </button>
    </div>
  );
}
