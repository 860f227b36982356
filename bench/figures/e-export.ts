// (e) Exporting a kept 100 MB response to a JSON file (export:responseJson, streamed from main's
// copy of the bytes) against fs.writeFile of the same bytes. Alternating, median of the runs.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getRequest } from '../../src-main/testing/core-fixture';
import { shiftsBodyBytes } from '../../src-main/testing/large-shifts';
import { median, type Figure } from '../support/figure';
import type { BenchContext } from '../support/context';

const TARGET = 1.5;
const RUNS = 5;
const MB = 1024 * 1024;

export async function measure(context: BenchContext): Promise<Figure> {
  const body = context.shiftsBody(100);
  const dir = context.tempDir();
  let file = 0;
  const nextPath = () => join(dir, `export-${(file += 1)}.json`);
  const core = await context.signedInCore('bigHost', { dialogs: { saveFile: async () => nextPath() } });
  const sent = await core.call('request:send', getRequest('shifts-100'));
  if (!sent.ok) throw new Error(sent.error.message);
  // What the app keeps and exports: the body with the echoed token blanked.
  const bytes = shiftsBodyBytes(body, '[REDACTED]');

  const app: number[] = [];
  const plain: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let started = performance.now();
    const exported = await core.call('export:responseJson', { responseId: sent.data.responseId });
    app.push(performance.now() - started);
    if (!exported.ok) throw new Error(exported.error.message);
    if (statSync(exported.data.path).size !== bytes.length || (run === 0 && !readFileSync(exported.data.path).equals(bytes))) throw new Error('The export differs from the body.');
    rmSync(exported.data.path);

    const path = nextPath();
    started = performance.now();
    await writeFile(path, bytes);
    plain.push(performance.now() - started);
    rmSync(path);
  }
  const ratio = median(app) / median(plain);
  return {
    name: `e  export of a ${Math.round(bytes.length / MB)} MB response to a file (${median(app).toFixed(0)} ms vs fs.writeFile ${median(plain).toFixed(0)} ms, medians of ${RUNS})`,
    value: `${ratio.toFixed(2)}×`,
    target: `≤ ${TARGET}×`,
    pass: ratio <= TARGET,
  };
}
