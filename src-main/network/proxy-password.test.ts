import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../redaction/redactor';
import { createConfFactory } from '../testing/conf-factory';
import { createFakeSafeStorage, type FakeSafeStorageOptions } from '../testing/fake-safe-storage';
import { createSafeStorageVault } from '../vault/vault';
import { createProxyPasswordKeeper, proxyBinding } from './proxy-password';

const PASSWORD = 'corp-proxy-secret-99';
const BOUND = proxyBinding('http://proxy.corp:8080', 'alex');

function keeper(dir: string, keyStore: FakeSafeStorageOptions) {
  const redactor = new Redactor();
  const ctx = { dir, createConf: createConfFactory(), notify: () => undefined, now: Date.now };
  return { redactor, keeper: createProxyPasswordKeeper({ ctx, vault: createSafeStorageVault(createFakeSafeStorage(keyStore), 'linux'), redactor }) };
}

describe('the proxy password', () => {
  it('is sealed on disk (0600) with a protected key store and opened again after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hae-proxy-pw-'));
    const keyStore = { backend: 'gnome_libsecret', key: Buffer.alloc(32, 7) };
    const first = keeper(dir, keyStore);
    await first.keeper.save(PASSWORD, BOUND);
    expect(await first.keeper.state(BOUND)).toBe('encrypted');
    const file = join(dir, 'proxy-login.json');
    expect(readFileSync(file, 'utf8')).not.toContain(PASSWORD);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const restarted = keeper(dir, keyStore);
    expect(await restarted.keeper.passwordFor(BOUND)).toBe(PASSWORD);
    expect(restarted.redactor.redactLong(`x ${PASSWORD} y`)).not.toContain(PASSWORD);
  });

  it('is given only for the proxy and user it was saved for', async () => {
    const { keeper: k } = keeper(mkdtempSync(join(tmpdir(), 'hae-proxy-pw-')), { backend: 'gnome_libsecret' });
    await k.save(PASSWORD, BOUND);
    const elsewhere = proxyBinding('http://evil.example:8080', 'alex');
    expect(await k.passwordFor(elsewhere)).toBeNull();
    expect(await k.state(elsewhere)).toBe('other-proxy');
    k.forget();
    expect(await k.state(BOUND)).toBe('none');
  });

  it('stays in memory only without a protected key store, and is not read with another key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hae-proxy-pw-'));
    const plain = keeper(dir, { backend: 'basic_text' });
    await plain.keeper.save(PASSWORD, BOUND);
    expect(await plain.keeper.state(BOUND)).toBe('memory');
    expect(readFileSync(join(dir, 'proxy-login.json'), 'utf8')).not.toContain(PASSWORD);
    expect(await keeper(dir, { backend: 'basic_text' }).keeper.state(BOUND)).toBe('none');

    const sealedDir = mkdtempSync(join(tmpdir(), 'hae-proxy-pw-'));
    await keeper(sealedDir, { backend: 'gnome_libsecret', key: Buffer.alloc(32, 1) }).keeper.save(PASSWORD, BOUND);
    expect(await keeper(sealedDir, { backend: 'gnome_libsecret', key: Buffer.alloc(32, 2) }).keeper.passwordFor(BOUND)).toBeNull();
  });
});
