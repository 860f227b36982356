// Knows every secret main has seen since it started (App Secrets, passwords, access and refresh
// tokens) and blanks them out of anything that leaves main: URLs, response bodies, logs, errors,
// IPC answers. Nothing is forgotten before quit: a response that arrives after sign-out still
// carries the old session's token (docs/architecture.md, "Redaction").
//
// The rule: a secret of at least EMBEDDED_MIN_LENGTH characters is blanked wherever it appears.
// A shorter one (a short password) only in what the server sent (bodies, header values and
// names, status text), and there only where it stands as a whole value: a whole string or a JSON
// string. Blanking "2024" inside other text would corrupt dates and numbers; blanking it in what
// the window itself sent (paths, variables, collections, every IPC answer) would let the window
// test guesses: whichever came back blanked is the password.
import { bytePattern } from './byte-redaction';
import { REDACTED, secretPattern, secretSpellings } from './secret-pattern';

export { REDACTED };
const MIN_SECRET_LENGTH = 4;
export const EMBEDDED_MIN_LENGTH = 12;

interface Known {
  /** What bodies are searched for: every spelling of a long secret, a short one's quoted. */
  spellings: string[];
  pattern: RegExp | null;
  /** Long secrets only. */
  longPattern: RegExp | null;
  bytes: RegExp | null;
  /** Short secrets, to compare whole values with. */
  whole: Set<string>;
}

export class Redactor {
  private readonly secrets = new Set<string>();
  private known: Known | null = null;

  /** Remembers secrets until the app quits; values under 4 characters are no secret worth the name. */
  addSecret(...values: Array<string | null | undefined>): void {
    for (const value of values) {
      if (!value || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) continue;
      this.secrets.add(value);
      this.known = null;
    }
  }

  /** What response bodies are searched for (by the body worker, and when saving to a file). */
  spellings(): readonly string[] {
    return this.current().spellings;
  }

  /** One pattern for every spelling in raw body bytes (redaction/byte-redaction.ts); null without secrets. */
  bytePattern(): RegExp | null {
    return this.current().bytes;
  }

  /** Text the server sent: long secrets anywhere, short ones as whole values. Bound, to pass around. */
  readonly redact = (text: string): string => {
    const { pattern, whole } = this.current();
    if (whole.has(text)) return REDACTED;
    // A quoted short secret keeps its quotes, so JSON text stays JSON.
    return pattern ? text.replace(pattern, (found) => (found.startsWith('"') && whole.has(found.slice(1, -1)) ? `"${REDACTED}"` : REDACTED)) : text;
  };

  /** Text that may hold what the window sent (and every IPC answer): long secrets only. Bound. */
  readonly redactLong = (text: string): string => {
    const { longPattern } = this.current();
    return longPattern ? text.replace(longPattern, REDACTED) : text;
  };

  /** A URL for display: the access_token parameter is blanked whatever its value; its path and query are the window's. */
  redactUrl(url: URL | string): string {
    return this.redactLong(String(url).replace(/([?&]access_token=)[^&#]*/gi, `$1${REDACTED}`));
  }

  private current(): Known {
    if (!this.known) {
      const long = [...this.secrets].filter((secret) => secret.length >= EMBEDDED_MIN_LENGTH);
      const short = [...this.secrets].filter((secret) => secret.length < EMBEDDED_MIN_LENGTH);
      const longSpellings = [...new Set(long.flatMap(secretSpellings))];
      const spellings = [...new Set([...longSpellings, ...short.flatMap(secretSpellings).map((s) => `"${s}"`)])];
      const whole = new Set(short.flatMap(secretSpellings));
      this.known = { spellings, pattern: secretPattern(spellings), longPattern: secretPattern(longSpellings), bytes: bytePattern(spellings), whole };
    }
    return this.known;
  }
}
