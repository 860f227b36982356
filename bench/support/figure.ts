// What a figure module gives the runner: one measured value against its target.
import type { BenchContext } from './context';

export interface Figure {
  /** "d  per-request overhead, 1 KB /shifts answer (main-side path vs plain fetch)" */
  name: string;
  /** As printed: "1.21×", "212 MB". */
  value: string;
  /** As printed: "≤ 1.3×". */
  target: string;
  pass: boolean;
}

/** Each bench/figures/<letter>-<name>.ts exports `measure`. */
export type Measure = (context: BenchContext) => Promise<Figure>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function formatFigure({ name, value, target, pass }: Figure): string {
  return `${name}: ${value} (target ${target}) ${pass ? 'PASS' : 'FAIL'}`;
}
