// Tests read and edit the current account's saved sign-in in accounts.json as an attacker or a
// damaged disk would: the raw file, not through the app (docs/architecture.md, "Accounts").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ACCOUNTS_FILE = 'accounts.json';

type RawAccount = { id: string; name: string; profile: Record<string, unknown>; secrets: Record<string, unknown> | null };
type RawDocument = { accounts: RawAccount[]; currentId: string | null };

/** The current account's profile and sealed secrets, as on disk; nulls when none is current. */
export function readSignIn(dir: string): { profile: Record<string, unknown> | null; secrets: Record<string, unknown> | null } {
  const doc = JSON.parse(readFileSync(join(dir, ACCOUNTS_FILE), 'utf8')) as RawDocument;
  const current = doc.accounts.find((account) => account.id === doc.currentId);
  return { profile: current?.profile ?? null, secrets: current?.secrets ?? null };
}

/** Edits the current account's entry in place, on disk. */
export function editSignIn(dir: string, edit: (doc: { profile: Record<string, unknown>; secrets: Record<string, unknown> }) => void): void {
  const file = join(dir, ACCOUNTS_FILE);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as RawDocument;
  const current = doc.accounts.find((account) => account.id === doc.currentId);
  if (!current?.secrets) throw new Error('No current account with sealed secrets to edit.');
  edit(current as { profile: Record<string, unknown>; secrets: Record<string, unknown> });
  writeFileSync(file, JSON.stringify(doc));
}
