// The auth file as it was before saved accounts: one profile in clear, secrets only as vault
// ciphertext. Read once at start to migrate it into accounts.json (src-main/accounts/), whose
// accounts keep the same two parts each. File mode 0600.
import { z } from 'zod';
import { profileView } from '../shared/contract';
import { openDocumentStore, type DocumentStore, type StoreContext } from '../store/document-store';

// What the setup form shows, plus who /me said the user is.
export const profile = profileView.extend({ userName: z.string(), userId: z.string() });

export const sealedSecrets = z.object({
  /** The vault backend that sealed them: another backend means "sign in again". */
  backend: z.string(),
  /** Host, App ID and username, sealed: what the secrets may be sent to (absent in older files). */
  account: z.string().optional(),
  appSecret: z.string(),
  /** Null when the server gave none (RFC 6749 §5.1 makes it optional). */
  refreshToken: z.string().nullable(),
  password: z.string().nullable(),
});

const authDocument = z.object({ profile: profile.nullable(), secrets: sealedSecrets.nullable() });

export type StoredProfile = z.infer<typeof profile>;
export type SealedSecrets = z.infer<typeof sealedSecrets>;
export type AuthDocument = z.infer<typeof authDocument>;

export function openAuthStore(ctx: StoreContext): DocumentStore<AuthDocument> {
  return openDocumentStore(ctx, {
    name: 'auth',
    label: 'Saved sign-in',
    version: 1,
    schema: authDocument,
    defaults: { profile: null, secrets: null },
    fileMode: 0o600,
  });
}
