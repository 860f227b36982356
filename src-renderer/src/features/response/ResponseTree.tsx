import { useRef, useState } from 'react';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { JsonTree, type TreeTarget } from './JsonTree';
import { ResponseSearch } from './ResponseSearch';
import { EVERYTHING, ONLY_ROOT, expansionInput, withAncestorsOpen, withOpen, type Expansion } from './treeExpansion';
import type { SearchHit } from './useResponseSearch';

type Props = { responseId: string; focusSearch: boolean; onSearchFocused: () => void };

/**
 * The Tree view: expand all / collapse all, the search of the response and the tree. Expansion
 * lives here because both change it: a toggle opens or closes a row, a chosen hit opens the rows
 * above it. Main lays the rows out; nothing here holds more than the rows in view.
 */
export function ResponseTree({ responseId, focusSearch, onSearchFocused }: Props) {
  const [expansion, setExpansionState] = useState<Expansion>(ONLY_ROOT);
  const expansionRef = useRef(expansion);
  const [target, setTarget] = useState<TreeTarget | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const reveals = useRef(0);

  const setExpansion = (next: Expansion) => {
    expansionRef.current = next;
    setExpansionState(next);
  };

  async function reveal(hit: SearchHit, focus: boolean) {
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
        expansion={expansion}
        onToggle={(path, open) => setExpansion(withOpen(expansionRef.current, path, open))}
        target={target}
        highlight={highlight}
      />
    </div>
  );
}
