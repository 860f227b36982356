import { describe, expect, it } from 'vitest';
import { prettyJsonChunks } from './pretty-json';

const pretty = (text: string, chunkChars?: number) => [...prettyJsonChunks(text, chunkChars)].join('');

describe('prettyJsonChunks', () => {
  it('matches JSON.stringify(value, null, 2) for ordinary JSON, whatever the input spacing', () => {
    const text = ` {"status" :1,\r\n\t"data":[ {"id":-12.5,"name":"Ada \\"the\\" Countess","tags":[],"meta":{ },"ok":true},
      {"id":0,"path":"a\\\\b","note":"[not, {an: array}]","line":"one\\ntwo","nothing":null,"false":false} ],
      "nested":[[1,[2,[]]],{"a":{"b":{"c":"d"}}}], "empty": "" } `;
    expect(pretty(text)).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });

  it('keeps the received digits and escapes instead of re-encoding them', () => {
    const text = '{"id":12345678901234567890,"price":1.10,"city":"caf\\u00e9","url":"a\\/b"}';
    expect(pretty(text)).toBe('{\n  "id": 12345678901234567890,\n  "price": 1.10,\n  "city": "caf\\u00e9",\n  "url": "a\\/b"\n}');
  });

  it('prints scalar roots as they are', () => {
    expect(pretty('"text"')).toBe('"text"');
    expect(pretty(' 42 ')).toBe('42');
    expect(pretty('null')).toBe('null');
    expect(pretty('[]')).toBe('[]');
  });

  it('yields the output in several chunks of at least the requested size', () => {
    const value = { data: Array.from({ length: 50 }, (_, id) => ({ id, name: `Employee ${id}` })) };
    const chunks = [...prettyJsonChunks(JSON.stringify(value), 100)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 100)).toBe(true);
    expect(chunks.join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('finds the end of strings that end in escaped backslashes', () => {
    const text = '["\\\\","\\\\\\"",{"k\\\\":"}"}]';
    expect(pretty(text)).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });
});
