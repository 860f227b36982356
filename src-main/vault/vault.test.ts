import { describe, expect, it } from 'vitest';
import { createFakeSafeStorage } from '../testing/fake-safe-storage';
import type { FakeSafeStorageOptions } from '../testing/fake-safe-storage';
import { MEMORY_ONLY_MESSAGE, VaultDecryptError, createSafeStorageVault } from './vault';
import type { SafeStorageLike } from './vault';

const PLAIN = 'refresh-token-Zq9!é€ with spaces';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The fake safe storage, counting encrypt calls. */
function counted(options: FakeSafeStorageOptions = {}) {
  const fake = createFakeSafeStorage(options);
  const calls = { encrypt: 0 };
  const wrapped: SafeStorageLike = {
    isAsyncEncryptionAvailable: () => fake.isAsyncEncryptionAvailable(),
    getSelectedStorageBackend: () => fake.getSelectedStorageBackend!(),
    encryptStringAsync: (plain) => {
      calls.encrypt += 1;
      return fake.encryptStringAsync(plain);
    },
    decryptStringAsync: (data) => fake.decryptStringAsync(data),
  };
  return { fake, wrapped, calls };
}

async function expectDecryptError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VaultDecryptError);
  expect((error as Error).message).toMatch(/^[A-Z].*\.$/);
}

describe('createSafeStorageVault: protected backends', () => {
  it.each([
    ['linux', 'gnome_libsecret'],
    ['linux', 'kwallet5'],
    ['darwin', undefined],
    ['win32', undefined],
  ])('on %s (%s) reports protected', async (platform, backend) => {
    const vault = createSafeStorageVault(createFakeSafeStorage({ backend }), platform);
    const status = await vault.status();
    expect(status.protected).toBe(true);
    expect(status.backend).toBe(platform === 'linux' ? backend : platform);
    expect(status.message).toContain(status.backend);
    expect(status.message).not.toBe(MEMORY_ONLY_MESSAGE);
  });

  it('round-trips a secret, with base64 ciphertext that does not contain the plaintext', async () => {
    const vault = createSafeStorageVault(createFakeSafeStorage(), 'linux');
    const cipher = await vault.encrypt(PLAIN);
    expect(cipher).toMatch(BASE64);
    expect(Buffer.from(cipher, 'base64').toString('base64')).toBe(cipher);
    expect(cipher).not.toContain(PLAIN);
    expect(cipher).not.toContain(Buffer.from(PLAIN).toString('base64'));
    expect(Buffer.from(cipher, 'base64').toString('utf8')).not.toContain('refresh-token');
    expect(await vault.decrypt(cipher)).toEqual({ plain: PLAIN, shouldReEncrypt: false });
  });

  it('round-trips an empty string', async () => {
    const vault = createSafeStorageVault(createFakeSafeStorage(), 'darwin');
    expect((await vault.decrypt(await vault.encrypt(''))).plain).toBe('');
  });

  it('produces different ciphertexts for the same secret', async () => {
    const vault = createSafeStorageVault(createFakeSafeStorage(), 'win32');
    expect(await vault.encrypt(PLAIN)).not.toBe(await vault.encrypt(PLAIN));
  });

  it('decrypts with a second vault over the same key (a restart)', async () => {
    const first = createFakeSafeStorage();
    const cipher = await createSafeStorageVault(first, 'linux').encrypt(PLAIN);
    const second = createSafeStorageVault(createFakeSafeStorage({ key: first.key }), 'linux');
    expect((await second.decrypt(cipher)).plain).toBe(PLAIN);
  });
});

describe('createSafeStorageVault: no protection', () => {
  it.each(['basic_text', 'unknown'])('treats Linux backend %s as memory only and refuses to encrypt', async (backend) => {
    const { wrapped, calls } = counted({ backend });
    const vault = createSafeStorageVault(wrapped, 'linux');
    const status = await vault.status();
    expect(status).toEqual({ protected: false, backend, message: MEMORY_ONLY_MESSAGE });
    expect(status.message).toMatch(/memory only/);
    await expect(vault.encrypt(PLAIN)).rejects.toThrow(/protected key store/);
    expect(calls.encrypt).toBe(0);
  });

  it('treats a Linux safeStorage without a backend query as unknown (memory only)', async () => {
    const fake = createFakeSafeStorage();
    const bare: SafeStorageLike = {
      isAsyncEncryptionAvailable: fake.isAsyncEncryptionAvailable,
      encryptStringAsync: fake.encryptStringAsync,
      decryptStringAsync: fake.decryptStringAsync,
    };
    const status = await createSafeStorageVault(bare, 'linux').status();
    expect(status).toMatchObject({ protected: false, backend: 'unknown' });
  });

  it.each(['linux', 'darwin', 'win32'])('is not protected on %s when async encryption is unavailable', async (platform) => {
    const { wrapped, calls } = counted({ available: false });
    const vault = createSafeStorageVault(wrapped, platform);
    const status = await vault.status();
    expect(status.protected).toBe(false);
    expect(status.message).toMatch(/memory only/);
    await expect(vault.encrypt(PLAIN)).rejects.toThrow();
    expect(calls.encrypt).toBe(0);
  });

  it('is not protected when the availability check itself fails', async () => {
    const fake = createFakeSafeStorage();
    const failing: SafeStorageLike = { ...fake, isAsyncEncryptionAvailable: () => Promise.reject(new Error('dbus down')) };
    const vault = createSafeStorageVault(failing, 'linux');
    expect((await vault.status()).protected).toBe(false);
    await expect(vault.encrypt(PLAIN)).rejects.toThrow();
  });
});

describe('createSafeStorageVault: decrypt failures', () => {
  it('throws VaultDecryptError for data encrypted under another key', async () => {
    const cipher = await createSafeStorageVault(createFakeSafeStorage(), 'linux').encrypt(PLAIN);
    const other = createSafeStorageVault(createFakeSafeStorage(), 'linux');
    await expectDecryptError(other.decrypt(cipher));
  });

  it.each(['', 'not base64 at all!!', 'AAAA', Buffer.alloc(64, 7).toString('base64')])('throws VaultDecryptError for garbage %j', async (garbage) => {
    const vault = createSafeStorageVault(createFakeSafeStorage(), 'linux');
    await expectDecryptError(vault.decrypt(garbage));
  });

  it('throws VaultDecryptError for tampered ciphertext', async () => {
    const vault = createSafeStorageVault(createFakeSafeStorage(), 'linux');
    const bytes = Buffer.from(await vault.encrypt(PLAIN), 'base64');
    bytes[bytes.length - 1] ^= 0xff;
    await expectDecryptError(vault.decrypt(bytes.toString('base64')));
  });

  it('keeps the underlying failure as the cause', async () => {
    const boom = new Error('os said no');
    const failing: SafeStorageLike = { ...createFakeSafeStorage(), decryptStringAsync: () => Promise.reject(boom) };
    const error = await createSafeStorageVault(failing, 'darwin')
      .decrypt('AAAA')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultDecryptError);
    expect((error as Error).cause).toBe(boom);
    expect((error as Error).message).not.toContain('os said no');
  });
});

describe('createSafeStorageVault: re-encryption', () => {
  it('passes shouldReEncrypt through', async () => {
    const first = createFakeSafeStorage();
    const cipher = await createSafeStorageVault(first, 'linux').encrypt(PLAIN);
    const rotated = createSafeStorageVault(createFakeSafeStorage({ key: first.key, rotateKey: true }), 'linux');
    expect(await rotated.decrypt(cipher)).toEqual({ plain: PLAIN, shouldReEncrypt: true });
    const steady = createSafeStorageVault(createFakeSafeStorage({ key: first.key, rotateKey: false }), 'linux');
    expect(await steady.decrypt(cipher)).toEqual({ plain: PLAIN, shouldReEncrypt: false });
  });
});
