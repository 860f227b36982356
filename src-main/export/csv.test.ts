import { describe, expect, it } from 'vitest';
import { csvCell, csvChunks } from './csv';
import { flattenedRowStream } from './row-stream';

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Main St 5')).toBe('Main St 5');
    expect(csvCell('')).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180), doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });

  it('keeps negative numbers as numbers', () => {
    for (const number of ['-12', '-0.5', '-.5', '-1e3', '-2.5E-4']) expect(csvCell(number)).toBe(number);
  });
});

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

describe('csvChunks', () => {
  it('writes a BOM, a header line and CRLF-ended rows with empty cells for missing keys', async () => {
    const rows = flattenedRowStream([{ name: 'Ada', city: 'Paris, FR' }, { name: '=cmd', extra: -4 }]);
    expect((await collect(csvChunks(rows))).join('')).toBe('\uFEFFname,city,extra\r\nAda,"Paris, FR",\r\n\'=cmd,,-4\r\n');
  });

  it('defuses and quotes header cells too', async () => {
    expect((await collect(csvChunks(flattenedRowStream([{ '=x,y': 1 }])))).join('')).toBe('\uFEFF"\'=x,y"\r\n1\r\n');
  });

  it('takes rows that arrive a page at a time', async () => {
    async function* pages() {
      yield ['1', 'a'];
      yield ['2', 'b'];
    }
    expect((await collect(csvChunks({ columns: ['id', 'name'], rows: pages(), count: 2 }))).join('')).toBe('\uFEFFid,name\r\n1,a\r\n2,b\r\n');
  });

  it('yields large tables in chunks that join to the whole file', async () => {
    const rows = flattenedRowStream(Array.from({ length: 200 }, (_, id) => ({ id, name: `Employee ${id}` })));
    const chunks = await collect(csvChunks(rows, 500));
    expect(chunks.length).toBeGreaterThan(5);
    const lines = chunks.join('').split('\r\n');
    expect(lines).toHaveLength(202);
    expect(lines[200]).toBe('199,Employee 199');
    expect(lines[201]).toBe('');
  });
});
