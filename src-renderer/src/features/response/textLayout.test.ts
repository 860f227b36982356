import { describe, expect, it } from 'vitest';
import { BLOCK_CHARS, TextLayout } from './textLayout';

function loadAll(text: string, width: number, order: 'forward' | 'backward' = 'forward'): TextLayout {
  const layout = new TextLayout(text.length, width);
  const blocks = [...Array(layout.blockCount).keys()];
  if (order === 'backward') blocks.reverse();
  for (const block of blocks) {
    const { offset, length } = layout.fetchRange(block);
    layout.add(block, text.slice(offset, offset + length));
  }
  return layout;
}

function allRows(layout: TextLayout): string[] {
  return Array.from({ length: layout.totalRows }, (_, i) => layout.rowText(i)!);
}

/** Lines of `text`, each wrapped at `width`. */
function wrapped(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => (line === '' ? [''] : (line.match(new RegExp(`.{1,${width}}`, 'gs')) ?? [''])));
}

const pretty = JSON.stringify(
  Array.from({ length: 4000 }, (_, i) => ({ id: i, title: `Shift ${i}`, notes: i % 97 === 0 ? 'x'.repeat(300) : '', employees: [{ id: i * 7, name: 'Priya Natarajan' }] })),
  null,
  2,
);
const minified = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ id: i, title: `Shift ${i}`, paid: 7.5 })));

describe('text layout', () => {
  it('lays pretty text out as its lines, wrapped, whatever order the blocks arrive in', () => {
    expect(pretty.length).toBeGreaterThan(BLOCK_CHARS * 5);
    for (const order of ['forward', 'backward'] as const) {
      const layout = loadAll(pretty, 120, order);
      expect(allRows(layout)).toEqual(wrapped(pretty, 120));
    }
  });

  it('wraps a text without line breaks at multiples of the width, across blocks', () => {
    const layout = loadAll(minified, 100);
    const rows = allRows(layout);
    expect(rows.join('')).toBe(minified);
    expect(rows.slice(0, -1).every((row) => row.length === 100)).toBe(true);
    expect(layout.totalRows).toBe(Math.ceil(minified.length / 100));
  });

  it('estimates blocks not yet seen, and an anchor keeps its place when they arrive', () => {
    const layout = new TextLayout(pretty.length, 120);
    const first = layout.fetchRange(0);
    layout.add(0, pretty.slice(first.offset, first.offset + first.length));
    const estimate = layout.totalRows;
    const actual = wrapped(pretty, 120).length;
    expect(Math.abs(estimate - actual) / actual).toBeLessThan(0.2);

    const middle = Math.floor(layout.blockCount / 2);
    const anchor = layout.locate(layout.totalRows / 2);
    expect(anchor.block).toBeGreaterThan(0);
    for (let block = 1; block <= anchor.block; block += 1) {
      const { offset, length } = layout.fetchRange(block);
      layout.add(block, pretty.slice(offset, offset + length));
    }
    const index = layout.indexOf(anchor);
    expect(layout.locate(index).block).toBe(anchor.block);
    expect(layout.rowText(index)).toBeDefined();
    expect(middle).toBeGreaterThan(0);
  });

  it('finds a row by character offset after a new width', () => {
    const layout = loadAll(pretty, 120);
    const row = 2000;
    const offset = layout.charOffset(row)!;
    const text = layout.rowText(row)!;
    layout.setWidth(60);
    expect(allRows(layout)).toEqual(wrapped(pretty, 60));
    const again = layout.rowOfChar(offset)!;
    expect(layout.rowText(again)!.startsWith(text.slice(0, 10))).toBe(true);
  });

  it('an empty text is one empty row', () => {
    const layout = loadAll('', 80);
    expect(layout.totalRows).toBe(1);
    expect(layout.rowText(0)).toBe('');
  });
});
