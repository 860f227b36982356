import { Suspense, useEffect, useId, useRef, useState, type Ref } from 'react';
import { lazyView, LoadingView } from '../../components/lazyView';
import { NameValueTable } from '../../components/NameValueTable';
import type { JsonEditorHandle } from './JsonEditor';
import type { BodyKind, Draft } from './draft';

// CodeMirror is most of the renderer's code: it loads when a body can first be written.
const jsonEditor = lazyView(() => import('./JsonEditor').then((module) => module.JsonEditor));

const BODY_KINDS: ReadonlyArray<{ kind: BodyKind; label: string }> = [
  { kind: 'none', label: 'None' },
  { kind: 'form', label: 'Form fields' },
  { kind: 'json', label: 'JSON' },
];

type Props = {
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Set when Send was refused because of the JSON: announced instead of merely shown. */
  sendProblem: string | null;
  jsonEditorRef: Ref<JsonEditorHandle>;
};

/** Body type choice plus the form-field table or the JSON editor. */
export function BodySection({ draft, onChange, sendProblem, jsonEditorRef }: Props) {
  const ids = useId();
  const [lintProblem, setLintProblem] = useState<string | null>(null);
  const problemHolder = useRef<HTMLDivElement>(null);
  const jsonSentence = sendProblem ?? lintProblem;
  // Shown for methods with a body, whichever body type: the editor is fetched before JSON is picked.
  useEffect(jsonEditor.preload, []);

  return (
    <div className="body-section">
      <fieldset role="radiogroup" aria-labelledby={`${ids}-legend`} className="segmented">
        <legend id={`${ids}-legend`}>Body type</legend>
        {BODY_KINDS.map(({ kind, label }) => (
          <label key={kind} className="segmented-option">
            <input
              type="radio"
              name={`${ids}-body-kind`}
              value={kind}
              checked={draft.bodyKind === kind}
              onChange={() => onChange({ ...draft, bodyKind: kind })}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      {draft.bodyKind === 'none' && <p className="muted">This request is sent without a body.</p>}
      {draft.bodyKind === 'form' && (
        <NameValueTable
          caption="Form fields"
          noun="field"
          rows={draft.form}
          onChange={(form) => onChange({ ...draft, form })}
        />
      )}
      {draft.bodyKind === 'json' && (
        <div className="json-body">
          <Suspense fallback={<LoadingView label="Loading editor…" />}>
            <jsonEditor.View
              ref={jsonEditorRef}
              value={draft.json}
              onChange={(json) => onChange({ ...draft, json })}
              onProblem={setLintProblem}
              describedBy={problemHolder}
            />
          </Suspense>
          <div ref={problemHolder}>
            {jsonSentence && (
              // Remounted as an alert when Send is refused, so the refusal is announced once.
              <p key={sendProblem ? 'refused' : 'lint'} className="field-error" role={sendProblem ? 'alert' : undefined}>
                {jsonSentence}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
