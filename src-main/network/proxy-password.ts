// The Manual proxy's password: sealed by the vault in proxy-login.json (0600) where the OS key
// store protects it, kept in memory until quit where it does not; never in settings, never sent
// to the window. It is sealed together with the proxy address and user name it was given for, and
// sent only to that proxy: an edited address does not take the password with it
// (docs/architecture.md, "Networks: proxies and certificates").
import { z } from 'zod';
import type { Redactor } from '../redaction/redactor';
import { openDocumentStore, type StoreContext } from '../store/document-store';
import type { Vault } from '../vault/vault';

const sealedLogin = z.object({ backend: z.string(), sealed: z.string() }).strict();
const loginDocument = z.object({ login: sealedLogin.nullable() }).strict();

export type ProxyCredentialState = 'none' | 'encrypted' | 'memory' | 'other-proxy';

interface Login {
  /** JSON [proxy address, user name]: what the password may be sent to. */
  forProxy: string;
  password: string;
}

export function proxyBinding(proxyUrl: string, username: string): string {
  return JSON.stringify([proxyUrl.replace(/\/$/, ''), username]);
}

export function createProxyPasswordKeeper(deps: { ctx: StoreContext; vault: Vault; redactor: Redactor }) {
  const store = openDocumentStore(deps.ctx, { name: 'proxy-login', label: 'Proxy login', version: 1, schema: loginDocument, defaults: { login: null }, fileMode: 0o600 });
  /** The password in memory: typed this run, or opened from the file once. */
  let opened: (Login & { storage: 'encrypted' | 'memory' }) | null = null;
  let openedFromFile = false;

  async function current(): Promise<typeof opened> {
    if (opened || openedFromFile) return opened;
    openedFromFile = true;
    const sealed = store.read().login;
    const status = await deps.vault.status();
    if (!sealed || !status.protected || sealed.backend !== status.backend) return null;
    try {
      const login = JSON.parse((await deps.vault.decrypt(sealed.sealed)).plain) as Login;
      deps.redactor.addSecret(login.password);
      opened = { ...login, storage: 'encrypted' };
    } catch {
      // Cannot be opened with this key: as if none was saved; the user types it again.
    }
    return opened;
  }

  return {
    async save(password: string, binding: string): Promise<void> {
      deps.redactor.addSecret(password);
      const status = await deps.vault.status();
      if (status.protected) {
        store.write({ login: { backend: status.backend, sealed: await deps.vault.encrypt(JSON.stringify({ forProxy: binding, password })) } });
      } else {
        store.write({ login: null });
      }
      opened = { forProxy: binding, password, storage: status.protected ? 'encrypted' : 'memory' };
    },
    forget(): void {
      store.write({ login: null });
      opened = null;
    },
    /** The password for this proxy and user, or null (none saved, or saved for another). */
    async passwordFor(binding: string): Promise<string | null> {
      const login = await current();
      return login?.forProxy === binding ? login.password : null;
    },
    async state(binding: string): Promise<ProxyCredentialState> {
      const login = await current();
      if (!login) return 'none';
      return login.forProxy === binding ? login.storage : 'other-proxy';
    },
  };
}
export type ProxyPasswordKeeper = ReturnType<typeof createProxyPasswordKeeper>;
