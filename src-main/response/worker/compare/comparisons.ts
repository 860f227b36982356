// The comparisons the body worker keeps, the most recent few: each holds only its rows (the
// values that differ), not the bodies, which are the worker's parsed copies or parsed for the
// comparison alone and let go after it.
import { AppError } from '../../../shared/app-error';
import { COMPARISONS_KEPT, type CompareSide, type WorkerCalls } from '../../worker-protocol';
import { parseLoadedBody } from '../loaded-body';
import { Comparison } from './comparison';

type Calls = Pick<WorkerCalls, 'compare' | 'comparePage' | 'compareForget'>;

/** `held(docId)`: the worker's parsed copy of a body, if it holds one. */
export function comparisonHandlers(held: (docId: string) => unknown): { [K in keyof Calls]: (input: Calls[K]['input']) => Calls[K]['output'] } {
  const kept = new Map<string, Comparison>();
  const valueOf = ({ docId, bytes, end }: CompareSide): unknown => held(docId) ?? parseLoadedBody(Buffer.from(bytes, 0, end)).value;

  return {
    compare({ docId, before, after, key }) {
      const comparison = new Comparison(valueOf(before), valueOf(after), key);
      kept.delete(docId);
      kept.set(docId, comparison);
      if (kept.size > COMPARISONS_KEPT) kept.delete(kept.keys().next().value as string);
      return comparison.facts;
    },
    comparePage({ docId, whole, ...page }) {
      const comparison = kept.get(docId);
      if (!comparison) throw new AppError('not_found', 'That comparison is no longer kept. Compare the two responses again.');
      return comparison.page(page, whole);
    },
    compareForget({ docId }) {
      kept.delete(docId);
      return null;
    },
  };
}
