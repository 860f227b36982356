// Store faults at start-up through the real core: each store file corrupted, truncated,
// schema-invalid or written by a newer version → the app starts, says what happened and where
// the moved-aside file is, and the other stores are intact. Failing writes are reported.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthState, CollectionNode, Result } from '../shared/contract';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { startCore } from '../testing/core-fixture';
import { createFakeSafeStorage } from '../testing/fake-safe-storage';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

function data<T>(result: Result<unknown>): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: T }).data;
}

/** A user-data folder with one saved collection, an environment, settings and a sign-in. */
async function seededFolder(sandbox: SandboxServer, key: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hae-faults-'));
  const f = await startCore({ userDataDir: dir, sandbox, keyStore: { key } });
  expect((await f.login()).ok).toBe(true);
  data(await f.call('collections:create', { parentId: null, kind: 'collection', name: 'Payroll' }));
  data(await f.call('environments:save', { environments: [{ id: 'prod', name: 'Production', variables: [{ name: 'emp', value: '7', enabled: true }] }], activeId: 'prod' }));
  data(await f.call('settings:update', { timeoutSeconds: 42 }));
  await f.core.dispose();
  return dir;
}

const DAMAGE: Record<string, (text: string) => string> = {
  corrupted: () => '{"this is": not json',
  truncated: (text) => text.slice(0, Math.floor(text.length / 2)),
  'schema-invalid': () => JSON.stringify({ schemaVersion: 1, collections: 'not a list', environments: 7, profile: 3, timeoutSeconds: 'soon' }),
  'from a newer version': (text) => JSON.stringify({ ...JSON.parse(text), schemaVersion: 999 }),
};

const FILES = ['settings', 'collections', 'environments', 'auth'] as const;

describe('a damaged store file at start-up', () => {
  for (const file of FILES) {
    for (const [how, damage] of Object.entries(DAMAGE)) {
      it(`${file}.json ${how}: the app starts, says where the file went, the other stores are intact`, async () => {
        const sandbox = await startSandbox();
        open.push(sandbox);
        const key = createFakeSafeStorage().key;
        const dir = await seededFolder(sandbox, key);
        const path = join(dir, `${file}.json`);
        const original = readFileSync(path, 'utf8');
        writeFileSync(path, damage(original));
        const damaged = readFileSync(path, 'utf8');

        const f = await startCore({ userDataDir: dir, sandbox, keyStore: { key } });
        open.push(f);
        const state = data<AuthState>(await f.call('auth:state'));
        const aside = readdirSync(dir).filter((name) => name.startsWith(`${file}.corrupt-`));
        expect(aside).toHaveLength(1);
        expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(damaged);
        expect(state.notices.join(' ')).toContain(join(dir, aside[0]!));

        // Everything else is as it was.
        if (file !== 'collections') expect(data<{ collections: CollectionNode[] }>(await f.call('collections:list')).collections.map((c) => c.name)).toEqual(['Payroll']);
        if (file !== 'environments') expect(data<{ activeId: string }>(await f.call('environments:get')).activeId).toBe('prod');
        if (file !== 'settings') expect(data<{ timeoutSeconds: number }>(await f.call('settings:get')).timeoutSeconds).toBe(42);
        if (file !== 'auth') expect(state.session?.username).toBe('demo.admin@sandbox.example');
      });
    }
  }
});

describe('a store that cannot be written', () => {
  it('reports the failed write with a sentence and keeps working', async () => {
    const sandbox = await startSandbox();
    open.push(sandbox);
    const f = await startCore({ sandbox });
    open.push(f);
    data(await f.call('collections:create', { parentId: null, kind: 'collection', name: 'Kept' }));
    // Root ignores file modes, so make the file's place unusable instead: a folder by its name.
    const path = join(f.userDataDir, 'collections.json');
    rmSync(path);
    mkdirSync(path);
    chmodSync(path, 0o500);
    const result = await f.call('collections:create', { parentId: null, kind: 'collection', name: 'Lost?' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/could not|Could not/);
    expect(existsSync(path)).toBe(true);
    // What was saved before is still listed; the failed one is not pretended to be saved.
    expect(data<{ collections: CollectionNode[] }>(await f.call('collections:list')).collections.map((c) => c.name)).toEqual(['Kept']);
  });
});
