// A stand-in for Electron's safeStorage in Node tests: real AES-256-GCM with a key that lives
// in this object, so "another key" (a new instance) really fails to decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageLike } from '../vault/vault';

export interface FakeSafeStorageOptions {
  available?: boolean;
  backend?: string;
  key?: Buffer;
  /** Report shouldReEncrypt on every decrypt (a rotated OS key). */
  rotateKey?: boolean;
  /** Each encryption takes this long (the OS key store is asynchronous and may be slow). */
  encryptDelayMs?: number;
}

export function createFakeSafeStorage(options: FakeSafeStorageOptions = {}): SafeStorageLike & { key: Buffer } {
  const key = options.key ?? randomBytes(32);
  return {
    key,
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    async encryptStringAsync(plain) {
      if (options.encryptDelayMs) await new Promise((resolve) => setTimeout(resolve, options.encryptDelayMs));
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decryptStringAsync(encrypted) {
      const data = Buffer.from(encrypted);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const result = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: options.rotateKey ?? false };
    },
  };
}
