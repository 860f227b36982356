import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRange, SPILL_PREFIX, SpillFolder } from './spill-folder';

let parent: string;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'hae-spill-parent-'));
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('SpillFolder', () => {
  it('makes one private folder on first use and removes it on dispose', async () => {
    const spill = new SpillFolder(parent);
    expect(spill.location).toBeNull();
    const file = await spill.write('a.body', Buffer.from('0123456789'));
    await spill.write('b.body', Buffer.from('x'));
    const folder = spill.location!;
    expect(folder.startsWith(join(parent, SPILL_PREFIX))).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['a.body', 'b.body']);
    expect((await readRange(file, 3, 7)).toString()).toBe('3456');
    expect((await readRange(file, 8, 50)).toString()).toBe('89');
    spill.dispose();
    expect(existsSync(folder)).toBe(false);
  });

  it('is removed when the process exits without a dispose', () => {
    const module = pathToFileURL(resolve(import.meta.dirname, 'spill-folder.ts')).href;
    const script = `import { SpillFolder } from ${JSON.stringify(module)};
      const spill = new SpillFolder(${JSON.stringify(parent)});
      await spill.write('a.body', Buffer.from('kept until exit'));
      console.log(spill.location);
      process.exit(0);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const folder = run.stdout.trim();
    expect(folder.startsWith(join(parent, SPILL_PREFIX))).toBe(true);
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});
