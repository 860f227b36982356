// The company step of the request pipeline (docs/architecture.md, "The request pipeline"): on a
// group account, the child company chosen in Settings goes with every request unless the request
// names one itself.
import type { SavedRequest, Settings } from '../shared/contract';

const COMPANY_PARAM = 'child_company_id';

/** The request with `child_company_id` added: in the query for GET, in the body otherwise. */
export function forCompany(request: SavedRequest, settings: Settings): SavedRequest {
  const companyId = settings.activeCompanyId;
  if (!companyId) return request;
  const named = (list: readonly { name: string; enabled: boolean }[]) => list.some((p) => p.enabled && p.name === COMPANY_PARAM);
  const field = { name: COMPANY_PARAM, value: companyId, enabled: true };
  if (named(request.query) || (request.body.kind === 'form' && named(request.body.fields))) return request;
  if (request.method === 'GET') return { ...request, query: [...request.query, field] };
  if (request.body.kind === 'none') return { ...request, body: { kind: 'form', fields: [field] } };
  if (request.body.kind === 'form') return { ...request, body: { kind: 'form', fields: [...request.body.fields, field] } };
  // A JSON body that is not an object has nowhere to put the field: it goes in the query.
  const json = parseJsonObject(request.body.text);
  if (!json || COMPANY_PARAM in json) return json ? request : { ...request, query: [...request.query, field] };
  return { ...request, body: { kind: 'json', text: JSON.stringify({ ...json, [COMPANY_PARAM]: companyId }) } };
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
