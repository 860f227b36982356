// `npm run bench`: every figure in bench/figures/ (files named <letter>-<what>.ts, each exporting
// `measure`), measured in one run, one line each: `name: value (target …) PASS|FAIL`. Exits 1
// when a target is missed. `npm run bench -- d e` measures only those letters.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatFigure, type Figure, type Measure } from './support/figure';
import { openBenchContext } from './support/context';

const folder = join(import.meta.dirname, 'figures');
const wanted = new Set(process.argv.slice(2));
const files = readdirSync(folder)
  .filter((name) => /^[a-z]-.+\.ts$/.test(name) && (wanted.size === 0 || wanted.has(name[0]!)))
  .sort();

const context = await openBenchContext();
let missed = 0;
try {
  for (const file of files) {
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
process.exit(missed ? 1 : 0);
