// Files that may hold personal data (history and its bodies, collections, environments, the
// workspace, sign-in data, the log) are the user's alone: 0600 in folders 0700, from a user-data
// folder the app creates itself, through the real core and a real sign-in against the sandbox.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getRequest, startCore } from '../testing/core-fixture';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

/** `path` and everything under it, each with its permission bits in octal. */
function modesUnder(path: string): Record<string, string> {
  const modes: Record<string, string> = {};
  const visit = (current: string, shown: string) => {
    const stats = statSync(current);
    modes[shown] = (stats.mode & 0o777).toString(8);
    if (stats.isDirectory()) for (const name of readdirSync(current)) visit(join(current, name), `${shown}/${name}`);
  };
  visit(path, '.');
  return modes;
}

async function useTheApp(userDataDir: string): Promise<void> {
  const f = await startCore({ userDataDir });
  cleanup.push(() => f.close());
  expect(await f.login()).toMatchObject({ ok: true });
  expect(await f.call('request:send', getRequest('employees'))).toMatchObject({ ok: true });
  expect(await f.call('collections:create', { parentId: null, kind: 'collection', name: 'Payroll' })).toMatchObject({ ok: true });
  const environment = { id: 'env1', name: 'Acme', variables: [{ name: 'location', value: '12', enabled: true }] };
  expect(await f.call('environments:save', { environments: [environment], activeId: 'env1' })).toMatchObject({ ok: true });
  const tab = { id: 't1', title: 'Employees', request: { method: 'GET' as const, path: 'employees', query: [], body: { kind: 'none' as const } }, savedId: null, collectionId: null, endpointId: null, savedRequest: null };
  expect(await f.call('workspace:save', { tabs: [tab], activeTabId: 't1', panelSizes: {} })).toMatchObject({ ok: true });
  // Closing writes what is pending: history, its kept bodies, the log.
  await f.close();
}

describe('file modes of what the app keeps', () => {
  it('writes every file 0600 and every folder 0700, also when the app runs again', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'hae-modes-'));
    cleanup.push(() => rmSync(parent, { recursive: true, force: true }));
    const userDataDir = join(parent, 'user-data');
    await useTheApp(userDataDir);
    await useTheApp(userDataDir);

    const modes = modesUnder(userDataDir);
    for (const name of ['history.json', 'collections.json', 'environments.json', 'workspace.json', 'auth.json', 'accounts.json', 'settings.json', 'logs/main.log']) {
      expect(modes[`./${name}`], name).toBe('600');
    }
    expect(Object.keys(modes).filter((name) => name.startsWith('./history-bodies/'))).not.toEqual([]);
    expect(Object.entries(modes).filter(([, mode]) => mode !== '600' && mode !== '700')).toEqual([]);
    expect(Object.entries(modes).filter(([name, mode]) => mode === '700' && !['.', './logs', './history-bodies'].includes(name))).toEqual([]);
  });

  it('closes the folders an earlier version created open', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'hae-modes-'));
    cleanup.push(() => rmSync(userDataDir, { recursive: true, force: true }));
    for (const folder of ['', 'logs', 'history-bodies']) {
      mkdirSync(join(userDataDir, folder), { recursive: true });
      chmodSync(join(userDataDir, folder), 0o755);
    }
    await useTheApp(userDataDir);
    const modes = modesUnder(userDataDir);
    expect([modes['.'], modes['./logs'], modes['./history-bodies']]).toEqual(['700', '700', '700']);
  });
});
