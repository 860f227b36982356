import { useCallback, useState } from 'react';
import type { HistoryEntry } from '@shared/contract';
import { openComparison } from '../../state/compareStore';
import { historySide } from './compareText';

/** History entries ticked for "Compare": two of them open the comparison, the earlier as before. */
export function useHistoryChoice() {
  const [chosen, setChosen] = useState<readonly HistoryEntry[]>([]);
  const toggle = useCallback((entry: HistoryEntry, on: boolean) => {
    setChosen((current) => [...current.filter((other) => other.id !== entry.id), ...(on ? [entry] : [])]);
  }, []);
  return {
    chosen,
    isChosen: (id: string) => chosen.some((entry) => entry.id === id),
    toggle,
    clear: () => setChosen([]),
    compare: () => {
      if (chosen.length === 2) openComparison(historySide(chosen[0]!), historySide(chosen[1]!));
    },
  };
}

export type HistoryChoice = ReturnType<typeof useHistoryChoice>;

/** Shown once an entry is ticked: how many, "Compare" (with exactly two) and "Clear selection". */
export function CompareChosen({ choice }: { choice: HistoryChoice }) {
  const count = choice.chosen.length;
  if (count === 0) return null;
  const hint = count === 1 ? 'Tick one more entry to compare.' : count === 2 ? 'Compare the two ticked responses.' : 'Tick only two entries to compare.';
  return (
    <div className="history-compare-bar" role="group" aria-label="Compare history entries">
      <span className="muted" role="status">
        {count} selected. {hint}
      </span>
      <button type="button" className="button button-small button-primary" disabled={count !== 2} onClick={choice.compare}>
        Compare
      </button>
      <button type="button" className="button button-small" onClick={choice.clear}>
        Clear selection
      </button>
    </div>
  );
}
