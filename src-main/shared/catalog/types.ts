// Types of the Humanity endpoint catalog. This folder is imported by main and by the sandboxed
// renderer, so it imports nothing — not even `../channels`: the architecture test forbids
// `../` imports from non-test files under src-main/shared. `HttpMethod` below is therefore a
// copy of the one in channels.ts; catalog.test.ts checks at compile time that the two agree.

/** Same members as `HttpMethod` in `../channels` (checked in catalog.test.ts). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How sure we are, and about what, from humanity-api.md's tags:
 * - `confirmed` (C): method, path, permission and parameters are in Humanity's reference;
 * - `path-confirmed` (C): method, path and permission are in the reference, but some parameter
 *   names or values are not: they come from working clients or user reports, or were not captured;
 * - `reported` (R): seen in working clients or user reports only;
 * - `inferred` (R/I, R? or I): our best reading of scattered evidence.
 */
export type Confidence = 'confirmed' | 'path-confirmed' | 'reported' | 'inferred';

export type ParamLocation = 'path' | 'query' | 'body';

/**
 * What the builder should offer for a parameter:
 * - `date`: a date picker producing `YYYY-MM-DD`;
 * - `time`: a time field producing `HH:MM`;
 * - `enum`: a select over `enumValues` (values are sent as written);
 * - `id-list`: comma-separated numeric IDs, e.g. `138641,138642`;
 * - `json`: a JSON text (a JSON value inside a JSON body, or a JSON string inside a form).
 */
export type ParamType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'time' | 'enum' | 'id-list' | 'json';

export interface CatalogParam {
  name: string;
  in: ParamLocation;
  type: ParamType;
  required: boolean;
  description: string;
  enumValues?: readonly { value: string; label: string }[];
  example?: string;
}

export type Resource =
  | 'employees'
  | 'shifts'
  | 'positions'
  | 'locations'
  | 'timeclocks'
  | 'leaves'
  | 'reports'
  | 'payroll'
  | 'tasks'
  | 'skills'
  | 'account';

export interface CatalogEndpoint {
  /** Stable kebab id, e.g. 'get-shifts'. */
  id: string;
  /** A short verb phrase users search for, e.g. 'Get shifts'. */
  title: string;
  method: HttpMethod;
  /** Template relative to /api/v2 without a leading slash, e.g. 'shifts/{id}'. */
  path: string;
  resource: Resource;
  /** One or two sentences. */
  purpose: string;
  params: readonly CatalogParam[];
  /** Classic endpoints take form fields; the newer task endpoints take JSON. */
  bodyFormat: 'none' | 'form' | 'json';
  /** e.g. 'Level 7 (Schedule Viewer) or better', 'Minimum role: Employee'; null if undocumented. */
  permission: string | null;
  confidence: Confidence;
  /** Quirks that matter for this endpoint. */
  notes?: readonly string[];
  /** Names of the start/end date params and the longest window that works, for bulk pulls. */
  dateWindow?: { start: string; end: string; maxDays: number };
  /** Humanity's reference page for this endpoint (a verified slug), or the reference index when no page is known. */
  docsUrl: string;
}
