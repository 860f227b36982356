// shell.openExternal is only ever given https links to documentation hosts we know.
const DOCUMENTATION_HOSTS = new Set(['platform.humanity.com', 'www.humanity.com', 'help.humanity.com']);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && DOCUMENTATION_HOSTS.has(parsed.hostname) && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}
