import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../sandbox/shift-generator';
import { TextKernel, type ScanState } from './text-kernel';

type Event = [offset: number, byte: number, depth: number];

/** The kernel's events, worked out a byte at a time: what text-kernel.wat must find. */
function expectedEvents(bytes: Uint8Array): Event[] {
  const events: Event[] = [];
  let [depth, inString, escaped] = [0, false, false];
  bytes.forEach((byte, at) => {
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === 0x5c) escaped = true;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x2c && depth <= 2) events.push([at, byte, depth]);
    else if (byte === 0x5b || byte === 0x7b) {
      if (depth <= 1) events.push([at, byte, depth]);
      depth += 1;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth -= 1;
      if (depth <= 1) events.push([at, byte, depth]);
    }
  });
  return events;
}

/** The kernel's events for `bytes` given in stretches of random lengths. */
function kernelEvents(bytes: Uint8Array, seed: number): Event[] {
  const kernel = TextKernel.get();
  const random = mulberry32(seed);
  const state: ScanState = { depth: 0, inString: false, skip: 0 };
  const events: Event[] = [];
  for (let from = 0; from < bytes.length; ) {
    const to = Math.min(bytes.length, from + 1 + Math.floor(random() * (random() < 0.3 ? 20 : kernel.stretchBytes)));
    const count = kernel.scan(bytes.subarray(from, to), state);
    for (let event = 0; event < count; event += 1) {
      const word = kernel.events[2 * event]!;
      events.push([from + (word & 0xffffff), word >>> 24, kernel.events[2 * event + 1]!]);
    }
    from = to;
  }
  return events;
}

const ESCAPES = ['\\', '\\"', '\\\\'];

/** Bytes that look like JSON: structure, strings with escapes and multi-byte characters, runs of letters. */
function jsonish(random: () => number, length: number, parts = ['"', ...ESCAPES, ',', '[', ']', '{', '}', ':', ' ', 'Zoë', '😀', 'schedule_location_id', '12.5', 'y_Y', '\u007f']): Uint8Array {
  let text = '';
  while (text.length < length) text += parts[Math.floor(random() * parts.length)];
  return Buffer.from(text);
}

/**
 * JSON-like text with no backslash whose depth wanders around 2: an opening when it is below 3, a
 * closing when above, either at random otherwise; strings hold brackets, braces and commas.
 */
function nearDepthTwo(random: () => number, length: number): Uint8Array {
  const words = ['"a,b]"', '"}{["', '12', 'Zoë', '😀', ':', ' ', 'schedule_location_id'];
  let [text, depth] = ['', 0];
  while (text.length < length) {
    const roll = random();
    if (roll < 0.3) {
      const open = depth < 2 || (depth < 5 && random() < 0.5);
      text += open ? (random() < 0.5 ? '[' : '{') : random() < 0.5 ? ']' : '}';
      depth += open ? 1 : -1;
    } else if (roll < 0.5) text += ',';
    else text += words[Math.floor(random() * words.length)];
  }
  return Buffer.from(text);
}

describe('the WebAssembly text kernel: scan', () => {
  it('finds the events a byte-by-byte scan finds, however the text is cut into stretches', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const bytes = jsonish(mulberry32(seed), seed < 4 ? 3000 : 400_000);
      expect(kernelEvents(bytes, seed)).toEqual(expectedEvents(bytes));
    }
  });

  it('finds them where blocks hold no backslash, and so are read whole: strings across blocks, depth around 2', () => {
    for (const seed of [11, 12, 13]) {
      const bytes = Buffer.concat([nearDepthTwo(mulberry32(seed), 300_000), jsonish(mulberry32(seed), 4000)]);
      const expected = expectedEvents(bytes);
      // The premise: the text keeps coming back to depth 2, where commas leave events.
      expect(expected.filter(([, byte, depth]) => byte === 0x2c && depth === 2).length).toBeGreaterThan(1000);
      expect(kernelEvents(bytes, seed)).toEqual(expected);
    }
  });

  it('finds them in real JSON: a body of shifts with escaped and non-ASCII strings', () => {
    const data = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `Zoë "Z" ${i}\\`, tags: [`a,b]${i}`, { x: '}' }] }));
    const bytes = Buffer.from(JSON.stringify({ status: 1, data }));
    expect(kernelEvents(bytes, 9)).toEqual(expectedEvents(bytes));
  });

  it('leaves the state a stretch ends in for the next: inside a string, after a backslash, deep', () => {
    const kernel = TextKernel.get();
    const state: ScanState = { depth: 0, inString: false, skip: 0 };
    kernel.scan(Buffer.from('[[{"a\\'), state);
    expect(state).toEqual({ depth: 3, inString: true, skip: 1 });
    // The escaped quote does not end the string; the next one does. Then "," at depth 3 and the
    // first "]" are too deep to tell; the second "]" and the "," after it are not.
    expect(kernel.scan(Buffer.from('"",1]],'), state)).toBe(2);
    expect([...kernel.events.subarray(0, 4)]).toEqual([5 | (0x5d << 24), 1, 6 | (0x2c << 24), 1]);
    expect(state).toEqual({ depth: 1, inString: false, skip: 0 });
  });

  it('tells a depth far below zero exactly (a stray closing bracket in every byte of a huge body)', () => {
    const kernel = TextKernel.get();
    const deep = -(2 ** 24) - 5;
    const state: ScanState = { depth: deep, inString: false, skip: 0 };
    expect(kernel.scan(Buffer.from(' ],'), state)).toBe(2);
    expect([...kernel.events.subarray(0, 4)]).toEqual([1 | (0x5d << 24), deep - 1, 2 | (0x2c << 24), deep - 1]);
  });
});

describe('the WebAssembly text kernel: units', () => {
  it('counts the UTF-16 units of valid UTF-8 as decoding it would, cut anywhere, even inside a character', () => {
    const kernel = TextKernel.get();
    const random = mulberry32(11);
    const alphabet = ['a', 'Z', ' ', '\u007f', 'é', 'ß', 'Ω', '–', '€', '中', '😀', '𝄞', '\u0000'];
    for (const length of [0, 1, 15, 16, 17, 5000, 700_000]) {
      let text = '';
      while (text.length < length) text += alphabet[Math.floor(random() * alphabet.length)];
      const bytes = Buffer.from(text);
      let units = 0;
      for (let from = 0; from < bytes.length; ) {
        const to = Math.min(bytes.length, from + 1 + Math.floor(random() * (random() < 0.5 ? 7 : 300_000)));
        units += kernel.units(bytes, from, to);
        from = to;
      }
      expect(units, `${length} characters`).toBe(text.length);
    }
  });
});
