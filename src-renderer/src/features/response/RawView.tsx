import { useEffect, useLayoutEffect, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import type { ResponseSummary } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { BLOCK_CHARS, EXTRA_CHARS, TextLayout, type Anchor } from './textLayout';
import { useRowWindow } from './useRowWindow';

const LINE_HEIGHT = 18;
/** Rows beyond the visible ones whose blocks are fetched ahead of scrolling. */
const LOOKAHEAD_ROWS = 60;
/** Blocks of text held (32 K characters each); farther ones are fetched again when needed. */
const MAX_BLOCKS = 24;
/** Characters measured to learn the width of one. */
const PROBE = 'M'.repeat(16);

type Props = { responseId: string; bodyKind: ResponseSummary['bodyKind'] };

type Loaded = { pretty: boolean; layout: TextLayout };

/**
 * The body as text, a window at a time: main sends blocks of characters around what is in view,
 * this splits them into lines wrapped to the view's width, and only the visible lines are in the
 * DOM. Blocks not fetched yet count as an estimate, so the scrollbar covers the whole text.
 */
export function RawView({ responseId, bodyKind }: Props) {
  const [pretty, setPretty] = useState(bodyKind === 'json');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Why Pretty print was turned off for this body, when the app turned it off.
  const [prettyNote, setPrettyNote] = useState<string | null>(null);
  const [, relayout] = useReducer((n: number) => n + 1, 0);
  const scrollElement = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const inFlight = useRef(new Set<string>());
  // Set when the rows above the view change: the row to put back at the top once laid out.
  const keepInPlace = useRef<{ anchor: Anchor; atEnd: boolean } | null>(null);
  const generation = useRef(0);

  const layout = loaded?.pretty === pretty ? loaded.layout : null;
  const view = useRowWindow({ count: layout?.totalRows ?? 0, rowHeight: LINE_HEIGHT, scrollRef: scrollElement, overscan: 20 });
  // The latest view, for answers that arrive after the render that asked.
  const viewRef = useRef(view);
  useLayoutEffect(() => {
    viewRef.current = view;
  });

  function widthInChars(): number {
    const element = scrollElement.current;
    const charWidth = (probe.current?.getBoundingClientRect().width ?? 0) / PROBE.length || 8;
    if (!element) return 100;
    const style = getComputedStyle(element);
    const inner = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return Math.floor(inner / charWidth);
  }

  async function fetchBlock(target: TextLayout | null, block: number, wantPretty: boolean, gen: number) {
    const key = `${gen}:${block}`;
    if (inFlight.current.has(key)) return;
    inFlight.current.add(key);
    const range = target?.fetchRange(block) ?? { offset: 0, length: BLOCK_CHARS + EXTRA_CHARS };
    const result = await api().response.text({ responseId, ...range, pretty: wantPretty });
    inFlight.current.delete(key);
    if (gen !== generation.current) return;
    if (!result.ok && !target && wantPretty && result.error.code === 'too_large') {
      // Its parse ran out of memory: no pretty text ever, so its first page is shown as sent.
      setPrettyNote('Shown as sent: this response is too large to pretty-print.');
      setPretty(false);
      return;
    }
    if (!result.ok) {
      setError(result.error.message);
      reportError(result.error);
      return;
    }
    setError(null);
    if (!target) {
      // The first block tells how long the text is.
      const fresh = new TextLayout(result.data.totalChars, widthInChars());
      const first = fresh.fetchRange(0);
      fresh.add(0, result.data.text.slice(0, first.length));
      setLoaded({ pretty: wantPretty, layout: fresh });
      return;
    }
    // Where the view is now, not at the last render: a scroll may not have been rendered yet.
    keepInPlace.current ??= { anchor: target.locate(viewRef.current.topRow()), atEnd: viewRef.current.atEnd() };
    target.add(block, result.data.text);
    for (const far of target.heldBlocks().sort((a, b) => Math.abs(b - block) - Math.abs(a - block))) {
      if (target.heldBlocks().length <= MAX_BLOCKS) break;
      target.drop(far);
    }
    relayout();
  }

  // A new body or a new pretty setting starts over from the first block.
  useEffect(() => {
    if (bodyKind === 'empty') return;
    const gen = ++generation.current;
    inFlight.current.clear();
    void fetchBlock(null, 0, pretty, gen);
    // fetchBlock reads only refs and these inputs.
  }, [responseId, pretty, bodyKind]);

  // Fetch the blocks of the rows in view (and a little beyond).
  useEffect(() => {
    if (!layout) return;
    const first = layout.locate(Math.max(0, view.first - LOOKAHEAD_ROWS)).block;
    const last = layout.locate(view.last + LOOKAHEAD_ROWS).block;
    for (let block = first; block <= last; block += 1) {
      if (!layout.has(block)) void fetchBlock(layout, block, pretty, generation.current);
    }
  });

  // Once new rows are laid out, the rows that were in view stay in view (or the end stays shown).
  useLayoutEffect(() => {
    const keep = keepInPlace.current;
    if (!keep || !layout) return;
    keepInPlace.current = null;
    if (keep.atEnd) view.scrollToRow(layout.totalRows - 1, 'end');
    else {
      const index = layout.indexOf(keep.anchor);
      if (index !== view.topRow()) view.scrollToRow(index, 'start');
    }
  });

  // A new width wraps the lines anew; the top row stays where it was.
  useEffect(() => {
    const element = scrollElement.current;
    if (!element || !layout) return;
    const observer = new ResizeObserver(() => {
      // A hidden tab has no width: keep the layout for when it shows again.
      if (element.clientWidth === 0) return;
      const width = widthInChars();
      if (width === layout.width) return;
      const offset = layout.charOffset(viewRef.current.topRow());
      layout.setWidth(width);
      const row = offset === null ? null : layout.rowOfChar(offset);
      if (row !== null) keepInPlace.current = { anchor: layout.locate(row), atEnd: false };
      relayout();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [layout]);

  // Scaled (millions of lines), the keys move lines, not the scrollbar's much coarser pixels.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!view.scaled || !layout || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = (scrollElement.current?.clientHeight ?? LINE_HEIGHT) - LINE_HEIGHT;
    const moves: Record<string, number> = { ArrowDown: 2 * LINE_HEIGHT, ArrowUp: -2 * LINE_HEIGHT, PageDown: page, PageUp: -page, ' ': event.shiftKey ? -page : page };
    if (event.key in moves) view.scrollByPixels(moves[event.key]!);
    else if (event.key === 'Home') view.scrollToRow(0, 'start');
    else if (event.key === 'End') view.scrollToRow(layout.totalRows - 1, 'end');
    else return;
    event.preventDefault();
  }

  if (bodyKind === 'empty') return <p className="muted panel-message">The response has no body.</p>;

  return (
    <div className="raw-view">
      <div className="raw-toolbar">
        {bodyKind === 'json' && (
          <label className="inline-check">
            <input type="checkbox" checked={pretty} disabled={prettyNote !== null} onChange={(event) => setPretty(event.target.checked)} />
            Pretty print
          </label>
        )}
        {prettyNote && !pretty && <span className="muted">{prettyNote}</span>}
        {layout && <span className="muted">{layout.totalChars.toLocaleString()} characters</span>}
        {!layout && !error && <span className="muted">Loading…</span>}
      </div>
      {error && (
        <p className="form-failure" role="alert">
          {error}
        </p>
      )}
      <div ref={scrollElement} className="raw-scroll" role="region" aria-label="Raw response" tabIndex={0} onKeyDown={onKeyDown}>
        <span ref={probe} className="raw-probe" aria-hidden="true">
          {PROBE}
        </span>
        <div className="raw-sizer" style={{ height: view.totalSize }}>
          {layout &&
            view.rows.map(({ index, top }) => (
              <div key={index} className="raw-line" style={{ transform: `translateY(${top}px)`, height: LINE_HEIGHT }}>
                {layout.rowText(index) ?? ''}
              </div>
            ))}
        </div>
      </div>
    </div>
  );
}
