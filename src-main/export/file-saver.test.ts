import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileFilter } from '../ports/native';
import { createFileSaver, CSV_FILES } from './file-saver';

let dir: string;
let asked: Array<{ title: string; defaultName: string; filters: FileFilter[] }>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-saver-'));
  asked = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function saver(answer: string | null) {
  const saveFile = async (options: { title: string; defaultName: string; filters: FileFilter[] }) => {
    asked.push(options);
    return answer;
  };
  return createFileSaver({ dialogs: { saveFile }, now: () => new Date(2024, 0, 9, 23, 59).getTime() });
}

describe('file saver', () => {
  it('suggests <stem>-<local date>.<extension> with the filters given, and answers the chosen path', async () => {
    expect(await saver('/chosen.csv').pick('Export rows as CSV', 'csv', CSV_FILES, 'pull')).toBe('/chosen.csv');
    expect(await saver(null).pick('Export response as JSON', 'json', [])).toBeNull();
    expect(asked).toEqual([
      { title: 'Export rows as CSV', defaultName: 'pull-2024-01-09.csv', filters: CSV_FILES },
      { title: 'Export response as JSON', defaultName: 'response-2024-01-09.json', filters: [] },
    ]);
  });

  it('writes sync and async chunks whole', async () => {
    const path = join(dir, 'out.txt');
    async function* chunks() {
      yield 'a,';
      yield Buffer.from('b');
    }
    await saver(path).write(path, chunks());
    expect(readFileSync(path, 'utf8')).toBe('a,b');
  });

  it('says why a write failed, naming the path, and leaves no partial file', async () => {
    const path = join(dir, 'taken');
    mkdirSync(join(path, 'inside'), { recursive: true });
    await expect(saver(path).write(path, ['x'])).rejects.toMatchObject({ code: 'storage_failed', message: expect.stringContaining(path) });
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
