// The vault encrypts small secrets (App Secret, refresh token, optional password) for the auth
// store. It is an interface so that everything but the Electron adapter runs under plain Node.

export interface VaultStatus {
  /** True only when the OS keeps the key: never for Linux `basic_text` or `unknown`. */
  protected: boolean;
  backend: string;
  message: string;
}

export interface Vault {
  status(): Promise<VaultStatus>;
  encrypt(plain: string): Promise<string>;
  /** Throws VaultDecryptError when the data cannot be decrypted with the current key. */
  decrypt(cipher: string): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}

export class VaultDecryptError extends Error {
  constructor(cause?: unknown) {
    super('The stored sign-in could not be decrypted.', { cause });
    this.name = 'VaultDecryptError';
  }
}

/** The part of Electron's safeStorage the vault uses (async API only). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plain: string): Promise<Uint8Array>;
  decryptStringAsync(encrypted: Uint8Array): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

const UNPROTECTED_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export const MEMORY_ONLY_MESSAGE =
  'Your system offers no protected key store, so Humanity API Explorer keeps your sign-in in memory only: you will sign in again after a restart, and a remembered password is kept only until you quit.';

export function createSafeStorageVault(safeStorage: SafeStorageLike, platform: string): Vault {
  async function status(): Promise<VaultStatus> {
    const backend = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : platform;
    const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
    // A Linux basic_text key sits next to the data it protects: that is no protection at all.
    const isProtected = available && !(platform === 'linux' && UNPROTECTED_LINUX_BACKENDS.has(backend));
    return {
      protected: isProtected,
      backend,
      message: isProtected ? `Sign-in secrets are encrypted with the system key store (${backend}).` : MEMORY_ONLY_MESSAGE,
    };
  }
  return {
    status,
    async encrypt(plain) {
      if (!(await status()).protected) throw new Error('Refusing to encrypt without a protected key store.');
      return Buffer.from(await safeStorage.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(cipher) {
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(cipher, 'base64'));
        return { plain: result, shouldReEncrypt };
      } catch (error) {
        throw new VaultDecryptError(error);
      }
    },
  };
}
