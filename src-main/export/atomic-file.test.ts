import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeChunksAtomic, writeFileAtomicSync } from './atomic-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeChunksAtomic', () => {
  it('writes the chunks in order as UTF-8 and leaves only the target', async () => {
    const target = join(dir, 'out.json');
    await writeChunksAtomic(target, ['{"name":', '"Zoë ✓"', '}']);
    expect(readFileSync(target, 'utf8')).toBe('{"name":"Zoë ✓"}');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('leaves the previous file untouched and no temp file when the data fails half way', async () => {
    const target = join(dir, 'out.json');
    writeFileSync(target, 'previous export');
    function* failing() {
      yield 'x'.repeat(256 * 1024);
      throw new Error('source broke');
    }
    await expect(writeChunksAtomic(target, failing())).rejects.toThrow('source broke');
    expect(readFileSync(target, 'utf8')).toBe('previous export');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('cleans up when the final rename fails', async () => {
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    await expect(writeChunksAtomic(target, ['data'])).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});

describe('writeFileAtomicSync', () => {
  it('replaces the file whole', () => {
    const target = join(dir, 'body.json');
    writeFileAtomicSync(target, 'first');
    writeFileAtomicSync(target, 'second');
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['body.json']);
  });

  it('throws and leaves no temp file when it cannot finish', () => {
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomicSync(target, 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
