import { useId } from 'react';
import { endpointById } from '@shared/catalog';
import { PullRangePanel } from '../bulk/PullRangePanel';
import { dayNumber, isoDay } from '../bulk/pullText';
import { canPullRange, DATE_PARAMS, queryValue } from '../catalog/catalogDraft';
import type { SavedPlace } from '../collections/savedPlace';
import { CopyAsCurl } from '../export/CopyAsCurl';
import { EnvironmentPicker } from '../variables/EnvironmentPicker';
import { RequestPreview } from '../variables/RequestPreview';
import { toSavedRequest } from './draft';
import type { EditorState } from './editorState';
import type { EditorToolsModel } from './useEditorTools';

type Props = { model: EditorToolsModel; editor: EditorState; place: SavedPlace };

const validDay = (text: string) => (dayNumber(text) === null ? null : text);

/** Under the request line: Preview, Copy as cURL, Pull range (for a date-ranged list) and the environment. */
export function EditorTools({ model, editor, place }: Props) {
  const ids = useId();
  const { previewOpen, pullOpen, bulk, environments } = model;
  const { draft } = editor;
  const { collectionId } = place;
  const endpoint = editor.endpointId ? (endpointById(editor.endpointId) ?? null) : null;
  // A running pull stays reachable from any request.
  const pullShown = canPullRange(endpoint, draft) || bulk.progress !== null;
  const request = () => toSavedRequest(draft);
  return (
    <>
      <div className="editor-tools">
        <Toggle label="Preview" open={previewOpen} controls={`${ids}-preview`} onToggle={model.togglePreview} />
        <CopyAsCurl request={request} collectionId={collectionId} />
        {pullShown && (
          <Toggle label="Pull range" open={pullOpen} controls={`${ids}-pull`} onToggle={model.togglePull} />
        )}
        <EnvironmentPicker model={environments} />
      </div>
      {previewOpen && (
        <RequestPreview
          id={`${ids}-preview`}
          request={request()}
          collectionId={collectionId}
          context={[environments.environments, place.path?.[0]?.variables]}
        />
      )}
      {pullOpen && pullShown && (
        <PullRangePanel
          id={`${ids}-pull`}
          model={bulk}
          request={request}
          collectionId={collectionId}
          initialFrom={validDay(queryValue(draft, DATE_PARAMS.start)) ?? `${new Date().getFullYear()}-01-01`}
          initialTo={validDay(queryValue(draft, DATE_PARAMS.end)) ?? isoDay(new Date())}
        />
      )}
    </>
  );
}

/** A button that opens and closes the panel it controls. */
function Toggle({ label, open, controls, onToggle }: { label: string; open: boolean; controls: string; onToggle: () => void }) {
  return (
    <button type="button" className="button button-small button-toggle" aria-expanded={open} aria-controls={open ? controls : undefined} onClick={onToggle}>
      {label}
    </button>
  );
}
