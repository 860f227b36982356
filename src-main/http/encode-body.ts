// The body encoding step of the request pipeline (docs/architecture.md, "The request pipeline"): a request
// body in its wire form, for the runner and for "Copy as cURL".
import { AppError } from '../shared/app-error';
import type { RequestBody } from '../shared/contract';
import { isReservedName, reservedMembers, reservedNameError } from './url-rules';

export interface EncodedBody {
  text: string;
  contentType: string;
}

/**
 * The wire form of a body; null when there is none (a GET sends none). A field or JSON key named access_token,
 * at any depth, is refused: PHP servers merge a JSON body into the request parameters.
 */
export function encodeBody(method: string, body: RequestBody): EncodedBody | null {
  if (method === 'GET' || body.kind === 'none') return null;
  if (body.kind === 'form') {
    const form = new URLSearchParams();
    for (const field of body.fields) {
      if (!field.enabled || !field.name) continue;
      if (isReservedName(field.name)) throw reservedNameError('invalid_body', 'the form field', field.name);
      form.append(field.name, field.value);
    }
    return { text: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch (error) {
    throw new AppError('invalid_body', `The JSON body is not valid: ${(error as Error).message}. Fix it and send again.`);
  }
  const [reserved] = reservedMembers(json);
  if (reserved) throw reservedNameError('invalid_body', 'the JSON body field', reserved.key);
  return { text: body.text, contentType: 'application/json' };
}
