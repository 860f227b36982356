// Saved accounts (docs/architecture.md, "Accounts"): each a name the user chose, the profile in
// clear and its own sealed secrets, in accounts.json (0600). One of them is the current account;
// the auth service reads and writes "the current account's sign-in" through read()/write(), so it
// keeps the shape of the one-sign-in file it replaces (auth.json, migrated once at start).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../shared/app-error';
import type { AccountView } from '../shared/contract';
import { openDocumentStore, type DocumentStore, type StoreContext } from '../store/document-store';
import { profile, sealedSecrets, type AuthDocument, type StoredProfile } from '../auth/auth-store';

const storedAccount = z.object({ id: z.string(), name: z.string().min(1).max(256), profile, secrets: sealedSecrets.nullable() });
const accountsDocument = z.object({ accounts: z.array(storedAccount).max(500), currentId: z.string().nullable() });

export type StoredAccount = z.infer<typeof storedAccount>;
type AccountsDocument = z.infer<typeof accountsDocument>;

/** "username @ host", or "Sandbox": what an account is called until the user names it. */
export function defaultAccountName(profile: Pick<StoredProfile, 'username' | 'host' | 'sandbox'>): string {
  if (profile.sandbox) return 'Sandbox';
  let host = profile.host;
  try {
    host = new URL(profile.host).host;
  } catch {
    // An empty or odd host (a refused file): shown as written.
  }
  return `${profile.username} @ ${host}`.slice(0, 256);
}

/** Whether two profiles are the same account: the sandbox is one account whatever its port. */
const sameAccount = (a: StoredProfile, b: StoredProfile) =>
  a.sandbox || b.sandbox ? a.sandbox === b.sandbox : a.host === b.host && a.appId === b.appId && a.username === b.username;

export const accountViewOf = ({ id, name, profile: { host, username, sandbox } }: StoredAccount): AccountView => ({ id, name, host, username, sandbox });

export interface AccountStore {
  /** The current account's sign-in (empty when none is chosen). */
  read(): AuthDocument;
  /** Replaces the current account's sign-in; with no current account, saves a new one. */
  write(doc: AuthDocument): void;
  /** Replaces that account's sign-in, whichever is current now; nothing when it was removed. */
  writeFor(id: string, doc: AuthDocument): void;
  list(): StoredAccount[];
  current(): StoredAccount | null;
  find(id: string): StoredAccount;
  select(id: string | null): void;
  /** Saves a signed-in profile as the matching account (or a new one) and makes it current. */
  save(profile: StoredProfile, name?: string): StoredAccount;
  rename(id: string, name: string): void;
  /** Forgets the account and its sealed secrets. */
  remove(id: string): void;
}

export function openAccountStore(ctx: StoreContext, legacy: DocumentStore<AuthDocument>): AccountStore {
  const doc = openDocumentStore(ctx, {
    name: 'accounts',
    label: 'Saved accounts',
    version: 1,
    schema: accountsDocument,
    defaults: { accounts: [], currentId: null },
    fileMode: 0o600,
  });
  migrateLegacy(doc, legacy);
  const update = (change: (current: AccountsDocument) => AccountsDocument) => doc.write(change(doc.read()));
  const current = () => {
    const { accounts, currentId } = doc.read();
    return accounts.find((account) => account.id === currentId) ?? null;
  };
  const find = (id: string) => {
    const found = doc.read().accounts.find((account) => account.id === id);
    if (!found) throw new AppError('not_found', 'That account is no longer saved: it was removed.');
    return found;
  };
  const replace = (id: string, change: (account: StoredAccount) => StoredAccount) =>
    update((all) => ({ ...all, accounts: all.accounts.map((account) => (account.id === id ? change(account) : account)) }));
  function save(profile: StoredProfile, name?: string): StoredAccount {
    const all = doc.read();
    const known = all.accounts.find((account) => sameAccount(account.profile, profile));
    const chosen = name?.trim() || known?.name || defaultAccountName(profile);
    const saved: StoredAccount = known ? { ...known, name: chosen, profile } : { id: randomUUID().replaceAll('-', ''), name: chosen, profile, secrets: null };
    doc.write({ accounts: known ? all.accounts.map((account) => (account === known ? saved : account)) : [...all.accounts, saved], currentId: saved.id });
    return saved;
  }
  return {
    read: () => {
      const account = current();
      return { profile: account?.profile ?? null, secrets: account?.secrets ?? null };
    },
    write({ profile, secrets }) {
      const account = current() ?? (profile ? save(profile) : null);
      if (account && profile) replace(account.id, (stored) => ({ ...stored, profile, secrets }));
    },
    writeFor(id, { profile, secrets }) {
      if (profile) replace(id, (stored) => ({ ...stored, profile, secrets }));
    },
    list: () => doc.read().accounts,
    current,
    find,
    select: (id) => update((all) => ({ ...all, currentId: id === null ? null : find(id).id })),
    save,
    rename(id, name) {
      if (!name.trim()) throw new AppError('invalid_input', 'Enter a name for the account.');
      replace(find(id).id, (account) => ({ ...account, name: name.trim() }));
    },
    remove(id) {
      find(id);
      update((all) => ({ accounts: all.accounts.filter((account) => account.id !== id), currentId: all.currentId === id ? null : all.currentId }));
    },
  };
}

/** The one sign-in of auth.json becomes the first saved account; auth.json keeps nothing after. */
function migrateLegacy(doc: DocumentStore<AccountsDocument>, legacy: DocumentStore<AuthDocument>): void {
  const old = legacy.read();
  if (!old.profile) return;
  const { accounts } = doc.read();
  if (accounts.length === 0) {
    const account = { id: randomUUID().replaceAll('-', ''), name: defaultAccountName(old.profile), profile: old.profile, secrets: old.secrets };
    doc.write({ accounts: [account], currentId: account.id });
  }
  legacy.write({ profile: null, secrets: null });
}
