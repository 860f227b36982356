import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSaver } from './file-saver';
import { createRowFiles } from './row-files';

let dir: string;
let chosen: string | null;
let asked: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-rows-'));
  chosen = null;
  asked = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const rowFiles = () =>
  createRowFiles({
    files: createFileSaver({
      dialogs: {
        saveFile: async ({ defaultName, filters }) => {
          asked.push(`${defaultName} ${filters[0]!.extensions.join()}`);
          return chosen;
        },
      },
      now: () => new Date(2024, 4, 1).getTime(),
    }),
  });

const rows = [{ id: 1, name: 'Ada' }, { id: 2, name: 'Bo, Jr.' }];

describe('row files', () => {
  it('writes rows as a JSON array, one row a line', async () => {
    chosen = join(dir, 'pull.json');
    expect(await rowFiles().rowsJson(rows, 'json', 'pull')).toEqual({ saved: true, path: chosen, rows: 2 });
    expect(readFileSync(chosen, 'utf8')).toBe('[\n  {"id":1,"name":"Ada"},\n  {"id":2,"name":"Bo, Jr."}\n]\n');
    expect(JSON.parse(readFileSync(chosen, 'utf8'))).toEqual(rows);
    expect(asked).toEqual(['pull-2024-05-01.json json']);
  });

  it('writes an empty array and NDJSON', async () => {
    chosen = join(dir, 'empty.json');
    await rowFiles().rowsJson([], 'json', 'pull');
    expect(readFileSync(chosen, 'utf8')).toBe('[]\n');
    chosen = join(dir, 'rows.ndjson');
    expect(await rowFiles().rowsJson(rows, 'ndjson', 'pull')).toMatchObject({ saved: true, rows: 2 });
    expect(readFileSync(chosen, 'utf8')).toBe('{"id":1,"name":"Ada"}\n{"id":2,"name":"Bo, Jr."}\n');
    expect(asked.at(-1)).toBe('pull-2024-05-01.ndjson ndjson');
  });

  it('writes CSV rows with their counts', async () => {
    chosen = join(dir, 'table.csv');
    const csv = { columns: ['id', 'name'], rows: [['1', 'Ada'], ['2', 'Bo, Jr.']], count: 2 };
    expect(await rowFiles().rowsCsv(csv, 'table')).toEqual({ saved: true, path: chosen, rows: 2, columns: 2 });
    expect(readFileSync(chosen, 'utf8')).toBe('\uFEFFid,name\r\n1,Ada\r\n2,"Bo, Jr."\r\n');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    expect(await rowFiles().rowsJson(rows, 'json', 'pull')).toEqual({ saved: false, path: '', rows: 0 });
    expect(await rowFiles().rowsCsv({ columns: ['id'], rows: [['1']], count: 1 }, 'table')).toEqual({ saved: false, path: '', rows: 0, columns: 0 });
    expect(readdirSync(dir)).toEqual([]);
  });
});
