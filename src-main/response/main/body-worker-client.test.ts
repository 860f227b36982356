// Main's side of the body worker against the real worker (from source): calls are answered,
// notices (feeds) are not, even when they fail, and the worker goes on serving calls after them.
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createBodyWorkerFromSource } from '../../testing/ts-worker';
import { BodyWorkerClient } from './body-worker-client';
import type { WorkerPost, WorkerReply } from '../worker-protocol';

let client: BodyWorkerClient | null = null;

afterEach(async () => {
  await client?.close();
  client = null;
});

/** A client whose worker's answers are all kept, in order. */
function watchedClient(): { client: BodyWorkerClient; replies: WorkerReply[]; started: () => number } {
  const replies: WorkerReply[] = [];
  let starts = 0;
  const watched = new BodyWorkerClient((): Worker => {
    starts += 1;
    const worker = createBodyWorkerFromSource();
    worker.on('message', (post: WorkerPost) => {
      if (!('parsing' in post)) replies.push(post);
    });
    return worker;
  });
  client = watched;
  return { client: watched, replies, started: () => starts };
}

function sharedText(text: string): SharedArrayBuffer {
  const shared = new SharedArrayBuffer(Buffer.byteLength(text));
  Buffer.from(shared).write(text);
  return shared;
}

describe('BodyWorkerClient', () => {
  it('sends feeds as notices the worker does not answer, and the fed body is there when it finishes', { timeout: 20_000 }, async () => {
    const { client, replies } = watchedClient();
    const text = `{"data":[${Array.from({ length: 2000 }, (_, index) => `{"id":${index}}`).join(',')}]}`;
    const bytes = sharedText(text);
    client.notify('feed', { docId: 'd', bytes, end: 1000 });
    client.notify('feed', { docId: 'd', bytes, end: 5000 });
    const facts = await client.call('finish', { docId: 'd', pieces: 2, bytes, end: text.length });
    expect(facts).toMatchObject({ isJson: true, textChars: text.length });
    // The finish alone was answered.
    expect(replies.map((reply) => reply.ok)).toEqual([true]);
  });

  it('does not answer a notice that fails, and answers the calls after it', { timeout: 20_000 }, async () => {
    const { client, replies } = watchedClient();
    const broken = { docId: 'd', bytes: null as unknown as SharedArrayBuffer, end: 4 };
    // As a call, the same feed fails, with an answer.
    await expect(client.call('feed', broken)).rejects.toThrow(/Body worker/);
    client.notify('feed', broken);
    await expect(client.call('evict', { docId: 'd' })).resolves.toBeNull();
    expect(replies.map((reply) => reply.ok)).toEqual([false, true]);
  });

  it('starts no worker for a notice once closed', async () => {
    const { client, started } = watchedClient();
    await client.close();
    client.notify('feed', { docId: 'd', bytes: sharedText('[1]'), end: 3 });
    expect(started()).toBe(0);
  });
});
