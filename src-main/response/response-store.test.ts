import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../shared/app-error';
import { lazyStoredResponse, ResponseStore } from './response-store';

const body = { status: 1, data: [{ id: 1, name: 'Ada' }], error: null };
const text = JSON.stringify(body);

function storeWith(maxEntries?: number) {
  const store = new ResponseStore(maxEntries);
  store.put('r1', { text, json: { value: body } });
  return store;
}

function expectNotFound(fn: () => unknown) {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe('not_found');
  expect((caught as AppError).message).toMatch(/^[A-Z].*\.$/);
}

describe('ResponseStore', () => {
  it('serves tree rows of the stored JSON', () => {
    const store = storeWith();
    const page = store.tree('r1', ['', '/data'], 0, 100);
    expect(page.totalRows).toBe(5);
    expect(page.rows.map((r) => r.path)).toEqual(['', '/status', '/data', '/data/0', '/error']);
    expect(page.rows[2]).toMatchObject({ kind: 'array', preview: '[1 item]', expanded: true });
  });

  it('pages tree rows', () => {
    const store = storeWith();
    const page = store.tree('r1', ['', '/data', '/data/0'], 2, 2);
    expect(page.totalRows).toBe(7);
    expect(page.rows.map((r) => r.path)).toEqual(['/data', '/data/0']);
  });

  it('shows a non-JSON body as one string row', () => {
    const store = new ResponseStore();
    store.put('html', { text: '<html>Server error</html>', json: null });
    const page = store.tree('html', [''], 0, 10);
    expect(page.totalRows).toBe(1);
    expect(page.rows[0]).toMatchObject({ kind: 'string', preview: '"<html>Server error</html>"' });
  });

  it('pages the raw text with offset, length and totalChars', () => {
    const store = storeWith();
    expect(store.text('r1', 0, 10, false)).toEqual({ text: text.slice(0, 10), offset: 0, totalChars: text.length });
    expect(store.text('r1', 10, 5, false)).toEqual({ text: text.slice(10, 15), offset: 10, totalChars: text.length });
    expect(store.text('r1', text.length - 3, 100, false).text).toBe(text.slice(-3));
    expect(store.text('r1', text.length + 5, 10, false)).toEqual({ text: '', offset: text.length + 5, totalChars: text.length });
  });

  it('serves pretty text computed from the JSON', () => {
    const store = storeWith();
    const pretty = JSON.stringify(body, null, 2);
    const page = store.text('r1', 0, 1_000_000, true);
    expect(page.text).toBe(pretty);
    expect(page.totalChars).toBe(pretty.length);
    expect(store.text('r1', 4, 6, true).text).toBe(pretty.slice(4, 10));
    // The raw form is still served as it came.
    expect(store.text('r1', 0, 1_000_000, false).text).toBe(text);
  });

  it('falls back to the raw text for pretty when the body is not JSON', () => {
    const store = new ResponseStore();
    store.put('t', { text: 'not json at all', json: null });
    expect(store.text('t', 0, 100, true)).toEqual({ text: 'not json at all', offset: 0, totalChars: 15 });
  });

  it('keeps JSON whose value is null or false distinct from "no JSON"', () => {
    const store = new ResponseStore();
    store.put('n', { text: 'null', json: { value: null } });
    expect(store.tree('n', [], 0, 10).rows[0]).toMatchObject({ kind: 'null', preview: 'null' });
  });

  it('answers not_found with a sentence for an unknown id', () => {
    const store = storeWith();
    expectNotFound(() => store.tree('nope', [], 0, 10));
    expectNotFound(() => store.text('nope', 0, 10, false));
  });

  it('evicts the oldest entries beyond maxEntries', () => {
    const store = new ResponseStore(2);
    store.put('a', { text: '"a"', json: { value: 'a' } });
    store.put('b', { text: '"b"', json: { value: 'b' } });
    store.put('c', { text: '"c"', json: { value: 'c' } });
    expectNotFound(() => store.text('a', 0, 10, false));
    expect(store.text('b', 0, 10, false).text).toBe('"b"');
    expect(store.text('c', 0, 10, false).text).toBe('"c"');
    store.put('d', { text: '"d"', json: { value: 'd' } });
    expectNotFound(() => store.tree('b', [], 0, 10));
  });

  it('keeps 16 entries by default', () => {
    const store = new ResponseStore();
    for (let i = 0; i < 17; i += 1) store.put(`r${i}`, { text: String(i), json: { value: i } });
    expectNotFound(() => store.text('r0', 0, 10, false));
    expect(store.text('r1', 0, 10, false).text).toBe('1');
    expect(store.text('r16', 0, 10, false).text).toBe('16');
  });

  it('clear() forgets everything', () => {
    const store = storeWith();
    store.clear();
    expectNotFound(() => store.text('r1', 0, 10, false));
  });
});

describe('ResponseStore.get', () => {
  it('returns the kept body, and not_found once it is gone', () => {
    const store = storeWith();
    expect(store.get('r1')).toEqual({ text, json: { value: body } });
    store.clear();
    expectNotFound(() => store.get('r1'));
  });
});

describe('lazyStoredResponse', () => {
  it('parses only when the JSON is first asked for, and only once', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const store = new ResponseStore();
      store.put('h', lazyStoredResponse(text));
      expect(store.text('h', 0, 5, false).text).toBe(text.slice(0, 5));
      expect(parse).not.toHaveBeenCalled();
      expect(store.tree('h', [''], 0, 10).totalRows).toBe(4);
      expect(store.text('h', 0, 1_000_000, true).text).toBe(JSON.stringify(body, null, 2));
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('gives no JSON for text that is not JSON or is empty', () => {
    expect(lazyStoredResponse('<html>').json).toBeNull();
    expect(lazyStoredResponse('  ').json).toBeNull();
    expect(lazyStoredResponse('false').json).toEqual({ value: false });
  });
});
