import { useState, type FormEvent } from 'react';
import { FormFooter } from '../../components/FormFooter';
import { Dialog } from '../../components/Dialog';
import { NameValueTable, type NameValueRow } from '../../components/NameValueTable';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useAuthState } from '../../state/hooks';
import { fromRows, toRows } from '../collections/CollectionVariablesDialog';
import type { EnvironmentsModel } from './useEnvironments';
import { BUILT_IN_VARIABLES } from './builtIns';

type Props = { open: boolean; model: EnvironmentsModel; onClose: () => void };

/** `accountId`: the saved account it is chosen with (docs/architecture.md, "Accounts"), '' for none. */
type EditedEnvironment = { id: string; name: string; rows: NameValueRow[]; accountId: string };

const newEnvironmentId = () => `env-${crypto.randomUUID().replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`;

/** Adds, renames and deletes environments and edits their variables; nothing is kept until Save. */
export function ManageEnvironmentsDialog({ open, model, onClose }: Props) {
  return (
    <Dialog open={open} title="Manage environments" onClose={onClose} className="dialog-wide">
      <EnvironmentsForm model={model} onClose={onClose} />
    </Dialog>
  );
}

function EnvironmentsForm({ model, onClose }: Omit<Props, 'open'>) {
  const { environments: saved } = model;
  const [list, setList] = useState<EditedEnvironment[]>(() =>
    saved.environments.map((environment) => ({ id: environment.id, name: environment.name, rows: toRows(environment.variables), accountId: environment.accountId ?? '' })),
  );
  const [selectedId, setSelectedId] = useState<string | null>(saved.activeId ?? list[0]?.id ?? null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = list.find((environment) => environment.id === selectedId) ?? null;
  const accounts = useAuthState()?.accounts ?? [];

  const update = (patch: Partial<EditedEnvironment>) =>
    setList((current) => current.map((environment) => (environment.id === selectedId ? { ...environment, ...patch } : environment)));

  function add() {
    const taken = new Set(list.map((environment) => environment.name));
    let n = list.length + 1;
    while (taken.has(`Environment ${n}`)) n += 1;
    const environment = { id: newEnvironmentId(), name: `Environment ${n}`, rows: [], accountId: '' };
    setList([...list, environment]);
    setSelectedId(environment.id);
    setNameError(null);
  }

  function remove() {
    const index = list.findIndex((environment) => environment.id === selectedId);
    const rest = list.filter((environment) => environment.id !== selectedId);
    setList(rest);
    setSelectedId(rest[Math.min(index, rest.length - 1)]?.id ?? null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const names = list.map((environment) => environment.name.trim());
    const empty = list.find((_, i) => names[i] === '');
    const duplicate = list.find((_, i) => names.indexOf(names[i]!) !== i);
    const problem = empty ?? duplicate;
    if (problem) {
      setSelectedId(problem.id);
      setNameError(empty ? 'Enter a name for the environment.' : 'Another environment has this name: choose a different one.');
      return;
    }
    setNameError(null);
    setBusy(true);
    const activeId = list.some((environment) => environment.id === saved.activeId) ? saved.activeId : null;
    const result = await model.save({
      environments: list.map((environment, i) => ({ id: environment.id, name: names[i]!, variables: fromRows(environment.rows), accountId: environment.accountId || null })),
      activeId,
    });
    setBusy(false);
    if (result.ok) onClose();
    else setFailure(result.error.message);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <div className="environments-layout">
        <div className="environments-list">
          <ul aria-label="Environments">
            {list.map((environment) => (
              <li key={environment.id}>
                <button
                  type="button"
                  className="environment-choice"
                  aria-current={environment.id === selectedId ? 'true' : undefined}
                  onClick={() => {
                    setSelectedId(environment.id);
                    setNameError(null);
                  }}
                >
                  {environment.name.trim() || 'Unnamed'}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button button-small" onClick={add} data-autofocus={list.length === 0 ? true : undefined}>
            Add environment
          </button>
        </div>
        <div className="environment-editor">
          {selected ? (
            <>
              <div className="environment-name-row">
                <TextField
                  label="Environment name"
                  className="grow"
                  value={selected.name}
                  maxLength={256}
                  autoComplete="off"
                  error={nameError}
                  onChange={(name) => update({ name })}
                />
                <button type="button" className="button button-small button-danger-quiet" onClick={remove}>
                  Delete environment
                </button>
              </div>
              <SelectField
                label="Chosen with account"
                value={selected.accountId}
                options={[{ value: '', label: 'Any account (chosen by hand)' }, ...accounts.map((account) => ({ value: account.id, label: account.name }))]}
                onChange={(accountId) => update({ accountId })}
              />
              <NameValueTable caption="Variables" noun="variable" rows={selected.rows} onChange={(rows) => update({ rows })} />
            </>
          ) : (
            <p className="muted">
              No environments yet. Add one, for example “Production” or “Sandbox”, and give it variables such as an employee id.
            </p>
          )}
          <p className="field-description">
            Use a variable as <code>{'{{name}}'}</code> in the path, parameters or body. Built in: {BUILT_IN_VARIABLES}.
          </p>
        </div>
      </div>
      <FormFooter failure={failure} submitLabel="Save" busy={busy} onCancel={onClose} />
    </form>
  );
}
