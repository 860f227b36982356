// "Copy as cURL": the request as one POSIX sh command. Every argument is single-quoted, so
// nothing in a path, parameter or body is expanded by the shell.
import type { Settings } from '../shared/contract';
import type { EncodedBody } from '../http/encode-body';

export const TOKEN_PLACEHOLDER = '<ACCESS_TOKEN>';

export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export interface CurlRequest {
  method: string;
  /** The API URL without the token. */
  url: URL;
  body: EncodedBody | null;
  tokenDelivery: Settings['tokenDelivery'];
}

/** The command with `token`, or with TOKEN_PLACEHOLDER where the token goes when it is null. */
export function curlCommand(request: CurlRequest, token: string | null): string {
  let url = request.url.toString();
  const headers = ['Accept: application/json'];
  if (request.tokenDelivery === 'query') {
    url += `${request.url.search ? '&' : '?'}access_token=${token === null ? TOKEN_PLACEHOLDER : encodeURIComponent(token)}`;
  } else {
    headers.push(`Authorization: Bearer ${token ?? TOKEN_PLACEHOLDER}`);
  }
  if (request.body) headers.push(`Content-Type: ${request.body.contentType}`);
  const first = request.method === 'GET' ? `curl ${shellQuote(url)}` : `curl -X ${request.method} ${shellQuote(url)}`;
  const rest = headers.map((header) => `-H ${shellQuote(header)}`);
  // --data-raw, unlike --data, never reads a file when the body starts with "@".
  if (request.body) rest.push(`--data-raw ${shellQuote(request.body.text)}`);
  return [first, ...rest].join(' \\\n  ');
}
