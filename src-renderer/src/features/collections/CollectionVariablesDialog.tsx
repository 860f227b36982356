import { useState, type FormEvent } from 'react';
import type { CollectionNode, NameValue } from '@shared/contract';
import { Dialog } from '../../components/Dialog';
import { NameValueTable, newRow, type NameValueRow } from '../../components/NameValueTable';

type Props = {
  /** The collection whose variables are edited; null while closed. */
  collection: CollectionNode | null;
  onSave: (collection: CollectionNode, variables: NameValue[]) => Promise<string | null>;
  onClose: () => void;
};

export const toRows = (variables: readonly NameValue[]): NameValueRow[] =>
  variables.map((variable) => ({ ...newRow(variable.name, variable.value), enabled: variable.enabled }));

export const fromRows = (rows: readonly NameValueRow[]): NameValue[] =>
  rows.filter((row) => row.name.trim() !== '').map(({ name, value, enabled }) => ({ name: name.trim(), value, enabled }));

/** Variables every request of one collection can use as {{name}}. */
export function CollectionVariablesDialog({ collection, onSave, onClose }: Props) {
  return (
    <Dialog open={collection !== null} title="Collection variables" onClose={onClose} className="dialog-wide">
      {collection && <VariablesForm collection={collection} onSave={onSave} onClose={onClose} />}
    </Dialog>
  );
}

function VariablesForm({ collection, onSave, onClose }: Props & { collection: CollectionNode }) {
  const [rows, setRows] = useState(() => toRows(collection.variables));
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = await onSave(collection, fromRows(rows));
    if (problem) setFailure(problem);
    else onClose();
  }

  return (
    <form onSubmit={(event) => void submit(event)}>
      <p className="muted">
        Requests in <strong>{collection.name}</strong> can use these as <code>{'{{name}}'}</code> in the path, parameters
        and body. A variable of the active environment with the same name wins.
      </p>
      <NameValueTable caption="Variables" noun="variable" rows={rows} onChange={setRows} />
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="button button-primary">
          Save
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
