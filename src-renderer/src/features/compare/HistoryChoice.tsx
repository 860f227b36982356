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

/** The history toolbar's "Compare": enabled with exactly two entries ticked. */
export function CompareChosen({ choice }: { choice: HistoryChoice }) {
  const count = choice.chosen.length;
  const hint = count === 2 ? 'Compare the two selected responses' : `Select two entries with a kept response to compare (${count} selected)`;
  return (
    <button type="button" className="button button-small" disabled={count !== 2} title={hint} aria-description={hint} onClick={choice.compare}>
      Compare
    </button>
  );
}
