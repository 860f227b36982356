import { describe, expect, it } from 'vitest';
import { toWire } from './ipc-wire';

/** What the page gets back: the preload shim's side of the binding (launch-app.ts). */
const received = (wire: ReturnType<typeof toWire>): unknown => ('json' in wire ? JSON.parse(wire.json) : wire.value);

describe('toWire', () => {
  it('sends a plain answer as JSON text that parses back to what structured cloning gives', () => {
    const answer = { ok: true, data: { responseId: 'r1', status: 200, rows: [{ path: '$.data[0]', depth: 2, kind: 'object', size: 12.5 }], note: null, empty: {} } };
    const wire = toWire(answer);
    expect(wire).toHaveProperty('json');
    expect(received(wire)).toEqual(structuredClone(answer));
  });

  it('sends a plain string, number or null as JSON too', () => {
    for (const value of ['text', 42, null, [1, 'two']]) expect(received(toWire(value))).toEqual(value);
  });

  it('hands over as a value what JSON would change: undefined, holes, -0, NaN, Dates, bytes, class instances', () => {
    const unlike = [
      { ok: true, data: { note: undefined } },
      [1, , 3],
      { at: -0 },
      { ratio: Number.NaN },
      { when: new Date(0) },
      { bytes: new Uint8Array([1, 2]) },
      { items: new Map([['a', 1]]) },
      undefined,
      { big: 1n },
    ];
    for (const value of unlike) expect(toWire(value)).toEqual({ value });
  });
});
