import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../sandbox/shift-generator';
import { ArrayScan } from './array-scan';
import { TextKernel } from '../shared/text-kernel';

/** Scans `text` in pieces of random sizes (1 byte upwards, up to `most`), as it would arrive. */
function scanInPieces(text: string, seed: number, most = 5000): { scan: ArrayScan; bytes: Buffer } {
  const bytes = Buffer.from(text);
  const random = mulberry32(seed);
  const scan = new ArrayScan();
  for (let at = 0; at < bytes.length; ) {
    at = Math.min(bytes.length, at + 1 + Math.floor(random() * (random() < 0.3 ? 4 : most)));
    scan.scan(bytes, at);
  }
  return { scan, bytes };
}

/** Strings that hold everything the scan must not mistake for structure. */
const TRICKY = ['a,b', '[', ']', '{', '}', '\\"', 'quote " inside', 'back\\\\', '\\\\"', 'Zoë 😀 –', '\\u005b', ''];

function element(random: () => number, depth = 0): unknown {
  const pick = random();
  if (depth > 2 || pick < 0.3) return TRICKY[Math.floor(random() * TRICKY.length)]!.replaceAll('\\\\', '\\');
  if (pick < 0.45) return Math.floor(random() * 1e6) / 7;
  if (pick < 0.5) return [true, false, null][Math.floor(random() * 3)];
  if (pick < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => element(random, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [`${TRICKY[i % TRICKY.length]}${i}`, element(random, depth + 1)]));
}

describe('the scan of a body for its big array', () => {
  it('finds the array, its length and every boundary between elements, however the bytes arrive', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = mulberry32(seed);
      const data = Array.from({ length: 300 }, () => element(random));
      const space = seed % 2 ? '' : ' \n ';
      const text = JSON.stringify({ status: 1, '[key,"': '}', data, error: null }, null, seed % 2 ? undefined : 2).replaceAll('\n', `${space}\n`);
      const { scan, bytes } = scanInPieces(text, seed);
      expect(scan.complete).toBe(true);
      expect(scan.elements(bytes)).toBe(data.length);
      expect(scan.rootEnd).toBe(bytes.length);
      // Cut at the commas, every element parses alone and they are the array.
      const cuts = [scan.start - 1, ...scan.commas, scan.end];
      const elements = cuts.slice(1).map((cut, i) => JSON.parse(bytes.toString('utf8', cuts[i]! + 1, cut)));
      expect(elements).toEqual(data);
    }
  });

  it('finds them in pieces longer than the kernel takes at once, with an escape across its stretches', () => {
    const stretch = TextKernel.get().stretchBytes;
    const random = mulberry32(7);
    const data = Array.from({ length: 6000 }, () => element(random));
    const check = ({ scan, bytes }: { scan: ArrayScan; bytes: Buffer }) => {
      expect(scan.complete).toBe(true);
      expect(scan.elements(bytes)).toBe(data.length);
      const cuts = [scan.start - 1, ...scan.commas, scan.end];
      expect(cuts.slice(1).map((cut, i) => JSON.parse(bytes.toString('utf8', cuts[i]! + 1, cut)))).toEqual(data);
    };
    check(scanInPieces(JSON.stringify({ status: 1, data }), 1, 3 * stretch));
    // Read in one go, so the first stretch ends with a backslash and the quote it escapes starts the next.
    const bytes = Buffer.from(`{"status":1,"pad":"${'x'.repeat(stretch - 20)}\\"],[{,","data":${JSON.stringify(data)}}`);
    expect(bytes[stretch - 1]).toBe(0x5c);
    const scan = new ArrayScan();
    scan.scan(bytes, bytes.length);
    check({ scan, bytes });
  });

  it('takes a root array, an empty array and an array of one', () => {
    for (const [text, length] of [
      ['[1, [2, 3], {"a": [4]}]', 3],
      ['{"data": []}', 0],
      ['{"data": [ ]}', 0],
      ['{"data":[{"only":"one, really"}]}', 1],
    ] as const) {
      const { scan, bytes } = scanInPieces(text, 9);
      expect(scan.complete, text).toBe(true);
      expect(scan.elements(bytes), text).toBe(length);
    }
  });

  it('passes over a short array of the envelope for the big one after it', () => {
    const data = Array.from({ length: 2000 }, (_, i) => ({ id: i, title: `Shift ${i}` }));
    const text = JSON.stringify({ metadata: [1, 2], data, error: null });
    const { scan, bytes } = scanInPieces(text, 3);
    expect(scan.complete).toBe(true);
    expect(bytes.toString('utf8', scan.start - 8, scan.start)).toBe('"data":[');
    expect(scan.elements(bytes)).toBe(2000);
  });

  it('is not complete without a big array, while the root is open, or after a stray bracket', () => {
    for (const text of ['{"status":1,"data":{"id":1}}', '{"data":[1,2,3]', '"just a string"', '{"data":[1]}}]', '']) {
      const { scan } = scanInPieces(text, 4);
      expect(scan.complete, text).toBe(false);
    }
  });
});
