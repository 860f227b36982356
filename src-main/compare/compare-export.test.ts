// A comparison exported as JSON through the real body worker, over several pages of rows: the
// file is written as the pages are read (never all rows held at once) and is the plain indented
// array, one row a line (docs/architecture.md, "Comparing responses").
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompareRow } from '../shared/contract';
import { createFileSaver, type FileSaver } from '../export/file-saver';
import { createResponseOrigins } from '../export/response-origins';
import { createRowFiles } from '../export/row-files';
import { createTestResponseStore } from '../testing/test-response-store';
import { createCompareService } from './compare-service';

const SHIFTS = 10_000; // 5,000 rows of differences: three pages of 2,000
const body = (title: (id: number) => string) =>
  Buffer.from(JSON.stringify({ status: 1, data: Array.from({ length: SHIFTS }, (_, id) => ({ id, title: title(id), notes: 'the same for every shift, long enough to fill pages' })) }));

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

describe('comparison JSON export', () => {
  it('writes a multi-page comparison as it reads the pages, the same array the rows make', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hae-compare-json-'));
    const responses = createTestResponseStore();
    cleanup.push(() => responses.dispose(), () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'comparison.json');

    // What happens, in order: each page the export reads, and each chunk as the file receives it.
    const events: string[] = [];
    const saver = createFileSaver({ dialogs: { saveFile: async () => path } });
    const files: FileSaver = {
      ...saver,
      write: (to, chunks) =>
        saver.write(
          to,
          (async function* logged() {
            for await (const chunk of chunks) {
              events.push('chunk');
              yield chunk;
            }
          })(),
        ),
    };
    const compareCall: typeof responses.compareCall = (op, input) => {
      if (op === 'comparePage') events.push('page');
      return responses.compareCall(op, input);
    };
    const compare = createCompareService({
      responses: { parsedInfo: (id) => responses.parsedInfo(id), sharedBytes: (id) => responses.sharedBytes(id), compareCall },
      history: { open: async () => ({ request: null as never, summary: null }) },
      rowFiles: createRowFiles({ files, origins: createResponseOrigins(), now: Date.now }),
    });

    const before = await responses.keep(body((id) => `Shift ${id}`));
    const after = await responses.keep(body((id) => (id % 2 ? `Moved ${id}` : `Shift ${id}`)));
    const summary = await compare.start({ before: { responseId: before.responseId }, after: { responseId: after.responseId }, key: null });
    expect(summary.counts).toMatchObject({ changed: SHIFTS / 2, rows: SHIFTS / 2 });

    const saved = await compare.export({ compareId: summary.compareId, format: 'json' });
    expect(saved).toEqual({ saved: true, path, rows: SHIFTS / 2 });
    expect(events.filter((event) => event === 'page').length).toBeGreaterThan(1);
    // The first chunk reached the file before the last page was read.
    expect(events.indexOf('chunk')).toBeLessThan(events.lastIndexOf('page'));

    // Every row once, in order, values themselves; the text is the indented array, one row a line.
    const { rows } = await responses.compareCall('comparePage', { docId: summary.compareId, filter: 'all', query: '', offset: 0, limit: SHIFTS, whole: true });
    const asValues = (row: CompareRow) => ({ key: row.key, path: row.path, kind: row.kind, before: JSON.parse(row.before!), after: JSON.parse(row.after!) });
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(`[\n  ${rows.map((row) => JSON.stringify(asValues(row))).join(',\n  ')}\n]\n`);
    const written = JSON.parse(text) as Array<ReturnType<typeof asValues>>;
    expect(written).toHaveLength(SHIFTS / 2);
    expect(written[0]).toEqual({ key: '1', path: '/title', kind: 'changed', before: 'Shift 1', after: 'Moved 1' });
    expect(written.at(-1)).toEqual({ key: String(SHIFTS - 1), path: '/title', kind: 'changed', before: `Shift ${SHIFTS - 1}`, after: `Moved ${SHIFTS - 1}` });
  });
});
