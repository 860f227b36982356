// Credentials in collection files. Exports leave the computer, so values under names that mean a
// credential (access_token, client_secret, password, api_key, ...) are blanked first, wherever
// the user typed them: collection variables, query parameters, form fields and JSON body keys. A
// value that is only a `{{variable}}` reference is kept: it names a secret without containing it.
// Imports lose every query parameter, form field and JSON body key named access_token: the app
// sets it from the session, and a hostile file could otherwise make requests act as someone else.
import { isReservedName, reservedMembers } from '../http/url-rules';
import type { CollectionNode, NameValue, RequestBody } from '../shared/contract';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../store/document-store';

const CREDENTIAL_NAME = /token|secret|passw|api[-_ ]?key|authorization/i;
const VARIABLE_REFERENCE = /^\s*\{\{[^{}]+\}\}\s*$/;
const JSON_STRING_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
// A JSON string, or a {{placeholder}} outside one (bodies may hold unquoted ones: "id": {{id}}).
const STRING_OR_PLACEHOLDER = /"(?:[^"\\]|\\.)*"|\{\{[^{}]*\}\}/g;
const PLACEHOLDER_MARK = /"\\u0000(\d+)"/g;

/** How to change the name-value tables and JSON bodies of a tree. */
interface TableEdits {
  variables(rows: NameValue[]): NameValue[];
  params(rows: NameValue[]): NameValue[];
  json(text: string): string;
}

function editTables(node: CollectionNode, edits: TableEdits): CollectionNode {
  const body = (value: RequestBody): RequestBody => {
    if (value.kind === 'form') return { kind: 'form', fields: edits.params(value.fields) };
    return value.kind === 'json' ? { kind: 'json', text: edits.json(value.text) } : value;
  };
  return {
    ...node,
    variables: edits.variables(node.variables),
    request: node.request && { ...node.request, query: edits.params(node.request.query), body: body(node.request.body) },
    children: node.children.map((child) => editTables(child, edits)),
  };
}

const keepValue = (name: string, value: string) => !CREDENTIAL_NAME.test(name) || VARIABLE_REFERENCE.test(value);

function scrubRows(rows: NameValue[]): NameValue[] {
  return rows.map((row) => (keepValue(row.name, row.value) ? row : { ...row, value: '' }));
}

export function scrubCredentials(node: CollectionNode): CollectionNode {
  return editTables(node, {
    variables: scrubRows,
    params: scrubRows,
    // Text, not JSON.parse: bodies may hold unquoted {{placeholders}} and the user's formatting is kept.
    json: (text) => text.replace(JSON_STRING_MEMBER, (member, key: string, colon: string, value: string) => (keepValue(key, value) ? member : `"${key}"${colon}""`)),
  });
}

/** The tree without access_token parameters, form fields and JSON keys (disabled ones too), and how many went. */
export function withoutReservedNames(node: CollectionNode): { node: CollectionNode; removed: number } {
  let removed = 0;
  const edited = editTables(node, {
    variables: (rows) => rows,
    params: (rows) => {
      const kept = rows.filter((row) => !isReservedName(row.name));
      removed += rows.length - kept.length;
      return kept;
    },
    json: (text) => {
      const rewritten = withoutReservedKeys(text);
      removed += rewritten.removed;
      return rewritten.text;
    },
  });
  return { node: edited, removed };
}

/**
 * The JSON text without members named access_token, at any depth. Text without any (formatting
 * and all) comes back unchanged, as does text that is not JSON or nests too deep to write back:
 * sending refuses those anyway.
 */
function withoutReservedKeys(text: string): { text: string; removed: number } {
  const placeholders: string[] = [];
  // Unquoted placeholders stand in as marked strings while the text is parsed, then come back.
  const parsable = text.replace(STRING_OR_PLACEHOLDER, (match) => (match.startsWith('"') ? match : JSON.stringify(`\u0000${placeholders.push(match) - 1}`)));
  let value: unknown;
  try {
    value = JSON.parse(parsable);
  } catch {
    return { text, removed: 0 };
  }
  const members = reservedMembers(value);
  if (!members.length || nestedDeeperThan(value, MAX_JSON_DEPTH)) return { text, removed: 0 };
  for (const { owner, key } of members) delete owner[key];
  const written = JSON.stringify(value, null, 2).replace(PLACEHOLDER_MARK, (_mark, index: string) => placeholders[Number(index)]!);
  return { text: written, removed: members.length };
}
