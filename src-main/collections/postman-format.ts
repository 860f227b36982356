// Postman Collection v2.1: the format Postman, Insomnia and Bruno all read and write.
// Schema: https://schema.getpostman.com/json/collection/v2.1.0/collection.json

export const POSTMAN_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** The host variable every exported URL starts with; Postman users point it elsewhere if they need. */
export const BASE_URL_VARIABLE = 'baseUrl';
export const HUMANITY_API_BASE = 'https://www.humanity.com/api/v2';

export interface PostmanKeyValue {
  key: string;
  value: string;
  disabled: boolean;
  type?: string;
}

export interface PostmanUrl {
  raw: string;
  host: string[];
  path: string[];
  query?: PostmanKeyValue[];
}

export type PostmanBody =
  | { mode: 'raw'; raw: string; options: { raw: { language: 'json' } } }
  | { mode: 'urlencoded'; urlencoded: PostmanKeyValue[] };

export interface PostmanItem {
  id: string;
  name: string;
  description?: string;
  /** Folders have `item`, requests have `request`. */
  item?: PostmanItem[];
  request?: { method: string; url: PostmanUrl; body?: PostmanBody; description?: string };
  response?: [];
}

export interface PostmanCollection {
  info: { _postman_id: string; name: string; description?: string; schema: string };
  item: PostmanItem[];
  variable: PostmanKeyValue[];
}
