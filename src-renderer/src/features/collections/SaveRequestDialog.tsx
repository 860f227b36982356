import { useId, useState, type FormEvent } from 'react';
import type { CollectionNode } from '@shared/contract';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { proposedFolder, proposedName } from './savedPlace';
import { containerChoices } from './tree';
import type { CollectionsModel } from './useCollections';
import type { SaveRequestModel } from './useSaveRequest';

/** What the user chose: a name, and an existing folder or a collection to create. */
export type SaveTarget = { name: string; description: string; parentId: string } | { name: string; description: string; newCollection: string };

type FormProps = {
  roots: readonly CollectionNode[];
  /** Proposed name, e.g. "GET employees". */
  defaultName: string;
  /** Proposed folder: where the user last was in the tree. */
  defaultParentId: string | null;
  /** Resolves to an error sentence, or null once saved. */
  onSave: (target: SaveTarget) => Promise<string | null>;
  onClose: () => void;
};

const NEW_COLLECTION = '';

/** Names the request of the tab being saved and picks its collection or folder; creates a collection when there is none. */
export function SaveRequestDialog({ saving, collections }: { saving: SaveRequestModel; collections: CollectionsModel }) {
  const { dialogTab, saveNew, closeDialog } = saving;
  const { roots } = collections;
  return (
    <Dialog open={dialogTab !== null} title="Save request" onClose={closeDialog}>
      {dialogTab && (
        <SaveForm
          roots={roots}
          defaultName={proposedName(dialogTab.editor)}
          defaultParentId={proposedFolder(roots, collections.activeId)}
          onSave={saveNew}
          onClose={closeDialog}
        />
      )}
    </Dialog>
  );
}

function SaveForm({ roots, defaultName, defaultParentId, onSave, onClose }: FormProps) {
  const ids = useId();
  const choices = containerChoices(roots);
  const [name, setName] = useState(defaultName);
  const [description, setDescription] = useState('');
  const [parentId, setParentId] = useState(
    choices.some((choice) => choice.id === defaultParentId) ? defaultParentId! : (choices[0]?.id ?? NEW_COLLECTION),
  );
  const [collectionName, setCollectionName] = useState('My requests');
  const [errors, setErrors] = useState<{ name?: string; collection?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const creating = parentId === NEW_COLLECTION;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      name: name.trim() === '' ? 'Enter a name for the request.' : undefined,
      collection: creating && collectionName.trim() === '' ? 'Enter a name for the new collection.' : undefined,
    };
    setErrors(found);
    if (found.name || found.collection) return;
    setBusy(true);
    setFailure(null);
    const base = { name: name.trim(), description: description.trim() };
    const problem = await onSave(creating ? { ...base, newCollection: collectionName.trim() } : { ...base, parentId });
    setBusy(false);
    if (problem) setFailure(problem);
    else onClose();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <TextField label="Name" value={name} onChange={setName} error={errors.name} maxLength={256} autoComplete="off" data-autofocus />
      <div className="field">
        <label htmlFor={`${ids}-description`}>
          Description <span className="muted">(optional)</span>
        </label>
        <textarea
          id={`${ids}-description`}
          rows={3}
          maxLength={20_000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      {choices.length > 0 && (
        <SelectField
          label="Folder"
          value={parentId}
          options={[
            ...choices.map((choice) => ({ value: choice.id, label: choice.label })),
            { value: NEW_COLLECTION, label: 'New collection…' },
          ]}
          onChange={setParentId}
        />
      )}
      {creating && (
        <TextField
          label="New collection name"
          value={collectionName}
          onChange={setCollectionName}
          error={errors.collection}
          maxLength={256}
          autoComplete="off"
          description={choices.length === 0 ? 'You have no collections yet: this one is created with the request.' : undefined}
        />
      )}
      <FormFooter failure={failure} submitLabel="Save" busy={busy} onCancel={onClose} />
    </form>
  );
}
