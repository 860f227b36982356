import type { KeyboardEvent, RefObject } from 'react';
import type { Hit } from './useCollectionSearch';

type Props = {
  hits: readonly Hit[];
  /** The saved request the editor holds. */
  openId: string | null;
  onOpen: (hit: Hit) => void;
  listRef: RefObject<HTMLUListElement | null>;
};

/** Arrow Up and Down between the search box (`from` 'input') and the hits. */
export function moveInHits(event: KeyboardEvent, list: HTMLUListElement | null, from: number | 'input') {
  const buttons = [...(list?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const index = from === 'input' ? -1 : from;
  const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : null;
  if (next === null || next >= buttons.length || (from === 'input' && next < 0)) return;
  event.preventDefault();
  if (next < 0) list?.closest('.collections-panel')?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  else buttons[next]!.focus();
}

/** The saved requests matching the search: method, name, path and where each sits. */
export function SearchHits({ hits, openId, onOpen, listRef }: Props) {
  return (
    <ul ref={listRef} className="search-hits" aria-label="Search results">
      {hits.map((hit, index) => (
        <li key={hit.id}>
          <button
            type="button"
            className={hit.id === openId ? 'search-hit is-open' : 'search-hit'}
            onClick={() => onOpen(hit)}
            onKeyDown={(event) => moveInHits(event, listRef.current, index)}
          >
            <span className="search-hit-line">
              <span className={`method-badge method-${hit.method}`}>{hit.method}</span>
              <span className="node-name">{hit.name}</span>
            </span>
            <span className="search-hit-where">
              <span className="mono">{hit.path || '(no path)'}</span> · {hit.location}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
