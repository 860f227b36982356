// The receiver (main) and the arriving body (worker) together, over an in-process stand-in for
// the worker's feed and finish, with its parse steps between the pieces: whatever the chunking,
// the value is JSON.parse's of the whole text, the text is the body's with its secrets blanked,
// and the first rows told before the parse is done are those of the parsed value.
import { describe, expect, it } from 'vitest';
import { bytePattern } from '../redaction/byte-redaction';
import { secretSpellings } from '../redaction/secret-pattern';
import { mulberry32 } from '../sandbox/shift-generator';
import { ArrivingBody } from './worker/arriving-body';
import { parseLoadedBody } from './worker/loaded-body';
import { BodyReceiver } from './main/body-receiver';
import { byteWindow, parsedText } from './shared/body-text';
import { firstRowsOf } from './shared/first-rows';
import type { WorkerCalls } from './worker-protocol';

const MB = 1024 * 1024;

/** Pushes `body` in random chunks through a receiver into an ArrivingBody; what comes out. */
async function receive(body: Buffer, seed: number, secrets: string[] = [], options: { loseFeeds?: boolean; edges?: number[] } = {}) {
  const random = mulberry32(seed);
  const arriving = new ArrivingBody();
  let feeds = 0;
  let early = null as ReturnType<ArrivingBody['firstRows']>;
  const worker = {
    notify(op: 'feed', { bytes, end }: WorkerCalls['feed']['input']): void {
      expect(op).toBe('feed');
      feeds += 1;
      if (!options.loseFeeds) arriving.take(Buffer.from(bytes), end);
      // The worker parses batches between messages: some now, some later.
      while (random() < 0.7 && arriving.step());
    },
    async call(op: 'finish', input: WorkerCalls['finish']['input']): Promise<unknown> {
      expect(op).toBe('finish');
      const { bytes, end } = input;
      const whole = Buffer.from(bytes, 0, end);
      if (arriving.pieces !== input.pieces) {
        const { value, ...facts } = parseLoadedBody(whole);
        values.push(value);
        return facts;
      }
      arriving.take(whole, end, true);
      early = arriving.firstRows();
      const { value, ...facts } = arriving.complete();
      values.push(value);
      return { ...facts, ...arriving.counts() };
    },
  };
  const values: unknown[] = [];
  const spellings = secrets.flatMap(secretSpellings);
  const receiver = new BodyReceiver({ docId: 'd', expectedBytes: random() < 0.5 ? body.length : null, spellings, pattern: bytePattern(spellings), worker: worker as never });
  const edges = options.edges ?? [];
  for (let at = 0; at < body.length; ) {
    const next = Math.min(body.length, edges.find((edge) => edge > at) ?? at + 1 + Math.floor(random() * 200_000));
    receiver.push(Buffer.from(body.subarray(at, next)));
    at = next;
  }
  const bytes = receiver.end();
  const facts = await receiver.finish();
  return { bytes, facts, value: values[0], feeds, early };
}

function shifts(count: number, extra: (i: number) => string = () => '') {
  const items = Array.from({ length: count }, (_, i) => `{"id":${i},"title":"Shift ${i} – Zoë 😀","employees":[{"id":${i % 9},"name":"N${i}"},{"id":${i % 7},"title":"nested look-alike"}]${extra(i)}}`);
  return `{"status":1,"data":[${items.join(',')}],"metadata":[],"token":"the-token","error":null}`;
}

describe('a body received in pieces and parsed as it arrives', () => {
  it('comes out exactly as JSON.parse of the whole, with checkpoints that find any window', { timeout: 30_000 }, async () => {
    const text = shifts(40_000);
    for (const seed of [1, 2, 3]) {
      const { bytes, facts, value, feeds, early } = await receive(Buffer.from(text), seed);
      expect(feeds).toBeGreaterThan(4);
      expect(bytes.toString()).toBe(text);
      expect(value).toEqual(JSON.parse(text));
      expect(early).toEqual({ head: { status: 1, error: null, data: null }, firstRows: firstRowsOf(JSON.parse(text)) });
      expect(facts).toMatchObject({ isJson: true, head: { status: 1, error: null }, textChars: text.length });
      for (const offset of [0, 1, 65_537, Math.floor(text.length / 2), text.length - 9]) {
        const { start, end, skip } = byteWindow(facts.charIndex, bytes.length, offset, 5000);
        expect(bytes.subarray(start, end).toString().slice(skip, skip + 5000)).toBe(text.slice(offset, offset + 5000));
      }
    }
  });

  it('blanks secrets that straddle any chunk edge before the worker sees them', async () => {
    const text = shifts(30_000, (i) => (i % 5000 === 0 ? ',"echo":"tok/SECRET-42","php":"tok\\/SECRET-42"' : ''));
    // A chunk edge inside every secret, at a different place each time.
    const edges = [...text.matchAll(/SECRET-42/g)].map((match, i) => match.index + (i % 9));
    const { bytes, value, early } = await receive(Buffer.from(text), 7, ['tok/SECRET-42'], { edges });
    expect(edges.length).toBe(12);
    const expected = text.replaceAll('tok/SECRET-42', '[REDACTED]').replaceAll('tok\\/SECRET-42', '[REDACTED]');
    expect(bytes.toString()).toBe(expected);
    expect(value).toEqual(JSON.parse(expected));
    expect(early?.firstRows).toEqual(firstRowsOf(JSON.parse(expected)));
  });

  it('falls back to parsing the whole text where cutting cannot be trusted', async () => {
    const big = shifts(20_000);
    const cases = {
      'a duplicate key after the array': big.replace(/,"error":null}$/, ',"data":[1],"error":null}'),
      'broken JSON deep inside': big.replace('"id":15000,', '"id":15000,,'),
      'a trailing comma in the array': big.replace('],"metadata"', ',],"metadata"'),
      'elements that are not objects': `{"data":[${Array.from({ length: 300_000 }, (_, i) => i).join(',')}]}`,
      'a root array': `[${big.slice(big.indexOf('[') + 1, big.indexOf('],"metadata"'))}]`,
      'text that is not JSON': `<html>${'x'.repeat(3 * MB)}</html>`,
    };
    for (const [label, text] of Object.entries(cases)) {
      const { value, facts } = await receive(Buffer.from(text), 11);
      const expected = parsedText(text);
      expect(facts.isJson, label).toBe(expected.isJson);
      expect(value, label).toEqual(expected.value);
    }
  });

  it('parses the whole text when the worker missed pieces (it was restarted)', async () => {
    const text = shifts(20_000);
    const { value, feeds } = await receive(Buffer.from(text), 5, [], { loseFeeds: true });
    expect(feeds).toBeGreaterThan(0);
    expect(value).toEqual(JSON.parse(text));
  });

  it('tells no first rows early where parsing what they need would cost as much as the body, or the array is an envelope field', () => {
    const cases = {
      'a short array beside a bulky object': JSON.stringify({ data: [1, 2, 3], other: Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 'v'.repeat(20)])) }),
      'one huge element': JSON.stringify({ data: [{ blob: 'x'.repeat(3 * MB) }, { id: 2 }] }),
      'the array is the error': JSON.stringify({ status: 9, error: Array.from({ length: 400_000 }, (_, i) => i) }),
    };
    for (const [label, text] of Object.entries(cases)) {
      const body = new ArrivingBody();
      const bytes = Buffer.from(text);
      body.take(bytes, bytes.length, true);
      expect(body.firstRows(), label).toBeNull();
      expect(body.complete().value, label).toEqual(JSON.parse(text));
    }
  });
});
