// The packaging configuration: fuses, targets, icons and what ships (no tests, no benches).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFuses, FUSE_LABELS } from './release.mjs';

const root = join(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function pngSize(path) {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder configuration', () => {
  it('flips the security fuses at package time and packs the app into an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    for (const option of Object.keys(config.electronFuses)) expect(FUSE_LABELS[option], option).toBeDefined();
  });

  it('builds AppImage and deb for Linux, nsis for Windows, dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(pkg.scripts.dist).toBe('node scripts/release.mjs');
  });

  it('has the icon at every size the installers use, square and of the named size', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(join(root, config.linux.icon, `${size}x${size}.png`))).toEqual([size, size]);
    }
    expect(pngSize(join(root, config.mac.icon))).toEqual([1024, 1024]);
    expect(pngSize(join(root, config.win.icon))).toEqual([256, 256]);
  });

  it('ships the built app and package.json only: no sources, tests, benchmarks or source maps', () => {
    expect(config.files.filter((p) => !p.startsWith('!'))).toEqual(['package.json', 'out/**/*']);
    for (const excluded of ['!**/*.map', '!**/*.test.*', '!e2e/**', '!bench/**', '!scripts/**', '!src-main/**', '!src-renderer/**']) expect(config.files).toContain(excluded);
    const out = join(root, 'out');
    if (!existsSync(out)) return;
    const walk = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    const shipped = walk(out).map((f) => f.slice(root.length + 1));
    expect(shipped.filter((f) => /\.test\.|\/e2e\/|\/bench\/|testing\//.test(f))).toEqual([]);
  });
});

describe('fuse check of the release script', () => {
  const report = (overrides = {}) =>
    Object.entries(FUSE_LABELS)
      .map(([option, label]) => `  \u001b[33m${label}\u001b[39m is ${(overrides[option] ?? config.electronFuses[option]) ? 'Enabled' : 'Disabled'}`)
      .join('\n');

  it('accepts a packaged app whose fuses match', () => {
    expect(checkFuses(`Analyzing app: x\nFuse Version: v1\n${report()}`)).toEqual([]);
  });

  it('names every fuse that differs or is missing', () => {
    expect(checkFuses(report({ runAsNode: true, onlyLoadAppFromAsar: false }))).toEqual([
      expect.stringMatching(/^RunAsNode should be Disabled/),
      expect.stringMatching(/^OnlyLoadAppFromAsar should be Enabled/),
    ]);
    expect(checkFuses('Fuse Version: v1')).toHaveLength(Object.keys(config.electronFuses).length);
  });
});
