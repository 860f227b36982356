// (f) The renderer's initial JavaScript, gzipped: the scripts out/renderer/index.html loads at
// start (its module scripts and modulepreload links, and every chunk they import statically;
// chunks behind a dynamic import() are left out), each gzipped at level 9 with zlib.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../support/figure';
import { ensureBuilt } from '../support/renderer-run';

const TARGET_KB = 150;
const RENDERER = resolve(import.meta.dirname, '../../out/renderer');

/** Static imports of a built chunk: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`. */
function staticImports(source: string): string[] {
  const out: string[] = [];
  for (const match of source.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{][^'"()]*?from\s*)?["']([^"']+\.js)["']/g)) out.push(match[1]!);
  for (const match of source.matchAll(/(?:^|[;\s}])export\s*[{*][^'"()]*?from\s*["']([^"']+\.js)["']/g)) out.push(match[1]!);
  return out;
}

export async function measure(): Promise<Figure> {
  ensureBuilt();
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ].map((match) => resolve(RENDERER, match[1]!));
  const seen = new Set<string>();
  const queue = [...entries];
  let raw = 0;
  let gzipped = 0;
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
    for (const spec of staticImports(bytes.toString('utf8'))) queue.push(resolve(dirname(file), spec));
  }
  const kb = gzipped / 1024;
  return {
    name: `f  renderer initial JavaScript, gzipped (${seen.size} file${seen.size === 1 ? '' : 's'}, ${(raw / 1024).toFixed(0)} KB before gzip)`,
    value: `${kb.toFixed(0)} KB`,
    target: `≤ ${TARGET_KB} KB`,
    pass: kb <= TARGET_KB,
  };
}
