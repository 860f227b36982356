// The file's place says what it may import (docs/architecture.md, "Layers and the import rule"). A failing case names the file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(pattern)) found.push({ file: relative(root, file), specifier: match[3]!, typeOnly: !!match[2] });
  for (const match of text.matchAll(/(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ file: relative(root, file), specifier: match[1]!, typeOnly: false });
  return found;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const mainFiles = sources(join(root, 'src-main'));
const rendererFiles = sources(join(root, 'src-renderer', 'src'));
const ELECTRON_ALLOWED = new Set(['src-main/index.ts', 'src-main/window.ts', 'src-main/preload/index.ts']);

describe('import rules by folder', () => {
  it('only the composition root and its adapters import electron or electron-store at runtime', () => {
    const offenders = mainFiles
      .flatMap(importsOf)
      .filter((i) => !i.typeOnly && /^electron(-store)?$/.test(i.specifier) && !ELECTRON_ALLOWED.has(i.file));
    expect(offenders).toEqual([]);
  });

  it('src-main/shared imports nothing from electron, Node or the rest of main', () => {
    const shared = join(root, 'src-main/shared');
    const offenders = mainFiles
      .filter((f) => f.startsWith(shared) && !isTest(f))
      .flatMap((file) => importsOf(file).map((i) => ({ ...i, target: resolve(dirname(file), i.specifier) })))
      .filter((i) => i.specifier === 'electron' || i.specifier.startsWith('node:') || (i.specifier.startsWith('.') && !i.target.startsWith(shared)));
    expect(offenders).toEqual([]);
  });

  it('the preload imports only electron and the zod-free part of src-main/shared', () => {
    const preload = [join(root, 'src-main/preload/index.ts'), join(root, 'src-main/shared/build-api.ts')];
    const offenders = preload
      .flatMap(importsOf)
      .filter((i) => !i.typeOnly && !['electron', '../shared/build-api', '../shared/channels', './channels'].includes(i.specifier));
    expect(offenders).toEqual([]);
  });

  it('the renderer imports no electron, no Node module, no zod, and from main only the shared contract and catalog', () => {
    expect(rendererFiles.length).toBeGreaterThan(0);
    const offenders = rendererFiles
      .flatMap(importsOf)
      .filter(
        (i) =>
          /^(electron|electron-store|zod|fs|path|child_process|os)$/.test(i.specifier) ||
          i.specifier.startsWith('node:') ||
          // Shared code comes through the `@shared/…` alias (tsconfig.json paths), never by climbing folders.
          i.specifier.includes('src-main/') ||
          (i.specifier.startsWith('@shared/') && !/^@shared\/(contract|channels|catalog(\/index)?)$/.test(i.specifier)) ||
          // contract.ts holds the zod schemas: types only, or zod's eval probe meets the CSP.
          (i.specifier === '@shared/contract' && !i.typeOnly),
      );
    expect(offenders).toEqual([]);
  });

  it('response/: main-thread and worker-thread code meet only at the protocol and response/shared', () => {
    // docs/architecture.md, "The response pipeline": response/main runs on main's thread,
    // response/worker inside the body worker (its own bundle, started by path), response/shared and
    // response/worker-protocol.ts on both. Tests at response/'s top level join the two sides.
    const response = join(root, 'src-main/response');
    const placeOf = (path: string) => {
      const inside = relative(response, path);
      if (inside.startsWith('..')) return 'outside';
      const [top, ...rest] = inside.split(sep);
      return rest.length ? top! : isTest(path) ? 'seam test' : 'seam';
    };
    const may: Record<string, string[]> = {
      main: ['main', 'shared', 'seam'],
      worker: ['worker', 'shared', 'seam'],
      shared: ['shared'],
      seam: ['shared', 'seam'],
      'seam test': ['main', 'worker', 'shared', 'seam'],
      outside: ['main', 'shared', 'seam'],
    };
    const offenders = mainFiles
      .flatMap((file) => importsOf(file).map((i) => ({ ...i, from: placeOf(file), to: placeOf(resolve(dirname(file), i.specifier)) })))
      .filter((i) => i.specifier.startsWith('.') && i.to !== 'outside' && !may[i.from]!.includes(i.to))
      .map((i) => `${i.file} imports ${i.specifier}`);
    expect(offenders).toEqual([]);
    expect(mainFiles.filter((f) => placeOf(f) === 'worker').length).toBeGreaterThan(0);
  });

  it('production code never imports test support, and nothing imports the composition root', () => {
    const offenders = mainFiles
      .filter((f) => !isTest(f) && !relative(root, f).startsWith('src-main/testing/'))
      .flatMap(importsOf)
      .filter((i) => i.specifier.includes('/testing/') || /(^|\/)index$/.test(i.specifier.replace(/\.ts$/, '')) && i.specifier.startsWith('.'));
    expect(offenders).toEqual([]);
  });
});
