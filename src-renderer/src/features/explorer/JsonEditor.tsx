import { useEffect, useEffectEvent, useImperativeHandle, useRef, type Ref, type RefObject } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { jsonEditorTheme, jsonHighlightStyle } from './jsonEditorTheme';
import { invalidJsonSentence } from './draft';

type Props = {
  value: string;
  onChange: (text: string) => void;
  /** Called after each lint pass with the sentence to show, or null when the JSON parses. */
  onProblem: (sentence: string | null) => void;
  /** The element holding the problem sentence, which describes the editor. */
  describedBy: RefObject<HTMLElement | null>;
  ref?: Ref<JsonEditorHandle>;
};

export type JsonEditorHandle = { focus: () => void };

// Mod-Enter means "Send" everywhere in the request editor, so CodeMirror must not take it.
const editingKeys = keymap.of([...defaultKeymap.filter((binding) => binding.key !== 'Mod-Enter'), ...historyKeymap]);

/**
 * The CodeMirror 6 JSON body editor; React owns the text, CodeMirror owns the editing.
 *
 * It lives in a shadow root: there CodeMirror styles itself through constructable stylesheets,
 * while in the document it would add <style> elements, which `style-src 'self'` blocks.
 */
export function JsonEditor({ value, onChange, onProblem, describedBy, ref }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The text this editor last reported, so a re-render with it does not reset the document.
  const reported = useRef(value);
  const reportChange = useEffectEvent((text: string) => onChange(text));
  const reportProblem = useEffectEvent((sentence: string | null) => onProblem(sentence));
  useImperativeHandle(ref, () => ({ focus: () => view.current?.focus() }), []);

  useEffect(() => {
    const parseLinter = jsonParseLinter();
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      root: shadow,
      parent: shadow,
      state: EditorState.create({
        doc: reported.current,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          indentOnInput(),
          bracketMatching(),
          json(),
          syntaxHighlighting(jsonHighlightStyle),
          linter((v) => {
            const diagnostics = parseLinter(v);
            reportProblem(diagnostics[0] ? invalidJsonSentence(diagnostics[0].message) : null);
            return diagnostics;
          }),
          lintGutter(),
          editingKeys,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'JSON body' }),
          jsonEditorTheme,
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            reported.current = update.state.doc.toString();
            reportChange(reported.current);
          }),
        ],
      }),
    });
    // An id reference cannot leave the shadow root; an element reference to the document can.
    if (describedBy.current) editor.contentDOM.ariaDescribedByElements = [describedBy.current];
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [describedBy]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || value === reported.current) return;
    reported.current = value;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="json-editor" />;
}
