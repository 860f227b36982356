// `npm test`: builds the app, runs the Node suites (vitest) and the renderer suites (Playwright
// in Chromium), and ends with one line `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';

const root = join(import.meta.dirname, '..');
const reports = join(root, '.test-summary');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CHROMIUM_PATH: ensureChromium() };

function run(title, command, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } }).status;
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
const buildStatus = run('build (electron-vite)', bin('electron-vite'), ['build']);

const vitestFile = join(reports, 'vitest.json');
const vitestStatus = run('unit and integration tests (vitest)', bin('vitest'), ['run', 'src-main', 'src-renderer', 'scripts', 'e2e/support', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`]);

const playwrightFile = join(reports, 'playwright.json');
if (buildStatus === 0) {
  run('renderer tests (Playwright, Chromium)', bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile });
}

// The security gate counts as one check: electronegativity over the sources, reviewed items allowed.
const gateStatus = run('security gate (electronegativity)', process.execPath, [join(root, 'scripts', 'security-gate.mjs')]);

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};
const vitest = readJson(vitestFile);
const playwright = readJson(playwrightFile);
let passed = 0;
let failed = buildStatus === 0 ? 0 : 1;
let skipped = 0;
if (vitest) {
  passed += vitest.numPassedTests;
  const counted = vitest.numFailedTests + filesFailedWithoutTests(vitest);
  failed += counted;
  // Errors outside any test (an unhandled rejection, say) fail the run but are not in the report.
  if (vitestStatus !== 0 && counted === 0) {
    failed += 1;
    console.log('vitest failed outside its tests (see "Errors" above).');
  }
  skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  failed += 1;
  console.log('vitest produced no report.');
}
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected + (playwright.errors?.length ?? 0);
  skipped += playwright.stats.skipped;
} else if (buildStatus === 0) {
  failed += 1;
  console.log('Playwright produced no report.');
}

if (gateStatus === 0) passed += 1;
else failed += 1;

// A test file that failed to load (or in a hook) has no failed tests of its own: count it once.
// (numFailedTestSuites is no help: it counts each failed describe block as well as the file.)
function filesFailedWithoutTests(report) {
  return report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')).length;
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
