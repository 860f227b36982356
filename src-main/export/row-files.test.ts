import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSaver } from './file-saver';
import { createResponseOrigins } from './response-origins';
import { createRowFiles } from './row-files';
import { readWorkbook } from '../testing/read-workbook';

let dir: string;
let chosen: string | null;
let asked: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-rows-'));
  chosen = null;
  asked = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date(2024, 4, 1, 9, 30).getTime();
const origins = createResponseOrigins();
origins.note({ responseId: 'r1', method: 'GET', url: 'https://acme.humanity.com/api/v2/shifts?access_token=%5BREDACTED%5D&mode=overview' }, { host: 'https://acme.humanity.com', username: 'ada' });
const PULL = { request: 'GET /api/v2/shifts', account: { host: 'https://acme.humanity.com', username: 'bo' } };

const rowFiles = () =>
  createRowFiles({
    files: createFileSaver({
      dialogs: {
        saveFile: async ({ defaultName, filters }) => {
          asked.push(`${defaultName} ${filters[0]!.extensions.join()}`);
          return chosen;
        },
      },
      now: () => NOW,
    }),
    origins,
    now: () => NOW,
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

  it('writes the same rows as an Excel workbook, naming the request a kept response answered', async () => {
    chosen = join(dir, 'table.xlsx');
    const stream = { columns: ['id', 'name'], rows: [['1', 'Ada'], ['2', 'Bo, Jr.']], count: 2 };
    expect(await rowFiles().rowsXlsx(stream, 'table', { responseId: 'r1' }, [['Filter', 'Ada']])).toEqual({ saved: true, path: chosen, rows: 2, columns: 2 });
    expect(asked).toEqual(['table-2024-05-01.xlsx xlsx']);
    const { sheets } = await readWorkbook(chosen);
    expect(sheets.get('Rows')).toEqual([['id', 'name'], [1, 'Ada'], [2, 'Bo, Jr.']]);
    const about = new Map(sheets.get('About')!.map(([label, value]) => [label, value]));
    expect(about.get('Request')).toBe('GET /api/v2/shifts?mode=overview');
    expect(about.get('Host')).toBe('https://acme.humanity.com');
    expect(about.get('Username')).toBe('ada');
    expect(about.get('Filter')).toBe('Ada');
  });

  it('names the account a Pull range ran for, and says "not known" of a response it has no origin for', async () => {
    chosen = join(dir, 'pull.xlsx');
    await rowFiles().rowsXlsx({ columns: ['id'], rows: [['1']], count: 1 }, 'pull', PULL);
    const pull = new Map((await readWorkbook(chosen)).sheets.get('About')!.map(([label, value]) => [label, value]));
    expect([pull.get('Request'), pull.get('Host'), pull.get('Username')]).toEqual(['GET /api/v2/shifts', 'https://acme.humanity.com', 'bo']);
    chosen = join(dir, 'unknown.xlsx');
    await rowFiles().rowsXlsx({ columns: ['id'], rows: [['1']], count: 1 }, 'table', { responseId: 'never-noted' });
    const unknown = new Map((await readWorkbook(chosen)).sheets.get('About')!.map(([label, value]) => [label, value]));
    expect([unknown.get('Request'), unknown.get('Host'), unknown.get('Username')]).toEqual(['not known', 'not known', 'not known']);
  });

  it('says a workbook cannot hold the rows before asking where, and explains a failed write', async () => {
    const wide = { columns: Array.from({ length: 16_385 }, (_, i) => `c${i}`), rows: [], count: 0 };
    await expect(rowFiles().rowsXlsx(wide, 'pull', PULL)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('columns do not fit') });
    expect(asked).toEqual([]);
    chosen = join(dir, 'no-such-folder', 'pull.xlsx');
    await expect(rowFiles().rowsXlsx({ columns: ['id'], rows: [['1']], count: 1 }, 'pull', PULL)).rejects.toMatchObject({
      code: 'storage_failed',
      message: expect.stringContaining(chosen),
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    expect(await rowFiles().rowsJson(rows, 'json', 'pull')).toEqual({ saved: false, path: '', rows: 0 });
    expect(await rowFiles().rowsCsv({ columns: ['id'], rows: [['1']], count: 1 }, 'table')).toEqual({ saved: false, path: '', rows: 0, columns: 0 });
    expect(await rowFiles().rowsXlsx({ columns: ['id'], rows: [['1']], count: 1 }, 'table', { responseId: 'r1' })).toEqual({ saved: false, path: '', rows: 0, columns: 0 });
    expect(readdirSync(dir)).toEqual([]);
  });
});
