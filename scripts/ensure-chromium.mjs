// Finds a Chromium for the renderer tests, or gets one: Debian's package where apt is usable
// as root, Playwright's download elsewhere. Prints the path on stdout's last line.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const say = (message) => process.stderr.write(`[chromium] ${message}\n`);

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', ...playwrightCache()];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

function playwrightCache() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.startsWith('chromium'))
    .flatMap((name) => [join(root, name, 'chrome-linux64', 'chrome'), join(root, name, 'chrome-linux', 'chrome'), join(root, name, 'chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'), join(root, name, 'chrome-win', 'chrome.exe')]);
}

function canUseApt() {
  return process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (canUseApt()) {
    say("No Chromium found: installing Debian's chromium package (apt-get update, apt-get install -y chromium)…");
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'] });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    say("No Chromium found: downloading Playwright's Chromium (npx playwright install chromium)…");
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  }
  const installed = findChromium();
  if (!installed) throw new Error('Chromium could not be installed. Install it yourself and set CHROMIUM_PATH to its executable.');
  say(`Using ${installed}`);
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
