// (a) Time from clicking Send to the first tree rows painted in the Chromium renderer, divided by
// JSON.parse of the same bytes (decoded and parsed: JSON.parse(bytes.toString())) in Node in the
// same run. Medians of the sends and of the parses; every size printed, judged at 50 MB.
// What the app's time holds: the request over loopback, the bytes counted and kept, the body
// worker decoding and parsing them, the redaction of the echoed token, the IPC hops (the e2e
// harness's Playwright binding, slower than Electron's IPC) and React painting the rows.
import { formatFigure, type Figure } from '../support/figure';
import type { BenchContext } from '../support/context';
import { median, rendererRuns, mb, type SizeRun } from '../support/renderer-run';

const TARGET = 1.5;
const JUDGED_MB = 50;

function line(run: SizeRun): Figure {
  const app = median(run.firstRowsMs);
  const parse = median(run.parseMs);
  const ratio = app / parse;
  return {
    name: `a  Send → first tree rows painted, ${mb(run.bodyBytes)} /shifts (${app.toFixed(0)} ms vs JSON.parse ${parse.toFixed(0)} ms, medians of ${run.firstRowsMs.length} and ${run.parseMs.length})`,
    value: `${ratio.toFixed(2)}×`,
    target: `≤ ${TARGET}×`,
    pass: ratio <= TARGET,
  };
}

export async function measure(context: BenchContext): Promise<Figure> {
  const runs = await rendererRuns(context);
  for (const run of runs) {
    if (run.mb !== JUDGED_MB) console.log(formatFigure(line(run)).replace(/ (PASS|FAIL)$/, ` (reference; judged at ${JUDGED_MB} MB)`));
  }
  return line(runs.find((run) => run.mb === JUDGED_MB)!);
}
