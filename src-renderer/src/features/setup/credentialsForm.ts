// The setup form's values and the checks made before anything is sent to main.
import type { CredentialsInput, ProfileView } from '@shared/contract';

export type CredentialsForm = Required<CredentialsInput>;
/** The text fields of the form (everything but the checkbox). */
export type CredentialsField = Exclude<keyof CredentialsForm, 'rememberPassword'>;

export const DEFAULT_HOST = 'https://www.humanity.com';

/** Prefilled from the saved profile of a real account; the sandbox profile is not the user's. */
export function initialForm(profile: ProfileView | null, accountName = ''): CredentialsForm {
  const saved = profile && !profile.sandbox ? profile : null;
  return {
    accountName: saved ? accountName : '',
    host: saved?.host || DEFAULT_HOST,
    appId: saved?.appId ?? '',
    appSecret: '',
    username: saved?.username ?? '',
    password: '',
    redirectUri: saved?.redirectUri ?? '',
    rememberPassword: saved?.rememberPassword ?? false,
  };
}

const REQUIRED: ReadonlyArray<[CredentialsField, string]> = [
  ['appId', 'App ID'],
  ['appSecret', 'App Secret'],
  ['username', 'Username'],
  ['password', 'Password'],
  ['host', 'API host'],
];

const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);

function hostProblem(host: string): string | null {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    return 'Enter the API host as a web address, for example https://www.humanity.com.';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return 'The API host must start with https:// (http:// is allowed only for localhost).';
}

/**
 * One sentence per invalid field, in the order the fields appear on screen. Without
 * `needsAppSecret` main still holds the account's App Secret (a memory-only vault keeps it until quit).
 */
export function validateForm(form: CredentialsForm, needsAppSecret = true): Partial<Record<CredentialsField, string>> {
  const problems: Partial<Record<CredentialsField, string>> = {};
  for (const [field, label] of REQUIRED) {
    if (field === 'appSecret' && !needsAppSecret) continue;
    if (form[field].trim() === '') problems[field] = `Enter the ${label}.`;
  }
  if (!problems.host) {
    const host = hostProblem(form.host.trim());
    if (host) problems.host = host;
  }
  return problems;
}

/**
 * What goes to `auth.login`: identifiers trimmed, secrets exactly as typed. "Remember" is sent as
 * chosen: main seals the password only on a protected vault and keeps it in memory otherwise.
 */
export function toCredentials(form: CredentialsForm): CredentialsInput {
  return {
    ...form,
    host: form.host.trim(),
    appId: form.appId.trim(),
    username: form.username.trim(),
    redirectUri: form.redirectUri.trim(),
    accountName: form.accountName.trim(),
  };
}
