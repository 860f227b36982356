import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error';
import { NOT_JSON_AFTER_ALL, type CompareSide } from '../../worker-protocol';
import { comparisonHandlers } from './comparisons';

const bytesOf = (value: unknown, docId: string, text = JSON.stringify(value)): CompareSide => {
  const bytes = Buffer.from(text);
  const shared = new SharedArrayBuffer(bytes.length);
  bytes.copy(Buffer.from(shared));
  return { docId, bytes: shared, end: bytes.length };
};

describe('the worker’s comparisons', () => {
  it('parses both bodies from their bytes and keeps the four latest comparisons', () => {
    const handlers = comparisonHandlers();
    const facts = handlers.compare({ docId: 'c1', before: bytesOf({ data: [{ id: 1, a: 1 }] }, 'earlier'), after: bytesOf({ data: [{ id: 1, a: 2 }, { id: 2 }] }, 'later'), key: null });
    expect(facts.counts).toMatchObject({ added: 1, changed: 1, removed: 0 });
    expect(handlers.comparePage({ docId: 'c1', filter: 'changed', query: '', offset: 0, limit: 10, whole: false }).rows).toMatchObject([{ key: '1', path: '/a', before: '1', after: '2' }]);

    for (const id of ['c2', 'c3', 'c4', 'c5']) handlers.compare({ docId: id, before: bytesOf([1], 'x'), after: bytesOf([2], 'y'), key: null });
    expect(() => handlers.comparePage({ docId: 'c1', filter: 'all', query: '', offset: 0, limit: 10, whole: false })).toThrow(AppError);
    expect(handlers.comparePage({ docId: 'c2', filter: 'all', query: '', offset: 0, limit: 10, whole: false }).matched).toBe(1);
    handlers.compareForget({ docId: 'c2' });
    expect(() => handlers.comparePage({ docId: 'c2', filter: 'all', query: '', offset: 0, limit: 10, whole: false })).toThrow('That comparison is no longer kept. Compare the two responses again.');
  });

  it('refuses a side that is not JSON, whatever main believed of it, and keeps no comparison', () => {
    const handlers = comparisonHandlers();
    const broken = bytesOf(null, 'broken', '{"data":[{"id":1},{"id":2,}]}');
    for (const [before, after] of [[broken, bytesOf({ data: [] }, 'fine')], [bytesOf({ data: [] }, 'fine'), broken]]) {
      expect(() => handlers.compare({ docId: 'c', before: before!, after: after!, key: null })).toThrow(NOT_JSON_AFTER_ALL);
    }
    expect(() => handlers.comparePage({ docId: 'c', filter: 'all', query: '', offset: 0, limit: 10, whole: false })).toThrow('no longer kept');
  });
});
