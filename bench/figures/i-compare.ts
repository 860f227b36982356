// (i) Comparing two 50 MB /shifts answers (the later one with 38 shifts added, 4 removed and 112
// retitled): from asking main to compare (compare:start, both bodies kept in main; the worker
// parses both from their bytes) to the first screen of
// differences (compare:page, the view's first 200 rows), through the real IPC router, against
// JSON.parse of both bodies in the same run. Medians of the runs. Then the same two answers
// compared in the window (bench/support/compare-window.ts): its longest main-thread task must stay
// within 100 ms, as for figure c; the figure passes when both do.
import { getRequest, startCore } from '../../src-main/testing/core-fixture';
import { shiftsBodyBytes, shiftsRoute } from '../../src-main/testing/large-shifts';
import { startScriptedHost } from '../../src-main/testing/scripted-host';
import { changedShifts } from '../support/changed-shifts';
import { compareInWindow } from '../support/compare-window';
import { median, type Figure } from '../support/figure';
import type { BenchContext } from '../support/context';

const TARGET = 3;
const TASK_TARGET_MS = 100;
const RUNS = 3;
const MB = 1024 * 1024;
const CHANGES = { added: 38, removed: 4, changed: 112 };

export async function measure(context: BenchContext): Promise<Figure> {
  const earlier = context.shiftsBody(50);
  const later = changedShifts(earlier, CHANGES);
  const host = await startScriptedHost({ '/api/v2/shifts-earlier': shiftsRoute(earlier), '/api/v2/shifts-later': shiftsRoute(later) });
  const core = await startCore({ sandbox: context.sandbox });
  try {
    const login = await core.login({ host: host.url });
    if (!login.ok) throw new Error(login.error.message);
    const ids: string[] = [];
    for (const path of ['shifts-earlier', 'shifts-later']) {
      const sent = await core.call('request:send', getRequest(path));
      if (!sent.ok) throw new Error(sent.error.message);
      ids.push(sent.data.responseId);
    }
    const texts = [shiftsBodyBytes(earlier, null).toString('utf8'), shiftsBodyBytes(later, null).toString('utf8')];

    const app: number[] = [];
    const parse: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      context.collectGarbage();
      let started = performance.now();
      const compared = await core.call('compare:start', { before: { responseId: ids[0]! }, after: { responseId: ids[1]! }, key: null });
      if (!compared.ok) throw new Error(compared.error.message);
      const page = await core.call('compare:page', { compareId: compared.data.compareId, filter: 'all', query: '', offset: 0, limit: 200 });
      app.push(performance.now() - started);
      if (!page.ok) throw new Error(page.error.message);
      const { added, removed, changed } = compared.data.counts;
      if (added !== CHANGES.added || removed !== CHANGES.removed || changed !== CHANGES.changed) throw new Error(`The comparison found ${JSON.stringify(compared.data.counts)}.`);

      context.collectGarbage();
      started = performance.now();
      for (const text of texts) JSON.parse(text);
      parse.push(performance.now() - started);
    }
    const ratio = median(app) / median(parse);
    const window = await compareInWindow(context, host.url, ['shifts-earlier', 'shifts-later']);
    const longest = window.longestMs === 0 ? 'none ≥ 50 ms' : `${window.longestMs.toFixed(0)} ms`;
    return {
      name: `i  compare two ${Math.round(texts[0]!.length / MB)} MB /shifts answers → first screen of differences (${median(app).toFixed(0)} ms vs JSON.parse of both ${median(parse).toFixed(0)} ms, medians of ${RUNS}; longest renderer task while comparing in the window: ${longest}, target ≤ ${TASK_TARGET_MS} ms)`,
      value: `${ratio.toFixed(2)}×`,
      target: `≤ ${TARGET}× and no renderer task over ${TASK_TARGET_MS} ms`,
      pass: ratio <= TARGET && window.longestMs <= TASK_TARGET_MS,
    };
  } finally {
    await core.close();
    await host.close();
  }
}
