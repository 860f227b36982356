// `npm run bench`: every figure in bench/figures/ (files named <letter>-<what>.ts, each exporting
// `measure`), one line each: `name: value (target …) PASS|FAIL`. Exits 1 when a target is missed.
// `npm run bench -- d e` measures only those letters. Each figure runs in a process of its own
// (a, b and c together: they share one session per size, support/renderer-run.ts), so none is
// measured in a process still holding what an earlier one made: after g's twenty 50 MB answers
// and the bodies of a, the same Send of h took 3 ms more than alone.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatFigure, type Figure, type Measure } from './support/figure';
import { openBenchContext } from './support/context';

const SHARED_SESSION = 'abc';
const CHILD = 'BENCH_FIGURES_CHILD';

const folder = join(import.meta.dirname, 'figures');
const wanted = new Set(process.argv.slice(2));
const files = readdirSync(folder)
  .filter((name) => /^[a-z]-.+\.ts$/.test(name) && (wanted.size === 0 || wanted.has(name[0]!)))
  .sort();

process.exit(process.env[CHILD] ? await measureHere(files) : spawnEach(files));

/** Runs each figure (or the shared-session group) in a child process; 1 when any missed its target. */
function spawnEach(names: string[]): number {
  const letters = names.map((name) => name[0]!);
  const groups = [letters.filter((letter) => SHARED_SESSION.includes(letter)), ...letters.filter((letter) => !SHARED_SESSION.includes(letter)).map((letter) => [letter])];
  let failed = 0;
  for (const group of groups.filter((letters) => letters.length > 0)) {
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...group], { stdio: 'inherit', env: { ...process.env, [CHILD]: '1' } });
    if (child.status === 0) continue;
    failed = 1;
    // A child that died (killed, out of memory) printed no line for what it had left to measure.
    if (child.error || child.signal) console.log(`${group.join(', ')}  could not be measured: ${child.error?.message ?? `the process ended on ${child.signal}`} FAIL`);
  }
  return failed;
}

/** Measures the figures in this process, one after the other; 1 when any missed its target. */
async function measureHere(names: string[]): Promise<number> {
  const context = await openBenchContext();
  let missed = 0;
  try {
    for (const file of names) {
      const { measure } = (await import(pathToFileURL(join(folder, file)).href)) as { measure: Measure };
      const figure: Figure = await measure(context).catch((error: unknown) => ({
        name: file.replace(/\.ts$/, ''),
        value: `could not be measured: ${error instanceof Error ? error.message : String(error)}`,
        target: '-',
        pass: false,
      }));
      console.log(formatFigure(figure));
      if (!figure.pass) missed += 1;
      await context.endFigure();
    }
  } finally {
    await context.close();
  }
  return missed ? 1 : 0;
}
