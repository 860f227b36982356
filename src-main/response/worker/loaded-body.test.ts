// A kept body parsed again from its bytes: exactly JSON.parse's value and the body's facts,
// with a big array kept as batches (a Proxy over batch texts) whenever it can be cut.
import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { byteWindow, parsedText } from '../shared/body-text';
import { parseLoadedBody } from './loaded-body';

const MB = 1024 * 1024;

function shifts(count: number, extra: (i: number) => string = () => '') {
  const items = Array.from({ length: count }, (_, i) => `{"id":${i},"title":"Shift ${i} – Zoë 😀","employees":[{"id":${i % 9},"name":"N${i}"},{"id":${i % 7},"title":"nested look-alike"}]${extra(i)}}`);
  return `{"status":1,"data":[${items.join(',')}],"metadata":[],"token":"[REDACTED]","error":null}`;
}

describe('parseLoadedBody', () => {
  it('gives a big envelope as JSON.parse does, its array kept in batches, and the facts of decodeBody', () => {
    const text = shifts(40_000);
    expect(text.length).toBeGreaterThan(4 * MB);
    const bytes = Buffer.from(text);
    const { value, ...facts } = parseLoadedBody(bytes);
    expect(types.isProxy((value as { data: unknown }).data)).toBe(true);
    expect(value).toEqual(JSON.parse(text));
    expect(facts).toMatchObject({ isJson: true, head: { status: 1, error: null }, textChars: text.length });
    // Checkpoints from characters to bytes that find any window of the raw text.
    for (const offset of [0, 1, 65_537, Math.floor(text.length / 2), text.length - 9]) {
      const { start, end, skip } = byteWindow(facts.charIndex, bytes.length, offset, 5000);
      expect(bytes.subarray(start, end).toString().slice(skip, skip + 5000)).toBe(text.slice(offset, offset + 5000));
    }
  });

  it('takes an element longer than a batch, and a root array', () => {
    const huge = shifts(12_000, (i) => (i === 6000 ? `,"notes":"${'x'.repeat(3 * MB)}"` : ''));
    const root = `[${huge.slice(huge.indexOf('[') + 1, huge.indexOf('],"metadata"'))}]`;
    for (const text of [huge, root]) {
      const { value } = parseLoadedBody(Buffer.from(text));
      const array = Array.isArray(value) ? value : (value as { data: unknown[] }).data;
      expect(types.isProxy(array)).toBe(true);
      expect(value).toEqual(JSON.parse(text));
    }
  });

  it('parses whole what cannot be cut or trusted, with the same outcome as a whole parse', () => {
    const big = shifts(20_000);
    const cases = {
      'a small body': '{"status":1,"data":[{"id":1}],"error":null}',
      'a duplicate key after the array': big.replace(/,"error":null}$/, ',"data":[1],"error":null}'),
      'broken JSON deep inside': big.replace('"id":15000,', '"id":15000,,'),
      'pretty-printed': JSON.stringify(JSON.parse(big), null, 2),
      'elements whose second key changes after the first': big.replace('{"id":0,"title":', '{"id":0,"name":"first","title":'),
      'elements that are not objects': `{"data":[${Array.from({ length: 300_000 }, (_, i) => i).join(',')}]}`,
      'text that is not JSON': `<html>${'x'.repeat(3 * MB)}</html>`,
      'no body': '',
    };
    for (const [label, text] of Object.entries(cases)) {
      const loaded = parseLoadedBody(Buffer.from(text));
      const expected = parsedText(text);
      expect(loaded.isJson, label).toBe(expected.isJson);
      expect(loaded.value, label).toEqual(expected.value);
      expect(loaded.textChars, label).toBe(text.length);
    }
  });
});
