import { useState } from 'react';
import { SelectField } from '../../components/SelectField';
import { ManageEnvironmentsDialog } from './ManageEnvironmentsDialog';
import type { EnvironmentsModel } from './useEnvironments';

const NONE = '';

/** Which environment's variables fill in {{name}}, and the way to edit them. */
export function EnvironmentPicker({ model }: { model: EnvironmentsModel }) {
  const { environments, save } = model;
  const [managing, setManaging] = useState(false);
  return (
    <div className="environment-picker">
      <SelectField
        label="Environment"
        className="field-inline"
        value={environments.activeId ?? NONE}
        options={[
          { value: NONE, label: 'No environment' },
          ...environments.environments.map((environment) => ({ value: environment.id, label: environment.name })),
        ]}
        onChange={(id) => void save({ ...environments, activeId: id === NONE ? null : id })}
      />
      <button
        type="button"
        className="button button-small"
        aria-label="Manage environments"
        title="Manage environments"
        onClick={() => setManaging(true)}
      >
        Manage…
      </button>
      {model.error && !managing && (
        <span className="field-error" role="alert">
          {model.error}
        </span>
      )}
      <ManageEnvironmentsDialog open={managing} model={model} onClose={() => setManaging(false)} />
    </div>
  );
}
