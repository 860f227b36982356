import { useEffect, useId, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import type { HttpMethod, RequestInput } from '@shared/contract';
import { HTTP_METHODS } from '@shared/channels';
import { ariaShortcut, isMac, shortcutLabel } from '../../app/commands';
import { NameValueTable } from '../../components/NameValueTable';
import { appStore } from '../../state/appStore';
import { useActiveRunning } from '../../state/hooks';
import { activeTab } from '../../state/tabsModel';
import { BodySection } from './BodySection';
import type { JsonEditorHandle } from './JsonEditor';
import {
  methodTakesBody,
  newRequestId,
  pathNeedsTidying,
  toRequestInput,
  withPathText,
  type Draft,
  type DraftProblem,
} from './draft';
import './explorer.css';

type Props = {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onSend: (input: RequestInput) => void;
  onCancel: () => void;
  /** Above the request line: which request this is and how to save it. */
  header?: ReactNode;
  /** Below the request line: preview, copy, environment. */
  tools?: ReactNode;
  /** Above the parameter table: the catalog's fields for the endpoint, when it is a known one. */
  builder?: ReactNode;
  /** What the Send and Focus path commands call. */
  ref?: Ref<RequestEditorHandle>;
  id?: string;
};

export type RequestEditorHandle = {
  /** Checks and sends the request, as the Send button does. */
  send: () => void;
  /** Puts the cursor in the Path field, its text selected. */
  focusPath: () => void;
};

const sendShortcut = shortcutLabel('send', isMac)!;
export const saveShortcut = shortcutLabel('save', isMac)!;

/** Method, path, query parameters and body of the request to send. */
export function RequestEditor({ draft, onChange, onSend, onCancel, header, tools, builder, ref, id }: Props) {
  // Read here, not passed down: the workspace around does not render when an answer arrives.
  const running = useActiveRunning();
  const ids = useId();
  const pathInput = useRef<HTMLInputElement>(null);
  const jsonEditor = useRef<JsonEditorHandle>(null);
  const sendButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [problem, setProblem] = useState<DraftProblem | null>(null);

  const edit = (next: Draft) => {
    setProblem(null);
    onChange(next);
  };

  function send() {
    // Read at the keystroke, not from `running`: a request is busy before it shows as running, and
    // a second Send (or its write confirmation) must wait for it all the same.
    if (activeTab(appStore.get().tabs).response.running) return;
    const tidied = pathNeedsTidying(draft.path) ? withPathText(draft, draft.path) : draft;
    if (tidied !== draft) onChange(tidied);
    const result = toRequestInput(tidied, newRequestId());
    if (!result.ok) {
      setProblem(result.problem);
      if (result.problem.field === 'path') pathInput.current?.focus();
      else jsonEditor.current?.focus();
      return;
    }
    setProblem(null);
    onSend(result.input);
  }

  // Send and Cancel swap once a request shows as running (after 100 ms: an answer quicker than that
  // never swaps them); keep keyboard focus on whichever is present. Moved in the next frame, not in
  // the commit: a focus() there lays the page out at once, before the new response is painted
  // (bench figure h; docs/architecture.md).
  const wasRunning = useRef(false);
  useEffect(() => {
    const ended = !running && wasRunning.current;
    wasRunning.current = running;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      const lost = (left: HTMLElement | null) => !active || active === document.body || active === left;
      if (running && lost(sendButton.current)) cancelButton.current?.focus();
      else if (ended && lost(cancelButton.current)) sendButton.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [running]);

  // Ctrl/Cmd+Enter and the menu's Send reach this through the app's command registry.
  const latestSend = useRef(send);
  latestSend.current = send;
  useImperativeHandle(
    ref,
    () => ({
      send: () => latestSend.current(),
      focusPath: () => {
        pathInput.current?.focus();
        pathInput.current?.select();
      },
    }),
    [],
  );

  const pathError = problem?.field === 'path' ? problem.message : null;

  return (
    <section id={id} className="request-editor" aria-label="Request">
      {header}
      <div className="request-line">
        <div className="field request-method">
          <label htmlFor={`${ids}-method`}>Method</label>
          <select
            id={`${ids}-method`}
            value={draft.method}
            onChange={(event) => edit({ ...draft, method: event.target.value as HttpMethod })}
          >
            {HTTP_METHODS.map((method) => (
              <option key={method}>{method}</option>
            ))}
          </select>
        </div>
        <div className="field request-path">
          <label htmlFor={`${ids}-path`}>Path</label>
          <div className="path-input">
            <span className="path-prefix" id={`${ids}-prefix`}>
              /api/v2/
            </span>
            <input
              ref={pathInput}
              id={`${ids}-path`}
              className="mono"
              value={draft.path}
              placeholder="me"
              spellCheck={false}
              autoComplete="off"
              aria-describedby={[`${ids}-prefix`, pathError ? `${ids}-path-error` : null].filter(Boolean).join(' ')}
              aria-invalid={pathError ? true : undefined}
              onChange={(event) => edit({ ...draft, path: event.target.value })}
              onPaste={(event) => {
                const input = event.currentTarget;
                const pasted = event.clipboardData.getData('text');
                const text =
                  input.value.slice(0, input.selectionStart ?? input.value.length) +
                  pasted +
                  input.value.slice(input.selectionEnd ?? input.value.length);
                if (!pathNeedsTidying(text)) return;
                event.preventDefault();
                edit(withPathText(draft, text));
              }}
              onBlur={() => {
                if (pathNeedsTidying(draft.path)) onChange(withPathText(draft, draft.path));
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                  event.preventDefault();
                  send();
                }
              }}
            />
          </div>
        </div>
        <div className="request-actions">
          <button
            ref={sendButton}
            type="button"
            className="button button-primary"
            disabled={running}
            aria-keyshortcuts={ariaShortcut('send')}
            title={`Send (${sendShortcut})`}
            onClick={send}
          >
            Send
          </button>
          {running && (
            <button ref={cancelButton} type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </div>
      {pathError && (
        <p id={`${ids}-path-error`} className="field-error" role="alert">
          {pathError}
        </p>
      )}
      <p className="request-hint">
        <kbd>{sendShortcut}</kbd> sends, <kbd>{saveShortcut}</kbd> saves, <kbd>{shortcutLabel('focus-path', isMac)}</kbd> goes to the path.
      </p>
      {tools}
      {builder}
      <NameValueTable
        caption="Query parameters"
        noun="parameter"
        rows={draft.query}
        onChange={(query) => edit({ ...draft, query })}
      />
      {methodTakesBody(draft.method) && (
        <BodySection
          draft={draft}
          onChange={edit}
          sendProblem={problem?.field === 'json' ? problem.message : null}
          jsonEditorRef={jsonEditor}
        />
      )}
    </section>
  );
}
