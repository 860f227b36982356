// The response channel against a real response store and body worker.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResponseStore } from '../response/main/response-store';
import { createTestResponseStore } from '../testing/test-response-store';
import { createResponseChannel } from './response-channel';

let responses: ResponseStore;
beforeEach(() => {
  responses = createTestResponseStore();
});
afterEach(() => responses.dispose());

async function kept(value: unknown) {
  return (await responses.keep(Buffer.from(JSON.stringify(value)))).responseId;
}

describe('response channel', () => {
  it('answers tree, text, rowOf and search for a kept body, passing each window through', async () => {
    const responseId = await kept({ status: 1, data: [{ id: 1, name: 'Ada' }, { id: 2, name: 'Bo' }] });
    const channel = createResponseChannel(responses);
    const tree = await channel.tree({ responseId, expanded: ['', '/data'], offset: 0, limit: 10 });
    expect(tree.rows.map((row) => row.path)).toEqual(['', '/status', '/data', '/data/0', '/data/1']);
    expect((await channel.tree({ responseId, expanded: ['', '/data'], offset: 3, limit: 1 })).rows.map((row) => row.path)).toEqual(['/data/0']);
    const text = await channel.text({ responseId, offset: 0, length: 11, pretty: false });
    expect(text.text).toBe('{"status":1');
    expect((await channel.rowOf({ responseId, expanded: ['', '/data'], path: '/data/1' })).row).toBe(4);
    await expect.poll(async () => (await channel.search({ responseId, query: 'Bo', mode: 'text', offset: 0, limit: 10 })).done).toBe(true);
    const found = await channel.search({ responseId, query: 'Bo', mode: 'text', offset: 0, limit: 10 });
    expect(found.hits.map((hit) => hit.path)).toEqual(['/data/1/name']);
  });

  it('passes on not_found for a body no longer kept', async () => {
    await expect(createResponseChannel(responses).text({ responseId: 'gone', offset: 0, length: 10, pretty: false })).rejects.toMatchObject({ code: 'not_found' });
  });
});
