import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useDebounced } from '../../components/useDebounced';
import { displayPath } from './treeExpansion';
import { searchStatus, useResponseSearch, type SearchHit, type SearchMode } from './useResponseSearch';
import { useRowWindow } from './useRowWindow';

const HIT_HEIGHT = 26;
const TYPING_PAUSE_MS = 300;

type Props = {
  responseId: string;
  /** Shows a hit in the tree; `focus` moves keyboard focus there too. */
  onReveal: (hit: SearchHit, focus: boolean) => void;
  /** Set by Ctrl/Cmd+F: focus the search box, then say so through `onFocused`. */
  focusRequested: boolean;
  onFocused: () => void;
};

/**
 * "Search response": text or a path filter, searched by main's worker while hits stream in. The
 * hits list is virtualized; choosing a hit (or Enter / Shift+Enter in the box for the next or
 * previous one) shows it in the tree.
 */
export function ResponseSearch({ responseId, onReveal, focusRequested, onFocused }: Props) {
  const ids = useId();
  const search = useResponseSearch(responseId);
  const { state, run } = search;
  const [text, setText] = useState('');
  const [mode, setMode] = useState<SearchMode>('text');
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  // Typing searches once it pauses; Enter and a new mode search at once.
  const settled = useDebounced(text, TYPING_PAUSE_MS);
  useEffect(() => run(settled, mode), [settled, mode, run]);
  useEffect(() => setActive(-1), [state.query, state.mode]);

  // Answered once: a search box mounted later (another tab, the next response) leaves focus alone.
  useEffect(() => {
    if (!focusRequested) return;
    input.current?.focus();
    input.current?.select();
    onFocused();
  }, [focusRequested, onFocused]);

  const view = useRowWindow({ count: state.totalHits, rowHeight: HIT_HEIGHT, scrollRef: list, overscan: 6, pinned: active >= 0 ? active : null });
  const { ensure, showFrom } = search;
  useEffect(() => {
    showFrom(view.first);
    if (!state.done || state.totalHits === 0) return;
    void ensure(view.first);
    void ensure(view.last);
  }, [view.first, view.last, state.done, state.totalHits, ensure, showFrom]);

  async function go(index: number, focusTree: boolean) {
    const total = state.totalHits;
    if (total === 0) return;
    const next = ((index % total) + total) % total;
    setActive(next);
    view.scrollToRow(next);
    await ensure(next);
    const hit = search.hitAt(next);
    if (hit) onReveal(hit, focusTree);
  }

  function onBoxKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && text !== '') {
      event.preventDefault();
      event.stopPropagation();
      setText('');
      run('', mode);
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (text !== state.query || mode !== state.mode) run(text, mode);
    else void go(event.shiftKey ? active - 1 : active + 1, false);
  }

  function onListKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: view.pageRows, PageUp: -view.pageRows };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(state.totalHits - 1, Math.max(active, 0) + moves[event.key]!));
      void go(next, false);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      void go(event.key === 'Home' ? 0 : state.totalHits - 1, false);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      void go(active, true);
    }
  }

  const status = searchStatus(state);
  const hasHits = state.totalHits > 0 && !state.error;
  return (
    <div className="response-search" role="search" aria-label="Search the response">
      <div className="search-line">
        <input
          ref={input}
          type="search"
          className="search-box"
          aria-label="Search response"
          aria-describedby={[state.query.trim() !== '' && `${ids}-status`, mode === 'path' && `${ids}-hint`].filter(Boolean).join(' ') || undefined}
          placeholder={mode === 'path' ? 'data[*].employees[*].name' : 'Search response'}
          title="Enter: next hit. Shift+Enter: previous hit."
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onBoxKeyDown}
        />
        <span className="search-mode">
          {/* Labelled by id, not by wrapping: a wrapping label would name it "Search by Text Path". */}
          <label htmlFor={`${ids}-mode`}>Search by</label>
          <select id={`${ids}-mode`} value={mode} onChange={(event) => setMode(event.target.value as SearchMode)}>
            <option value="text">Text</option>
            <option value="path">Path</option>
          </select>
        </span>
      </div>
      {mode === 'path' && (
        <p className="search-hint muted" id={`${ids}-hint`}>
          A path like <code>data[*].employees[*].name</code> or <code>data[3].id</code>; <code>*</code> is any key or index.
        </p>
      )}
      {state.query.trim() !== '' && (
        <div className="search-line">
          <p className={state.error ? 'search-status form-failure' : 'search-status muted'} id={`${ids}-status`} role="status">
            {status}
            {hasHits && active >= 0 && ` · hit ${(active + 1).toLocaleString()} of ${state.totalHits.toLocaleString()}`}
          </p>
          {hasHits && (
            <span className="search-steps">
              <button type="button" className="button button-quiet" onClick={() => void go(active - 1, false)}>
                Previous hit
              </button>
              <button type="button" className="button button-quiet" onClick={() => void go(active + 1, false)}>
                Next hit
              </button>
            </span>
          )}
        </div>
      )}
      {hasHits && (
        <div
          ref={list}
          className="hit-list"
          role="listbox"
          aria-label="Search hits"
          tabIndex={0}
          aria-activedescendant={active >= 0 ? `${ids}-hit-${active}` : undefined}
          onKeyDown={onListKeyDown}
        >
          <div className="hit-sizer" style={{ height: view.totalSize }}>
            {view.rows.map(({ index, top }) => {
              const hit = search.hitAt(index);
              return (
                <div
                  key={index}
                  id={`${ids}-hit-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'hit-row is-active' : 'hit-row'}
                  style={{ transform: `translateY(${top}px)`, height: HIT_HEIGHT }}
                  onClick={() => void go(index, true)}
                >
                  {hit ? (
                    <>
                      <span className="hit-path">{displayPath(hit.path)}</span>
                      <span className="hit-preview">{hit.preview}</span>
                    </>
                  ) : (
                    <span className="muted">…</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
