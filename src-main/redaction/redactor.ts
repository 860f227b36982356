// Knows every secret main has seen (App Secret, passwords, access and refresh tokens) and blanks
// them out of anything that leaves main: URLs, response bodies, logs, errors.

export const REDACTED = '[REDACTED]';
const MAX_TOKENS = 256;
const MIN_SECRET_LENGTH = 4;

export class Redactor {
  /** App Secret and passwords: kept until sign-out. */
  private readonly pinned = new Set<string>();
  /** Tokens rotate: only the newest MAX_TOKENS are kept. */
  private readonly tokens = new Set<string>();
  private pattern: RegExp | null = null;

  addSecret(...values: Array<string | null | undefined>): void {
    this.insert(this.pinned, values);
  }

  addToken(...values: Array<string | null | undefined>): void {
    this.insert(this.tokens, values);
    while (this.tokens.size > MAX_TOKENS) this.tokens.delete(this.tokens.values().next().value as string);
  }

  private insert(into: Set<string>, values: Array<string | null | undefined>): void {
    for (const value of values) {
      if (!value || value.length < MIN_SECRET_LENGTH || into.has(value)) continue;
      into.add(value);
      this.pattern = null;
    }
  }

  /** Forgets every secret (sign-out). */
  clear(): void {
    this.pinned.clear();
    this.tokens.clear();
    this.pattern = null;
  }

  redact(text: string): string {
    if (this.pinned.size + this.tokens.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.pinned, ...this.tokens]
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
