// Our collection as Postman Collection v2.1. Every URL starts with {{baseUrl}}, a collection
// variable set to Humanity's API base. No token is ever written: authentication is left to the
// user in the other tool (Humanity takes the token as the access_token query parameter).
import type { CollectionNode, NameValue, SavedRequest } from '../shared/contract';
import {
  BASE_URL_VARIABLE,
  HUMANITY_API_BASE,
  POSTMAN_SCHEMA_V21,
  type PostmanBody,
  type PostmanCollection,
  type PostmanItem,
  type PostmanKeyValue,
} from './postman-format';

export function toPostmanCollection(collection: CollectionNode): PostmanCollection {
  const variables = collection.variables.filter((row) => row.name.trim()).map(toKeyValue);
  // The collection's own baseUrl, if it defines one, wins over ours.
  if (!variables.some((row) => row.key === BASE_URL_VARIABLE)) variables.unshift({ key: BASE_URL_VARIABLE, value: HUMANITY_API_BASE, disabled: false, type: 'string' });
  return {
    info: { _postman_id: collection.id, name: collection.name, ...described(collection.description), schema: POSTMAN_SCHEMA_V21 },
    item: collection.children.map(toItem),
    variable: variables,
  };
}

function toItem(node: CollectionNode): PostmanItem {
  const common = { id: node.id, name: node.name, ...described(node.description) };
  if (!node.request) return { ...common, item: node.children.map(toItem) };
  return { ...common, request: toRequest(node.request), response: [] };
}

function toRequest(request: SavedRequest): NonNullable<PostmanItem['request']> {
  const relative = request.path.trim().replace(/^\/+/, '').replace(/^api\/v2\//, '');
  const enabled = request.query.filter((row) => row.enabled && row.name);
  const queryString = enabled.map((row) => `${row.name}=${row.value}`).join('&');
  const body = toBody(request);
  return {
    method: request.method,
    url: {
      raw: `{{${BASE_URL_VARIABLE}}}/${relative}${queryString ? `?${queryString}` : ''}`,
      host: [`{{${BASE_URL_VARIABLE}}}`],
      path: relative ? relative.split('/') : [],
      ...(request.query.length ? { query: request.query.map(toKeyValue) } : {}),
    },
    ...(body ? { body } : {}),
  };
}

function toBody({ body }: SavedRequest): PostmanBody | null {
  if (body.kind === 'json') return { mode: 'raw', raw: body.text, options: { raw: { language: 'json' } } };
  if (body.kind === 'form') return { mode: 'urlencoded', urlencoded: body.fields.map((field) => ({ ...toKeyValue(field), type: 'text' })) };
  return null;
}

function toKeyValue(row: NameValue): PostmanKeyValue {
  return { key: row.name, value: row.value, disabled: !row.enabled };
}

function described(description: string): { description?: string } {
  return description ? { description } : {};
}
