// What a route handler receives. Handlers return the envelope's `data` or throw an ApiError.
import type { Params } from './http-io';
import type { Org } from './org-state';

export interface ApiRequest {
  /** Query fields, overlaid by body fields for writes. */
  readonly params: Params;
  readonly org: Org;
  /** The sandbox clock at the time of the request, in ms. */
  readonly now: number;
}

/** `id` is the numeric `{id}` path segment; collection handlers do not take it. */
export type Handler = (request: ApiRequest, id: number) => unknown;
