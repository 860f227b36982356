// Path filters for search, in the dotted form people write for JSON:
//
//   data[*].employees[*].name   every employee name of every row
//   data[3].id                  one value ([3] also picks the key "3" of a report object)
//   data.*.start_date           * is any key or index, after a dot or in brackets
//   $.data["odd key"]           a leading $ is allowed; brackets take a quoted key
//   /data/3/id                  a JSON Pointer works too (no wildcards)
//
// Each step goes exactly one level down; there is no recursive descent (`..`).
import { AppError } from '../../shared/app-error';
import { pointerTokens } from '../shared/json-tree';

/** One level: a named key or index, or any child. */
export type PathStep = { any: true } | { any: false; key: string };

const NAME = /[^.[\]\s]+/y;
const INDEX = /\[\s*(\d+|\*)\s*\]/y;
const QUOTED = /\[\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*\]/y;

export function parsePathFilter(filter: string): PathStep[] {
  const text = filter.trim();
  if (text.startsWith('/')) return pointerTokens(text)!.map((key) => ({ any: false, key }));
  const steps: PathStep[] = [];
  let at = text.startsWith('$') ? 1 : 0;
  while (at < text.length) {
    const dotted = text[at] === '.';
    if (dotted || (at === 0 && text[at] !== '[')) {
      if (dotted) at += 1;
      NAME.lastIndex = at;
      const name = NAME.exec(text);
      if (!name) throw invalid(filter, `a key is missing at character ${at + 1}`);
      steps.push(name[0] === '*' ? { any: true } : { any: false, key: name[0] });
      at = NAME.lastIndex;
      continue;
    }
    const bracket = matchAt(INDEX, text, at) ?? matchAt(QUOTED, text, at);
    if (!bracket) throw invalid(filter, `character ${at + 1} starts neither .key nor [index]`);
    const inner = bracket.value;
    steps.push(inner === '*' ? { any: true } : { any: false, key: /^["']/.test(inner) ? unquote(inner, filter) : inner });
    at = bracket.end;
  }
  if (steps.length === 0) throw invalid(filter, 'it names no key');
  return steps;
}

function matchAt(pattern: RegExp, text: string, at: number): { value: string; end: number } | null {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? { value: match[1]!, end: pattern.lastIndex } : null;
}

function unquote(quoted: string, filter: string): string {
  const body = quoted.slice(1, -1);
  try {
    return JSON.parse(`"${quoted.startsWith("'") ? body.replace(/\\'/g, "'").replace(/"/g, '\\"') : body}"`) as string;
  } catch {
    throw invalid(filter, `the quoted key ${quoted} has a broken escape`);
  }
}

function invalid(filter: string, why: string): AppError {
  return new AppError('invalid_input', `The path filter "${filter.slice(0, 200)}" is not valid: ${why}. Write it like data[*].employees[*].name or data[3].id.`);
}
