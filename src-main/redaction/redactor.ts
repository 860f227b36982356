// Knows every secret main has seen (App Secret, passwords, access and refresh tokens) and blanks
// them out of anything that leaves main: URLs, response bodies, logs, errors.

export const REDACTED = '[REDACTED]';
const MAX_SECRETS = 256;
const MIN_SECRET_LENGTH = 4;

export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | null = null;

  add(...values: Array<string | null | undefined>): void {
    for (const value of values) {
      if (!value || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) continue;
      this.secrets.add(value);
      if (this.secrets.size > MAX_SECRETS) this.secrets.delete(this.secrets.values().next().value as string);
      this.pattern = null;
    }
  }

  /** Forgets every secret (sign-out). */
  clear(): void {
    this.secrets.clear();
    this.pattern = null;
  }

  redact(text: string): string {
    if (this.secrets.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, REDACTED);
  }

  /** A URL for display: the access_token parameter is blanked whatever its value. */
  redactUrl(url: URL | string): string {
    return this.redact(String(url).replace(/([?&]access_token=)[^&#]*/gi, `$1${REDACTED}`));
  }
}
