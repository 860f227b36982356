// Exports leave the computer, so values under names that mean a credential (access_token,
// client_secret, password, api_key, ...) are blanked first, wherever the user typed them:
// collection variables, query parameters, form fields and JSON body keys. A value that is only
// a `{{variable}}` reference is kept: it names a secret without containing it.
import type { CollectionNode, NameValue, RequestBody } from '../shared/contract';

const CREDENTIAL_NAME = /token|secret|passw|api[-_ ]?key|authorization/i;
const VARIABLE_REFERENCE = /^\s*\{\{[^{}]+\}\}\s*$/;
const JSON_STRING_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

export function scrubCredentials(node: CollectionNode): CollectionNode {
  return {
    ...node,
    variables: scrubRows(node.variables),
    request: node.request && { ...node.request, query: scrubRows(node.request.query), body: scrubBody(node.request.body) },
    children: node.children.map(scrubCredentials),
  };
}

const keepValue = (name: string, value: string) => !isCredentialName(name) || VARIABLE_REFERENCE.test(value);

function scrubRows(rows: NameValue[]): NameValue[] {
  return rows.map((row) => (keepValue(row.name, row.value) ? row : { ...row, value: '' }));
}

function scrubBody(body: RequestBody): RequestBody {
  if (body.kind === 'form') return { kind: 'form', fields: scrubRows(body.fields) };
  if (body.kind !== 'json') return body;
  // Text, not JSON.parse: bodies may hold unquoted {{placeholders}} and the user's formatting is kept.
  const text = body.text.replace(JSON_STRING_MEMBER, (member, key: string, colon: string, value: string) =>
    keepValue(key, value) ? member : `"${key}"${colon}""`,
  );
  return { kind: 'json', text };
}
