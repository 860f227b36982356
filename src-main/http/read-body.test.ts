// readCapped over real Node streams: what the body step reads a big body with.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCapped } from './read-body';
import { fakeResponse } from '../testing/fake-http';

/** A response whose body is `stream` (unsized, so it is read chunk by chunk). */
const streamed = (stream: PassThrough) => ({ ...fakeResponse(200), body: stream });

describe('readCapped', () => {
  it('hands every chunk to the sink in order', async () => {
    const stream = new PassThrough();
    const taken: string[] = [];
    const reading = readCapped(streamed(stream), 1000, () => ({ push: (chunk) => void taken.push(Buffer.from(chunk).toString()) }));
    for (const part of ['a', 'bc', 'def']) stream.write(part);
    stream.end();
    await reading;
    expect(taken.join('')).toBe('abcdef');
  });

  it('stops at the ceiling, and the stream is let go', async () => {
    const stream = new PassThrough();
    for (let chunk = 0; chunk < 10; chunk += 1) stream.write(Buffer.alloc(400, 0x61));
    const taken: number[] = [];
    await expect(readCapped(streamed(stream), 1000, () => ({ push: (chunk) => void taken.push(chunk.byteLength) }))).rejects.toMatchObject({ code: 'too_large' });
    expect(taken).toEqual([400, 400]);
    expect(stream.destroyed).toBe(true);
  });

  it('gives the sink no chunk after it failed, not even those already buffered', async () => {
    const stream = new PassThrough();
    // Buffered before anyone reads: all of them are emitted at once.
    for (let chunk = 0; chunk < 10; chunk += 1) stream.write(Buffer.alloc(10, 0x61));
    let pushes = 0;
    const failing = {
      push: () => {
        pushes += 1;
        if (pushes === 2) throw new Error('The disk is full.');
      },
    };
    await expect(readCapped(streamed(stream), 1000, () => failing)).rejects.toThrow('The disk is full.');
    expect(pushes).toBe(2);
    expect(stream.destroyed).toBe(true);
  });

  it("fails with the stream's own error when the connection breaks halfway", async () => {
    const stream = new PassThrough();
    const reading = readCapped(streamed(stream), 1000, () => ({ push: () => undefined }));
    stream.write('half');
    stream.destroy(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }));
    await expect(reading).rejects.toThrow('other side closed');
  });
});
