import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openAtomicFile } from '../atomic-file';
import { readWorkbook } from '../../testing/read-workbook';
import { flattenedRowStream, type RowStream } from '../row-stream';
import { SHEET_MAX_COLUMNS, SHEET_MAX_ROWS, writeXlsxAtomic, type SheetAbout } from './xlsx-writer';

// The real atomic file, which one test makes fail part-way, as a full disk would.
vi.mock('../atomic-file', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../atomic-file')>();
  return { ...actual, openAtomicFile: vi.fn(actual.openAtomicFile) };
});

const about: SheetAbout = {
  request: 'GET /api/v2/shifts?mode=overview',
  account: { host: 'https://www.humanity.com', username: 'admin@example.com' },
  exportedAt: new Date(2026, 0, 5, 14, 30, 0).getTime(),
  details: [['Filter', 'Front desk']],
};

function target(): string {
  return join(mkdtempSync(join(tmpdir(), 'hae-xlsx-')), 'rows.xlsx');
}

const records = [
  { id: 101, name: 'Ada', hours: 7.5, paid: true, day: '2026-01-05', start: '2026-01-05 09:00:00', formula: '=HYPERLINK("http://evil")', code: '007', date: { formatted: 'Jan 5, 2026' } },
  { id: 102, name: '+1+2', hours: '8.50', paid: false, day: '2026-01-06', start: '2025-10-02T17:00:00+00:00', formula: '@SUM(A1)', code: '-2+3', notes: 'late' },
];

describe('writeXlsxAtomic', () => {
  it('writes typed cells under the header, and reads back the same with another library', async () => {
    const path = target();
    expect(await writeXlsxAtomic(path, flattenedRowStream(records), about)).toBe(2);
    const rows = (await readWorkbook(path)).sheets.get('Rows')!;
    expect(rows[0]).toEqual(['id', 'name', 'hours', 'paid', 'day', 'start', 'formula', 'code', 'date.formatted', 'notes']);
    expect(rows[1]).toEqual([101, 'Ada', 7.5, true, new Date(Date.UTC(2026, 0, 5)), new Date(Date.UTC(2026, 0, 5, 9)), '=HYPERLINK("http://evil")', '007', new Date(Date.UTC(2026, 0, 5)), null]);
    expect(rows[2]).toEqual([102, '+1+2', 8.5, false, new Date(Date.UTC(2026, 0, 6)), new Date(Date.UTC(2025, 9, 2, 17)), '@SUM(A1)', '-2+3', null, 'late']);
    expect(rows).toHaveLength(3);
  });

  it('stores formula-like text as strings, never formulas, and dates with a date format', async () => {
    const path = target();
    await writeXlsxAtomic(path, flattenedRowStream(records), about);
    const { parts } = await readWorkbook(path);
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toContain('=HYPERLINK(&quot;http://evil&quot;)');
    expect(parts.get('xl/styles.xml')).toMatch(/formatCode="yyyy-mm-dd"/);
    expect(parts.get('xl/styles.xml')).toMatch(/formatCode="yyyy-mm-dd hh:mm:ss"/);
  });

  it('freezes the bold header row and puts an autofilter on it', async () => {
    const path = target();
    await writeXlsxAtomic(path, flattenedRowStream(records), about);
    const { parts } = await readWorkbook(path);
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toContain('<autoFilter ref="A1:J1"/>');
    const headerStyle = Number(/<c r="A1" s="(\d+)"/.exec(sheet)![1]);
    const styles = parts.get('xl/styles.xml')!;
    const fontId = Number([...styles.split('<cellXfs')[1]!.matchAll(/<xf [^>]*fontId="(\d+)"/g)][headerStyle]![1]);
    expect(styles.split('<fonts')[1]!.split('</font>')[fontId]).toContain('<b/>');
  });

  it('adds an About sheet with the request, the account, the time and the row count, never a token', async () => {
    const path = target();
    await writeXlsxAtomic(path, flattenedRowStream(records), about);
    const { sheets } = await readWorkbook(path);
    expect([...sheets.keys()]).toEqual(['Rows', 'About']);
    expect(sheets.get('About')).toEqual([
      ['Request', 'GET /api/v2/shifts?mode=overview'],
      ['Host', 'https://www.humanity.com'],
      ['Username', 'admin@example.com'],
      ['Exported at', new Date(Date.UTC(2026, 0, 5, 14, 30, 0))],
      ['Rows', 2],
      ['Columns', 10],
      ['Filter', 'Front desk'],
    ]);
  });

  it('takes rows that arrive a page at a time, thousands of them', async () => {
    async function* pages() {
      for (let i = 0; i < 5000; i += 1) yield [String(i), `Employee ${i}`];
    }
    const path = target();
    expect(await writeXlsxAtomic(path, { columns: ['id', 'name'], rows: pages(), count: 5000 }, about)).toBe(5000);
    const rows = (await readWorkbook(path)).sheets.get('Rows')!;
    expect(rows).toHaveLength(5001);
    expect(rows[5000]).toEqual([4999, 'Employee 4999']);
  });

  it('streams: the file grows while the rows are still being produced, not only at the end', async () => {
    const path = target();
    const folder = join(path, '..');
    let sizeMidway = 0;
    function* rows() {
      for (let i = 0; i < 40_000; i += 1) {
        if (i === 30_000) sizeMidway = readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
        yield [String(i), `Employee ${i} of a long enough name to fill the sheet`, '2026-01-05 09:00:00', 'true'];
      }
    }
    expect(await writeXlsxAtomic(path, { columns: ['id', 'name', 'start', 'active'], rows: rows(), count: 40_000 }, about)).toBe(40_000);
    expect(sizeMidway).toBeGreaterThan(100_000);
    expect(statSync(path).size).toBeGreaterThan(sizeMidway);
  });

  it('leaves the previous file and no temporary file when the rows fail on the way', async () => {
    const path = target();
    writeFileSync(path, 'previous');
    async function* failing() {
      for (let i = 0; i < 1200; i += 1) yield [String(i)];
      throw new Error('the body worker stopped');
    }
    await expect(writeXlsxAtomic(path, { columns: ['id'], rows: failing(), count: 2000 }, about)).rejects.toThrow('the body worker stopped');
    expect(readdirSync(join(path, '..'))).toEqual(['rows.xlsx']);
    expect(readFileSync(path, 'utf8')).toBe('previous');
  });

  it('stops with the write error when the disk fills part-way, leaving no file behind', async () => {
    const { openAtomicFile: realOpen } = await vi.importActual<typeof import('../atomic-file')>('../atomic-file');
    let writes = 0;
    vi.mocked(openAtomicFile).mockImplementationOnce(async (path) => {
      const file = await realOpen(path);
      return {
        ...file,
        async write(chunk) {
          if ((writes += 1) > 3) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          return file.write(chunk);
        },
      };
    });
    function* rows() {
      for (let i = 0; i < 200_000; i += 1) yield [String(i), `Employee ${i} with a name long enough to fill the zip`];
    }
    const path = target();
    await expect(writeXlsxAtomic(path, { columns: ['id', 'name'], rows: rows(), count: 200_000 }, about)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(writes).toBe(4);
    expect(readdirSync(join(path, '..'))).toEqual([]);
  });

  it('refuses rows or columns beyond one Excel sheet with a sentence, before writing anything', async () => {
    const path = target();
    const tooLong: RowStream = { columns: ['id'], rows: [], count: SHEET_MAX_ROWS + 1 };
    await expect(writeXlsxAtomic(path, tooLong, about)).rejects.toThrow(/1,048,576 rows do not fit in one Excel sheet .*export CSV/);
    const tooWide: RowStream = { columns: Array.from({ length: SHEET_MAX_COLUMNS + 1 }, (_, i) => `c${i}`), rows: [], count: 1 };
    await expect(writeXlsxAtomic(path, tooWide, about)).rejects.toThrow(/16,385 columns do not fit/);
    expect(existsSync(path)).toBe(false);
  });
});
