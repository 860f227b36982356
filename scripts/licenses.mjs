// Writes src-main/about/third-party-licenses.json: every package the app ships (production
// dependencies, with their own dependencies), with its version and license, for the About dialog.
// Run after changing dependencies: node scripts/licenses.mjs (a test fails when it is stale).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const tree = JSON.parse(execFileSync('npm', ['ls', '--omit=dev', '--all', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
const found = new Map();
const visit = (deps = {}) => {
  for (const [name, info] of Object.entries(deps)) {
    if (found.has(`${name}@${info.version}`) || !info.version) continue;
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
    const license = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? 'see package';
    found.set(`${name}@${info.version}`, { name, version: info.version, license });
    visit(info.dependencies);
  }
};
visit(tree.dependencies);
const list = [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
writeFileSync(join(root, 'src-main/about/third-party-licenses.json'), `${JSON.stringify(list, null, 2)}\n`);
console.log(`${list.length} packages`);
