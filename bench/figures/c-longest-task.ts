// (c) The longest renderer main-thread task while loading (three sends), scrolling the tree to its
// end, expanding all and scrolling to the end again, a text search and a path search (polled
// until done) with jumps to hits, and collapse all: PerformanceObserver 'longtask' in the page,
// which reports every task of 50 ms or more. Target at every size: no such task (none the
// observer reports); one line per size, and the figure is the worst of them.
import { formatFigure, type Figure } from '../support/figure';
import type { BenchContext } from '../support/context';
import { rendererRuns, mb, type SizeRun } from '../support/renderer-run';

/** The observer's threshold: a task this long or longer is a long task. */
const LONG_TASK_MS = 50;

const shown = (ms: number) => (ms === 0 ? `< ${LONG_TASK_MS} ms (no long task)` : `${ms.toFixed(0)} ms`);

const during = (run: SizeRun) => run.longTasks.map(({ ms, during }) => `, ${ms.toFixed(0)} ms in "${during}"`).join('');

function line(run: SizeRun): Figure {
  return {
    name: `c  longest renderer main-thread task, ${mb(run.bodyBytes)} (load, scroll to end, expand all, search; ${run.longTasks.length} tasks ≥ 50 ms${during(run)})`,
    value: shown(run.longestTaskMs),
    target: `no task ≥ ${LONG_TASK_MS} ms`,
    pass: run.longestTaskMs === 0,
  };
}

export async function measure(context: BenchContext): Promise<Figure> {
  const runs = await rendererRuns(context);
  for (const run of runs) console.log(formatFigure(line(run)));
  const worst = runs.reduce((a, b) => (b.longestTaskMs > a.longestTaskMs ? b : a));
  return {
    name: `c  longest renderer main-thread task, worst of ${runs.map((run) => mb(run.bodyBytes)).join(', ')}`,
    value: shown(worst.longestTaskMs),
    target: `no task ≥ ${LONG_TASK_MS} ms at any size`,
    pass: runs.every((run) => run.longestTaskMs === 0),
  };
}
