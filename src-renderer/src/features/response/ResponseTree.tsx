import { useEffect, useRef, useState } from 'react';
import type { FirstTreeRows } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { JsonTree, type TreeTarget } from './JsonTree';
import { ResponseSearch } from './ResponseSearch';
import { EVERYTHING, ONLY_ROOT, expansionInput, withAncestorsOpen, withOpen, type Expansion } from './treeExpansion';
import type { SearchHit } from './useResponseSearch';

type Props = {
  responseId: string;
  /** The first page main sent with the answer, shown at once; null when the rows are asked for. */
  firstRows: FirstTreeRows | null;
  focusSearch: boolean;
  onSearchFocused: () => void;
  /** A path to show, asked from outside (a comparison's row): its rows opened, scrolled to, marked. */
  revealPath?: { path: string; seq: number } | null;
};

/**
 * The Tree view: expand all / collapse all, the search of the response and the tree. Expansion
 * lives here because both change it: a toggle opens or closes a row, a chosen hit opens the rows
 * above it. Main lays the rows out; nothing here holds more than the rows in view.
 */
export function ResponseTree({ responseId, firstRows, focusSearch, onSearchFocused, revealPath = null }: Props) {
  const [expansion, setExpansionState] = useState<Expansion>(() => (firstRows ? { all: false, expanded: firstRows.expanded } : ONLY_ROOT));
  const expansionRef = useRef(expansion);
  const [target, setTarget] = useState<TreeTarget | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const reveals = useRef(0);

  const setExpansion = (next: Expansion) => {
    expansionRef.current = next;
    setExpansionState(next);
  };

  useEffect(() => {
    if (revealPath) void reveal({ path: revealPath.path }, false);
    // Once per request (each has its own seq); reveal reads the latest expansion itself.
  }, [revealPath]);

  async function reveal(hit: Pick<SearchHit, 'path'>, focus: boolean) {
    const seq = ++reveals.current;
    const next = withAncestorsOpen(expansionRef.current, hit.path);
    setExpansion(next);
    setHighlight(hit.path);
    const result = await api().response.rowOf({ responseId, ...expansionInput(next), path: hit.path });
    if (seq !== reveals.current || expansionRef.current !== next) return;
    if (!result.ok) {
      reportError(result.error);
      return;
    }
    if (result.data.row !== null) setTarget({ row: result.data.row, path: hit.path, focus, seq });
  }

  return (
    <div className="response-tree">
      <ResponseSearch responseId={responseId} onReveal={(hit, focus) => void reveal(hit, focus)} focusRequested={focusSearch} onFocused={onSearchFocused} />
      <div className="tree-toolbar">
        <button type="button" className="button button-quiet" onClick={() => setExpansion(EVERYTHING)}>
          Expand all
        </button>
        <button type="button" className="button button-quiet" onClick={() => setExpansion(ONLY_ROOT)}>
          Collapse all
        </button>
      </div>
      <JsonTree
        responseId={responseId}
        firstRows={firstRows}
        expansion={expansion}
        onToggle={(path, open) => setExpansion(withOpen(expansionRef.current, path, open))}
        target={target}
        highlight={highlight}
      />
    </div>
  );
}
