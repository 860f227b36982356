// Redacts a structure string by string, before it is serialized or URL-encoded: a secret that
// contains a quote, backslash or & would no longer match once escaped, so redacting the finished
// JSON or URL is not enough. Used for what history stores, what exports write, and (by the IPC
// router) every answer the window receives.

/** `value` with every string, at any depth, passed through `redact`; other values as they were. */
export function redactStrings<T>(value: T, redact: (text: string) => string): T {
  return redactValue(value, redact) as T;
}

function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, redact)]));
  }
  return value;
}
