// (b) Renderer JS heap growth once the response is shown: JSHeapUsedSize (CDP
// Performance.getMetrics, after HeapProfiler.collectGarbage) signed in and idle, against the same
// after the response was sent three times and its tree is shown with `data` open. Every size
// printed, judged at 100 MB.
import { formatFigure, type Figure } from '../support/figure';
import type { BenchContext } from '../support/context';
import { rendererRuns, mb, type SizeRun } from '../support/renderer-run';

const TARGET_MB = 30;
const JUDGED_MB = 100;
const MB = 1024 * 1024;

function line(run: SizeRun): Figure {
  const grown = (run.heapAfterBytes - run.heapBeforeBytes) / MB;
  return {
    name: `b  renderer JS heap growth with a ${mb(run.bodyBytes)} response shown (${(run.heapBeforeBytes / MB).toFixed(1)} → ${(run.heapAfterBytes / MB).toFixed(1)} MB used, after GC)`,
    value: `${grown.toFixed(1)} MB`,
    target: `≤ ${TARGET_MB} MB`,
    pass: grown <= TARGET_MB,
  };
}

export async function measure(context: BenchContext): Promise<Figure> {
  const runs = await rendererRuns(context);
  for (const run of runs) {
    if (run.mb !== JUDGED_MB) console.log(formatFigure(line(run)).replace(/ (PASS|FAIL)$/, ` (reference; judged at ${JUDGED_MB} MB)`));
  }
  return line(runs.find((run) => run.mb === JUDGED_MB)!);
}
