// Re-indents JSON text with 2 spaces, piece by piece, without parsing it into values. The export
// therefore is exactly the received data: numbers keep every digit (IDs beyond 2^53 stay intact),
// strings keep their escapes, key order and duplicates stay as sent, and no tree of a 20 MB
// body is built in memory. For ordinary JSON the output equals JSON.stringify(value, null, 2).

const CHUNK_CHARS = 64 * 1024;
const SCALAR = /[^\s,:\]}]+/y;
const NOT_SPACE = /\S/g;

/** `text` must be valid JSON (the runner only marks a body as JSON after it parsed). */
export function* prettyJsonChunks(text: string, chunkChars = CHUNK_CHARS): Generator<string> {
  const indents: string[] = ['\n'];
  const newline = (depth: number) => (indents[depth] ??= `\n${'  '.repeat(depth)}`);
  let out = '';
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '{' || c === '[') {
      const next = nextNonSpace(text, i + 1);
      if (text[next] === (c === '{' ? '}' : ']')) {
        out += c === '{' ? '{}' : '[]';
        i = next + 1;
      } else {
        depth += 1;
        out += c + newline(depth);
        i += 1;
      }
    } else if (c === '}' || c === ']') {
      depth -= 1;
      out += newline(depth) + c;
      i += 1;
    } else if (c === ',') {
      out += `,${newline(depth)}`;
      i += 1;
    } else if (c === ':') {
      out += ': ';
      i += 1;
    } else if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i += 1;
    } else {
      SCALAR.lastIndex = i;
      // Always advance, even on text that is not JSON after all.
      const end = SCALAR.test(text) ? SCALAR.lastIndex : i + 1;
      out += text.slice(i, end);
      i = end;
    }
    if (out.length >= chunkChars) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** Index just past the closing quote of the string literal that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

function nextNonSpace(text: string, from: number): number {
  NOT_SPACE.lastIndex = from;
  return NOT_SPACE.exec(text)?.index ?? text.length;
}
