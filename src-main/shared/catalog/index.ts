// The Humanity endpoint catalog and the helpers the sidebar and the request builder use.
// Pure data and functions: safe for main and for the sandboxed renderer.
import { ENDPOINTS } from './endpoints';
import type { CatalogEndpoint, Confidence, Resource } from './types';

export type { CatalogEndpoint, CatalogParam, Confidence, HttpMethod, ParamLocation, ParamType, Resource } from './types';
export { REFERENCE_INDEX, VERIFIED_REFERENCE_SLUGS } from './endpoints';

export const CATALOG: readonly CatalogEndpoint[] = ENDPOINTS;

/** Sidebar labels, in display order. */
export const RESOURCE_LABELS: Record<Resource, string> = {
  employees: 'Employees',
  shifts: 'Shifts',
  positions: 'Positions',
  locations: 'Locations',
  timeclocks: 'Timeclocks',
  leaves: 'Leaves',
  reports: 'Reports',
  payroll: 'Payroll',
  tasks: 'Tasks',
  skills: 'Skills',
  account: 'Account',
};

export const RESOURCE_ORDER = Object.keys(RESOURCE_LABELS) as Resource[];

export function endpointById(id: string): CatalogEndpoint | undefined {
  return CATALOG.find((endpoint) => endpoint.id === id);
}

function haystack(endpoint: CatalogEndpoint): string {
  return [endpoint.title, endpoint.path, endpoint.purpose, ...endpoint.params.map((p) => p.name)].join('\n').toLowerCase();
}

/**
 * Entries whose title, path, purpose or parameter names contain every whitespace-separated word
 * of `query` (case-insensitive). Entries whose title contains every word come first; otherwise
 * catalog order is kept. An empty query returns the whole catalog.
 */
export function searchCatalog(query: string, list: readonly CatalogEndpoint[] = CATALOG): CatalogEndpoint[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...list];
  const hits = list.filter((endpoint) => {
    const text = haystack(endpoint);
    return words.every((word) => text.includes(word));
  });
  const inTitle = (endpoint: CatalogEndpoint) => words.every((word) => endpoint.title.toLowerCase().includes(word));
  return [...hits.filter(inTitle), ...hits.filter((endpoint) => !inTitle(endpoint))];
}

export interface ResourceGroup {
  resource: Resource;
  label: string;
  endpoints: CatalogEndpoint[];
}

/** Groups in RESOURCE_LABELS order; resources with no entries in `list` are left out. */
export function groupByResource(list: readonly CatalogEndpoint[]): ResourceGroup[] {
  return RESOURCE_ORDER.map((resource) => ({
    resource,
    label: RESOURCE_LABELS[resource],
    endpoints: list.filter((endpoint) => endpoint.resource === resource),
  })).filter((group) => group.endpoints.length > 0);
}

const PLACEHOLDER = /\{([^{}/]+)\}/g;

/** The `{name}` placeholders of a path template, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/**
 * Replaces each `{name}` with its value, URI-encoded; placeholders without a (non-empty) value
 * stay as they are so the user sees what is missing. Commas are left literal: they are legal in
 * a path segment and Humanity takes comma-separated ID lists there (`shifts/2413,2415/tasks`).
 */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined || value === '') return whole;
    return encodeURIComponent(value).replace(/%2C/gi, ',');
  });
}

/** How many entries carry each confidence tag. */
export function catalogCounts(list: readonly CatalogEndpoint[] = CATALOG): Record<Confidence, number> {
  const counts: Record<Confidence, number> = { confirmed: 0, 'path-confirmed': 0, reported: 0, inferred: 0 };
  for (const endpoint of list) counts[endpoint.confidence] += 1;
  return counts;
}
