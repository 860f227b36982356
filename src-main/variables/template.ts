// `{{name}}` placeholders in request text. Whitespace inside the braces is tolerated
// (`{{ name }}`); empty braces are not a placeholder and stay as typed.
const PLACEHOLDER = /\{\{\s*([^{}\s][^{}]*?)\s*\}\}/g;

/**
 * Replaces every placeholder whose name `lookup` knows. Unknown names stay in the text and are
 * reported to `onMissing`. Substitution is a single pass: a value that itself contains `{{x}}`
 * is inserted literally and never expanded again, so a value cannot pull in other variables
 * (or loop forever).
 */
export function substitute(text: string, lookup: (name: string) => string | undefined, onMissing: (name: string) => void): string {
  // Most text has no placeholder: skip the regular expression (every request pays for this).
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = lookup(name);
    if (value !== undefined) return value;
    onMissing(name);
    return placeholder;
  });
}
