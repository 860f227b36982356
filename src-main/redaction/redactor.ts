// Knows every secret main has seen (App Secret, passwords, access and refresh tokens) and blanks
// them out of anything that leaves main: URLs, response bodies, logs, errors.
import { bytePattern } from './byte-redaction';
import { REDACTED, secretPattern, secretSpellings } from './secret-pattern';

export { REDACTED };
const MAX_TOKENS = 256;
const MIN_SECRET_LENGTH = 4;

export class Redactor {
  /** App Secret and passwords: kept until sign-out. */
  private readonly pinned = new Set<string>();
  /** Tokens rotate: only the newest MAX_TOKENS are kept. */
  private readonly tokens = new Set<string>();
  /** Every spelling of every secret; rebuilt after a change. */
  private known: { spellings: string[]; pattern: RegExp | null; bytes: RegExp | null } | null = null;

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
      this.known = null;
    }
  }

  /** Forgets every secret (sign-out). */
  clear(): void {
    this.pinned.clear();
    this.tokens.clear();
    this.known = null;
  }

  /** What response bodies are searched for (by the body worker, and when saving to a file). */
  spellings(): readonly string[] {
    return this.current().spellings;
  }

  /** One pattern for every spelling in raw body bytes (redaction/byte-redaction.ts); null without secrets. */
  bytePattern(): RegExp | null {
    return this.current().bytes;
  }

  redact(text: string): string {
    const { pattern } = this.current();
    return pattern ? text.replace(pattern, REDACTED) : text;
  }

  private current(): { spellings: string[]; pattern: RegExp | null; bytes: RegExp | null } {
    if (!this.known) {
      const spellings = [...new Set([...this.pinned, ...this.tokens].flatMap(secretSpellings))];
      this.known = { spellings, pattern: secretPattern(spellings), bytes: bytePattern(spellings) };
    }
    return this.known;
  }

  /** A URL for display: the access_token parameter is blanked whatever its value. */
  redactUrl(url: URL | string): string {
    return this.redact(String(url).replace(/([?&]access_token=)[^&#]*/gi, `$1${REDACTED}`));
  }
}
