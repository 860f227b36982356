// Redacts a structure string by string, before it is serialized or URL-encoded: a secret that
// contains a quote, backslash or & would no longer match once escaped, so redacting the finished
// JSON or URL is not enough. Used for what history stores and what exports write.
import type { Redactor } from '../redaction/redactor';

export function redactStrings<T>(redactor: Redactor, value: T): T {
  return redactValue(redactor, value) as T;
}

function redactValue(redactor: Redactor, value: unknown): unknown {
  if (typeof value === 'string') return redactor.redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(redactor, item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(redactor, item)]));
  }
  return value;
}
