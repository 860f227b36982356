// Electronegativity on the sources, as a gate: the tool always exits 0, so this reads its CSV
// and fails on any HIGH or MEDIUM finding that was not reviewed. Reviewed, and why:
//  - PRELOAD_JS_CHECK: reported whenever a preload exists; ours exposes only the contract's api.
//  - CSP_GLOBAL_CHECK: the evaluator's note that script-src 'self' could serve JSONP; 'self' is
//    app://bundle, which serves only the built renderer files (src-main/security/app-scheme.ts).
//  - OPEN_EXTERNAL_JS_CHECK in src-main/window.ts: openExternal only gets https links to known
//    documentation hosts (isAllowedExternalUrl, unit-tested in security/external-links.test.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const REVIEWED = [
  { check: 'PRELOAD_JS_CHECK' },
  { check: 'CSP_GLOBAL_CHECK' },
  { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src-main/window.ts' },
];

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field.trim()), (field = '');
    else if (c === '\n') row.push(field.trim()), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field.trim()), rows.push(row);
  return rows;
}

/** Scans a copy of the sources only: the tool would also read out/ and tests, and its global
 * checks (navigation limits, permission handler) need main and renderer seen together. */
function scan() {
  const work = mkdtempSync(join(tmpdir(), 'hae-eg-'));
  const folder = join(work, 'sources');
  // package.json tells it the Electron version (checks for long-removed features are skipped).
  for (const part of ['package.json', 'src-main', 'src-renderer/index.html', 'src-renderer/src']) cpSync(join(root, part), join(folder, part), { recursive: true });
  const out = join(work, 'report.csv');
  const run = spawnSync('npx', ['-y', '@doyensec/electronegativity@1.10.3', '-i', folder, '-r', '-o', out], { cwd: root, encoding: 'utf8' });
  let text;
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    throw new Error(`electronegativity produced no report (exit ${run.status}): ${(run.stderr || '').slice(-500)}`);
  }
  const [header, ...rows] = parseCsv(text).filter((r) => r.length > 3);
  const at = (name) => header.findIndex((h) => h.trim().toLowerCase() === name);
  return rows.map((r) => ({ check: r[at('issue')], severity: r[at('severity')], file: r[at('filename')], location: r[at('location')] }));
}

const findings = scan();
const reviewed = (f) => REVIEWED.some((r) => r.check === f.check && (!r.file || r.file === f.file));
const blocking = findings.filter((f) => (f.severity === 'HIGH' || f.severity === 'MEDIUM') && !reviewed(f));
for (const f of findings) console.log(`${reviewed(f) ? 'reviewed' : f.severity === 'LOW' || f.severity === 'INFORMATIONAL' ? 'note    ' : 'BLOCKING'} ${f.severity} ${f.check} ${f.file}:${f.location}`);
console.log(`electronegativity: ${findings.length} findings, ${blocking.length} blocking`);
process.exit(blocking.length ? 1 : 0);
