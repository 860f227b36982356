// The comparisons the body worker keeps, the most recent few: each holds only its rows (the
// values that differ), not the bodies, which are parsed whole for the comparison alone and let go
// after it. Not the worker's own parsed copies: a big array there is kept as batches of text
// (batched-array.ts), and a comparison, reading every element two or three times, would parse
// each batch as often; one JSON.parse of the bytes costs less.
import { AppError } from '../../../shared/app-error';
import { COMPARISONS_KEPT, NOT_JSON_AFTER_ALL, type CompareSide, type WorkerCalls } from '../../worker-protocol';
import { parsedText } from '../../shared/body-text';
import { Comparison } from './comparison';

type Calls = Pick<WorkerCalls, 'compare' | 'comparePage' | 'compareForget'>;

export function comparisonHandlers(): { [K in keyof Calls]: (input: Calls[K]['input']) => Calls[K]['output'] } {
  const kept = new Map<string, Comparison>();
  // Main lets only JSON through, but a body told as JSON from its first rows may not be, and main
  // may not have heard it yet (its verdict lost with an evicted body): never compare text as a value.
  const valueOf = ({ bytes, end }: CompareSide): unknown => {
    const { value, isJson } = parsedText(Buffer.from(bytes).toString('utf8', 0, end));
    if (!isJson) throw new AppError('invalid_input', NOT_JSON_AFTER_ALL);
    return value;
  };

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
