// CodeMirror styling in our palette. CodeMirror injects these rules as constructable stylesheets,
// which the strict `style-src 'self'` CSP allows; colours come from the CSS variables in app.css.
import { EditorView } from '@codemirror/view';
import { HighlightStyle, defaultHighlightStyle } from '@codemirror/language';

export const jsonEditorTheme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--input-bg)',
    color: 'var(--text)',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius)',
    fontSize: '13px',
    minHeight: '120px',
    maxHeight: '360px',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--text)', padding: '6px 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-sunken)',
    color: 'var(--text-muted)',
    borderRight: '1px solid var(--border)',
    borderRadius: 'var(--radius) 0 0 var(--radius)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--row-hover)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--row-hover)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--selection)',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border-strong)',
  },
});

// CodeMirror's own choice of which JSON tokens get which colour, with its fixed light-theme
// colours swapped for palette variables so dark mode stays legible. (The tag objects come from
// its specs because @lezer/highlight is not one of our direct dependencies.)
const palette: Record<string, string> = {
  '#a11': 'var(--json-string)',
  '#164': 'var(--json-number)',
  '#219': 'var(--json-boolean)',
  '#708': 'var(--json-null)',
};
export const jsonHighlightStyle = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec) =>
    spec.color && palette[spec.color] ? { ...spec, color: palette[spec.color] } : spec,
  ),
);
