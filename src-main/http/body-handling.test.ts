// The body step against responses made in memory: kept in the response store, parsed in main, or
// saved to a file; each counted against the size ceiling, each with secrets blanked.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../redaction/redactor';
import type { ResponseStore } from '../response/main/response-store';
import { DEFAULT_SETTINGS } from '../settings/settings-store';
import { createTestResponseStore } from '../testing/test-response-store';
import { keptBody, parsedBody, savedToFile, type BodyDeps } from './body-handling';
import { fakeResponse, jsonResponse } from '../testing/fake-http';

const SECRET = 'secret-access-token-0123456789';
const BODY = { status: 1, data: [{ id: 1, note: SECRET }], error: null };
const MB = 1024 * 1024;

let store: ResponseStore;
let folder: string;
const redactor = new Redactor();
redactor.addSecret(SECRET);

function bodyDeps(maxResponseMB = DEFAULT_SETTINGS.maxResponseMB): BodyDeps {
  return { settings: () => ({ maxResponseMB }), redactor, responses: store };
}

/** A body past a 1 MB ceiling, in two chunks, its size not declared. */
const HALF = 600 * 1024;
const unsizedHuge = () => fakeResponse(200, { chunks: ['['.padEnd(HALF, ' '), `${' '.repeat(HALF - 1)}]`] });

beforeAll(async () => {
  store = createTestResponseStore({ redactor });
  folder = await mkdtemp(join(tmpdir(), 'body-handling-'));
});
afterAll(async () => {
  await store.dispose();
  await rm(folder, { recursive: true, force: true });
});
afterEach(() => store.clear());

describe('kept', () => {
  it('goes into the response store; its envelope is the root fields; discard drops it', async () => {
    const handling = keptBody(bodyDeps());
    const kept = await handling.decode(await handling.read(jsonResponse(200, BODY)));
    expect(kept).toMatchObject({ isJson: true, envelope: { status: 1, data: null, error: null } });
    expect(store.count).toBe(1);
    expect(await kept.body.readText()).not.toContain(SECRET);
    await handling.discard!(kept);
    expect(store.count).toBe(0);
  });

  it('a body declared larger than the ceiling is refused before the store sets anything aside, and let go', async () => {
    const response = fakeResponse(200, { headers: { 'content-length': String(2 * MB) }, body: '[]' });
    await expect(keptBody(bodyDeps(1)).read(response)).rejects.toMatchObject({ code: 'too_large' });
    expect(response.discarded).toBe(true);
    expect(store.count).toBe(0);
  });

  it('a body that grows past the ceiling is stopped, and what the store began is given up', async () => {
    // The store's count grows only when a body finishes, so count the abort itself.
    let aborted = 0;
    const responses = {
      ...store,
      receive: (expected: number | null) => {
        const incoming = store.receive(expected);
        return { ...incoming, abort: () => ((aborted += 1), incoming.abort()) };
      },
    } as unknown as ResponseStore;
    await expect(keptBody({ ...bodyDeps(1), responses }).read(unsizedHuge())).rejects.toMatchObject({ code: 'too_large' });
    expect(aborted).toBe(1);
    expect(store.count).toBe(0);
  });
});

describe('parsed', () => {
  it('a JSON body is its value and its own envelope, secrets blanked', async () => {
    const handling = parsedBody(bodyDeps());
    const parsed = await handling.decode(await handling.read(jsonResponse(200, BODY)));
    expect(parsed.isJson).toBe(true);
    expect(parsed.envelope).toBe(parsed.value);
    expect(JSON.stringify(parsed.value)).not.toContain(SECRET);
    expect(parsed.value).toMatchObject({ status: 1, data: [{ id: 1 }] });
    expect(store.count).toBe(0);
  });

  it('a body that is not JSON has no envelope', async () => {
    const handling = parsedBody(bodyDeps());
    expect(await handling.decode(await handling.read(fakeResponse(502, { body: '<html>Bad gateway</html>' })))).toMatchObject({ isJson: false, envelope: undefined });
  });

  it('is counted against the ceiling too', async () => {
    await expect(parsedBody(bodyDeps(1)).read(unsizedHuge())).rejects.toMatchObject({ code: 'too_large' });
  });
});

describe('saved to a file', () => {
  it('is written with secrets blanked and put in place only when committed; a small one shows its envelope', async () => {
    const path = join(folder, 'saved.json');
    const handling = savedToFile(bodyDeps(), path);
    const saved = await handling.decode(await handling.read(jsonResponse(200, BODY)));
    expect(saved).toMatchObject({ isJson: true, envelope: { status: 1, data: null, error: null } });
    expect(await readdir(folder)).not.toContain('saved.json');
    await saved.file.commit();
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(saved.bytes).toBe(Buffer.byteLength(text));
    expect(store.count).toBe(0);
  });

  it('is not held to the ceiling, and discarding it leaves nothing behind', async () => {
    const empty = await mkdtemp(join(folder, 'discarded-'));
    const handling = savedToFile(bodyDeps(1), join(empty, 'large.json'));
    const saved = await handling.decode(await handling.read(unsizedHuge()));
    expect(saved).toMatchObject({ isJson: false, bytes: 2 * HALF });
    await handling.discard!(saved);
    expect(await readdir(empty)).toEqual([]);
  });
});
