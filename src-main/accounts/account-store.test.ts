// The account store on real conf files: naming, matching, current account, removal, migration.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuthStore, type StoredProfile } from '../auth/auth-store';
import type { StoreContext } from '../store/document-store';
import { createConfFactory } from '../testing/conf-factory';
import { defaultAccountName, openAccountStore } from './account-store';

const context = (): StoreContext => ({ dir: mkdtempSync(join(tmpdir(), 'hae-account-store-')), createConf: createConfFactory(), notify: () => undefined, now: Date.now });
const profileOf = (overrides: Partial<StoredProfile> = {}): StoredProfile => ({
  host: 'https://acme.humanity.com',
  appId: 'app',
  username: 'admin@acme.example',
  redirectUri: '',
  rememberPassword: false,
  sandbox: false,
  userName: 'Admin',
  userId: '1',
  ...overrides,
});
const sealed = { backend: 'gnome_libsecret', account: 'sealed-account', appSecret: 'sealed-app-secret', refreshToken: 'sealed-refresh-token', password: null };

describe('account store', () => {
  it('names an account "username @ host" unless told otherwise; the sandbox is "Sandbox"', () => {
    expect(defaultAccountName(profileOf())).toBe('admin@acme.example @ acme.humanity.com');
    expect(defaultAccountName(profileOf({ sandbox: true, host: 'http://127.0.0.1:4321' }))).toBe('Sandbox');
    const ctx = context();
    const store = openAccountStore(ctx, openAuthStore(ctx));
    expect(store.save(profileOf(), '  Acme  ').name).toBe('Acme');
  });

  it('saves the same host, App ID and username as one account, keeps its name, and makes it current', () => {
    const ctx = context();
    const store = openAccountStore(ctx, openAuthStore(ctx));
    const first = store.save(profileOf(), 'Acme');
    const other = store.save(profileOf({ username: 'other@acme.example' }));
    expect(store.current()?.id).toBe(other.id);
    const again = store.save(profileOf({ userName: 'Renamed user' }));
    expect(again.id).toBe(first.id);
    expect(again.name).toBe('Acme');
    expect(store.list()).toHaveLength(2);
    // The sandbox is one account whatever port it listens on.
    const sandbox = store.save(profileOf({ sandbox: true, host: 'http://127.0.0.1:1' }));
    expect(store.save(profileOf({ sandbox: true, host: 'http://127.0.0.1:2' })).id).toBe(sandbox.id);
  });

  it('reads and writes the current account\'s sign-in only, and removing an account takes its secrets with it', () => {
    const ctx = context();
    const store = openAccountStore(ctx, openAuthStore(ctx));
    const a = store.save(profileOf(), 'A');
    store.write({ profile: profileOf(), secrets: sealed });
    const b = store.save(profileOf({ username: 'b@acme.example' }), 'B');
    expect(store.read()).toEqual({ profile: profileOf({ username: 'b@acme.example' }), secrets: null });
    store.select(a.id);
    expect(store.read().secrets).toEqual(sealed);
    store.remove(a.id);
    expect(store.current()).toBeNull();
    expect(store.read()).toEqual({ profile: null, secrets: null });
    expect(readFileSync(join(ctx.dir, 'accounts.json'), 'utf8')).not.toContain('sealed-app-secret');
    expect(() => store.select(a.id)).toThrow('no longer saved');
    expect(() => store.rename(b.id, '   ')).toThrow('Enter a name');
  });

  it('writeFor changes only the account named, whichever is current, and never brings back a removed one', () => {
    const ctx = context();
    const store = openAccountStore(ctx, openAuthStore(ctx));
    const a = store.save(profileOf(), 'A');
    const b = store.save(profileOf({ username: 'b@acme.example' }), 'B');
    store.writeFor(a.id, { profile: profileOf({ userName: 'Ann' }), secrets: sealed });
    expect(store.current()?.id).toBe(b.id);
    expect(store.read()).toEqual({ profile: profileOf({ username: 'b@acme.example' }), secrets: null });
    expect(store.find(a.id)).toMatchObject({ profile: profileOf({ userName: 'Ann' }), secrets: sealed });
    store.select(null);
    store.remove(a.id);
    store.writeFor(a.id, { profile: profileOf(), secrets: sealed });
    expect([store.current(), store.list().map((account) => account.id)]).toEqual([null, [b.id]]);
  });

  it('moves the one sign-in of auth.json into the first account, once', () => {
    const ctx = context();
    const legacy = openAuthStore(ctx);
    legacy.write({ profile: profileOf(), secrets: sealed });
    const store = openAccountStore(ctx, legacy);
    expect(store.list()).toEqual([{ id: expect.any(String), name: 'admin@acme.example @ acme.humanity.com', profile: profileOf(), secrets: sealed }]);
    expect(store.current()?.secrets).toEqual(sealed);
    expect(legacy.read()).toEqual({ profile: null, secrets: null });
    const reopened = openAccountStore(ctx, openAuthStore(ctx));
    expect(reopened.list()).toHaveLength(1);
  });
});
