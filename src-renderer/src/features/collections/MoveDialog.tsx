import { useState, type FormEvent } from 'react';
import { FormFooter } from '../../components/FormFooter';
import type { CollectionNode } from '@shared/contract';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { containerChoices, placeOf } from './tree';

type Props = {
  /** The request or folder to move; null while closed. */
  node: CollectionNode | null;
  roots: readonly CollectionNode[];
  onMove: (node: CollectionNode, parentId: string) => Promise<string | null>;
  onClose: () => void;
};

/** Moves a request or folder into another collection or folder, without dragging. */
export function MoveDialog({ node, roots, onMove, onClose }: Props) {
  return (
    <Dialog open={node !== null} title={node ? `Move ${node.name}` : 'Move'} onClose={onClose}>
      {node && <MoveForm node={node} roots={roots} onMove={onMove} onClose={onClose} />}
    </Dialog>
  );
}

function MoveForm({ node, roots, onMove, onClose }: Props & { node: CollectionNode }) {
  // A folder cannot go into itself or anything inside it.
  const choices = containerChoices(roots, node.kind === 'folder' ? node.id : null);
  const current = placeOf(roots, node.id)?.parent?.id ?? '';
  const [destination, setDestination] = useState(current || (choices[0]?.id ?? ''));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (destination === current) return onClose();
    setBusy(true);
    const problem = await onMove(node, destination);
    setBusy(false);
    if (problem) setFailure(problem);
    else onClose();
  }

  return (
    <form onSubmit={(event) => void submit(event)}>
      <SelectField
        label="Destination"
        value={destination}
        options={choices.map((choice) => ({ value: choice.id, label: choice.id === current ? `${choice.label} (current)` : choice.label }))}
        onChange={setDestination}
        data-autofocus
      />
      <FormFooter failure={failure} submitLabel="Move" busy={busy} onCancel={onClose} />
    </form>
  );
}
