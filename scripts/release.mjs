// `npm run dist`: builds, packages with electron-builder (which downloads Electron, so it runs
// on a release machine, not in CI here), then reads the fuses of the packaged app back with
// `@electron/fuses read` and fails unless each one is as electron-builder.json asks.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

// Fuse names as `@electron/fuses read` prints them, for the options we set.
export const FUSE_LABELS = {
  runAsNode: 'RunAsNode',
  enableCookieEncryption: 'EnableCookieEncryption',
  enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
  enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
  enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
  onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
  loadBrowserProcessSpecificV8Snapshot: 'LoadBrowserProcessSpecificV8Snapshot',
  grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges',
};

function packagedApps() {
  const dist = join(root, config.directories.output);
  const platformDirs = { 'linux-unpacked': 'humanity-api-explorer', 'win-unpacked': 'Humanity API Explorer.exe', mac: 'Humanity API Explorer.app', 'mac-arm64': 'Humanity API Explorer.app' };
  return readdirSync(dist)
    .filter((name) => name in platformDirs)
    .map((name) => join(dist, name, platformDirs[name]))
    .filter((path) => existsSync(path));
}

export function checkFuses(rawOutput, expected = config.electronFuses) {
  const output = rawOutput.replace(/\u001b\[[0-9;]*m/g, '');
  const problems = [];
  for (const [option, wanted] of Object.entries(expected)) {
    const label = FUSE_LABELS[option];
    const line = output.split('\n').find((l) => l.includes(`${label} is`));
    if (!line) problems.push(`${label} was not reported`);
    else if (!line.includes(wanted ? 'Enabled' : 'Disabled')) problems.push(`${label} should be ${wanted ? 'Enabled' : 'Disabled'}: ${line.trim()}`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(bin('electron-vite'), ['build']);
  run(bin('electron-builder'), ['--config', 'electron-builder.json', ...process.argv.slice(2)]);
  const apps = packagedApps();
  if (!apps.length) throw new Error('No packaged app found under dist/ to check the fuses of.');
  for (const app of apps) {
    const output = execFileSync(process.execPath, [join(root, 'node_modules', '@electron', 'fuses', 'dist', 'bin.js'), 'read', '--app', app], { encoding: 'utf8' });
    const problems = checkFuses(output);
    if (problems.length) throw new Error(`Fuses of ${app} are not as configured:\n${problems.join('\n')}`);
    console.log(`Fuses of ${app}: as configured.`);
  }
}
