// (x) "Export Excel" of 100,000 rows (Humanity-like shifts, about a year of a busy company, kept
// as one response) through export:responseXlsx, against export:responseCsv of the same rows in the
// same run: the time ratio (rows per second printed), and the main thread's peak memory growth
// (heapUsed + arrayBuffers, sampled every 10 ms while the workbook is written) against the memory
// budget (memoryBudgetMB), which shows the workbook is streamed, not held. Median of the runs.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeShiftsBody } from '../../src-main/testing/large-shifts';
import { getRequest, startCore, type CoreFixture } from '../../src-main/testing/core-fixture';
import { json, startScriptedHost } from '../../src-main/testing/scripted-host';
import { readWorkbook } from '../../src-main/testing/read-workbook';
import { median, type Figure } from '../support/figure';
import type { BenchContext } from '../support/context';

const ROWS = 100_000;
const RUNS = 3;
const TARGET_RATIO = 6;
const MB = 1024 * 1024;

/** An answer of exactly ROWS shifts: a bigger generated body, cut (done once, before measuring). */
function shiftsAnswer(): unknown {
  const body = makeShiftsBody(Math.ceil((ROWS / 140_000) * 100 * MB));
  const parsed = JSON.parse(`${body.head.toString('utf8')}null,"error":null}`) as { data: unknown[] };
  if (parsed.data.length < ROWS) throw new Error(`The generated answer has only ${parsed.data.length} shifts.`);
  parsed.data.length = ROWS;
  return parsed;
}

function mainThreadBytes(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Runs `work`, sampling the main thread's memory; returns its time and the peak growth. */
async function measured(work: () => Promise<unknown>): Promise<{ ms: number; peakBytes: number }> {
  const before = mainThreadBytes();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, mainThreadBytes())), 10);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return { ms: performance.now() - started, peakBytes: Math.max(peak, mainThreadBytes()) - before };
}

export async function measure(context: BenchContext): Promise<Figure> {
  const host = await startScriptedHost({ '/api/v2/shifts-year': json(200, shiftsAnswer()) });
  const dir = context.tempDir();
  let file = 0;
  let core: CoreFixture | null = null;
  try {
    core = await startCore({ sandbox: context.sandbox, dialogs: { saveFile: async () => join(dir, `export-${(file += 1)}`) } });
    const login = await core.login({ host: host.url });
    if (!login.ok) throw new Error(login.error.message);
    const settings = await core.call('settings:get', {});
    if (!settings.ok) throw new Error(settings.error.message);
    const budgetMB = settings.data.memoryBudgetMB;
    const sent = await core.call('request:send', getRequest('shifts-year'));
    if (!sent.ok) throw new Error(sent.error.message);
    const input = { responseId: sent.data.responseId, pointer: '' };
    const fixture = core;

    const excel: number[] = [];
    const csv: number[] = [];
    const peaks: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      context.collectGarbage();
      let path = '';
      const xlsx = await measured(async () => {
        const saved = await fixture.call('export:responseXlsx', input);
        if (!saved.ok || saved.data.rows !== ROWS) throw new Error(saved.ok ? `${saved.data.rows} rows written` : saved.error.message);
        path = saved.data.path;
      });
      // Read back (outside the measured time and memory) with another library than the writer.
      if (run === 0 && (await readWorkbook(path)).sheets.get('Rows')!.length !== ROWS + 1) throw new Error('The workbook reads back with another row count.');
      rmSync(path);
      excel.push(xlsx.ms);
      peaks.push(xlsx.peakBytes);
      context.collectGarbage();
      csv.push(
        (
          await measured(async () => {
            const saved = await fixture.call('export:responseCsv', input);
            if (!saved.ok || saved.data.rows !== ROWS) throw new Error(saved.ok ? `${saved.data.rows} rows written` : saved.error.message);
            rmSync(saved.data.path);
          })
        ).ms,
      );
    }
    const ratio = median(excel) / median(csv);
    const peakMB = Math.max(...peaks) / MB;
    const rowsPerSecond = ROWS / (median(excel) / 1000);
    return {
      name: `x  Excel export of ${ROWS.toLocaleString('en-US')} rows (${Math.round(rowsPerSecond).toLocaleString('en-US')} rows/s, ${(median(excel) / 1000).toFixed(1)} s vs CSV ${(median(csv) / 1000).toFixed(1)} s, medians of ${RUNS}; main-thread peak memory growth ${peakMB.toFixed(0)} MB)`,
      value: `${ratio.toFixed(2)}× CSV, ${peakMB.toFixed(0)} MB`,
      target: `≤ ${TARGET_RATIO}× CSV, ≤ ${budgetMB} MB budget`,
      pass: ratio <= TARGET_RATIO && peakMB <= budgetMB,
    };
  } finally {
    await core?.close();
    await host.close();
  }
}
