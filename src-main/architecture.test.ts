// The file's place says what it may import (docs/architecture.md, "Layers and the import rule"). A failing case names the file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseAst } from 'vite';
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

// No function in src-main over 80 lines (docs/architecture.md, "Adding a channel"): a longer one is split by
// responsibility into modules whose names say what they hold. Parsed with the TypeScript parser that
// vite (a declared devDependency) exports, so a brace in a string or a comment cannot fool it.
const MAX_FUNCTION_LINES = 80;
// Allowed by name only, each with its reason. Data tables are object literals, so no table needs an entry today.
const LONG_FUNCTIONS_ALLOWED: Record<string, string[]> = {};

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Every function, arrow and method in `text` longer than `max` lines, as "name (N lines, from line L)". */
function longFunctions(text: string, max: number): Array<{ name: string; lines: number; line: number }> {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let [low, high] = [0, lineStarts.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const found: Array<{ name: string; lines: number; line: number }> = [];
  const nameOf = (node: AstNode): string | undefined => {
    const named = (node.id ?? node.key) as { name?: string } | undefined;
    return node.type === 'VariableDeclarator' || node.type === 'Property' || node.type === 'MethodDefinition' || node.type === 'PropertyDefinition' ? named?.name : undefined;
  };
  const visit = (node: unknown, name: string): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, name));
    if (!node || typeof node !== 'object' || typeof (node as AstNode).type !== 'string') return;
    const current = node as AstNode;
    if (/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(current.type)) {
      const line = lineAt(current.start);
      const lines = lineAt(current.end) - line + 1;
      const own = (current.id as { name?: string } | null)?.name ?? name;
      if (lines > max) found.push({ name: own, lines, line });
    }
    const childName = nameOf(current) ?? name;
    for (const [key, value] of Object.entries(current)) if (key !== 'type') visit(value, childName);
  };
  visit(parseAst(text, { lang: 'ts' }), '(anonymous)');
  return found;
}

describe('function length', () => {
  it('finds a function, an arrow and a method over the limit, and nothing in short ones', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i}; // "}" {`).join('\n');
    const text = [
      `function long(): void {\n${body(5)}\n}`,
      `const arrow = (a: number): number => {\n${body(5)}\n  return a;\n};`,
      `class C {\n  method(): void {\n${body(4)}\n  }\n}`,
      `const object = { short() {\n  return 1;\n} };`,
    ].join('\n');
    expect(longFunctions(text, 5).map(({ name, lines }) => `${name} ${lines}`)).toEqual(['long 7', 'arrow 8', 'method 6']);
  });

  it(`no function in src-main is over ${MAX_FUNCTION_LINES} lines outside the allow-list`, () => {
    const production = mainFiles.filter((file) => file.endsWith('.ts') && !isTest(file) && !relative(root, file).startsWith('src-main/testing/'));
    expect(production.length).toBeGreaterThan(50);
    const offenders = production.flatMap((file) => {
      const path = relative(root, file).split(sep).join('/');
      return longFunctions(readFileSync(file, 'utf8'), MAX_FUNCTION_LINES)
        .filter(({ name }) => !LONG_FUNCTIONS_ALLOWED[path]?.includes(name))
        .map(({ name, lines, line }) => `${path}:${line} ${name} is ${lines} lines`);
    });
    expect(offenders).toEqual([]);
  });
});

// Components are composed from small hooks (docs/architecture.md, "The window and its page"): a
// component file over 300 lines, or a Workspace over 200, is split by flow before it lands.
describe('component size', () => {
  const lineCount = (file: string) => readFileSync(file, 'utf8').split('\n').length;

  it('no renderer component file is over 300 lines, and Workspace.tsx is at most 200', () => {
    const components = rendererFiles.filter((file) => file.endsWith('.tsx') && !isTest(file));
    expect(components.length).toBeGreaterThan(40);
    const over = components.filter((file) => lineCount(file) > 300).map((file) => `${relative(root, file)} is ${lineCount(file)} lines`);
    expect(over).toEqual([]);
    expect(lineCount(join(root, 'src-renderer/src/app/Workspace.tsx'))).toBeLessThanOrEqual(200);
  });
});
