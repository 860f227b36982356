// The body-level envelope every v2 answer carries, and the v1 status numbers it reuses
// (humanity-api.md §4).
import { jsonReply, type Reply } from './http-io';

export const Status = {
  ok: 1,
  invalidToken: 3,
  invalidMethod: 4,
  invalidModule: 5,
  missingParameters: 8,
  invalidParameters: 9,
  createFailed: 12,
  updateFailed: 13,
  deleteFailed: 14,
  getFailed: 15,
} as const;

/** What an API call comes to before it is wrapped in the envelope. */
export interface Outcome {
  readonly httpStatus: number;
  readonly status: number;
  readonly data: unknown;
  readonly error: string | null;
  readonly headers?: Record<string, string>;
}

/**
 * A failed call. Thrown by handlers and parameter readers; the router turns it into an envelope.
 * Humanity reports business failures with HTTP 200, hence the default.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly httpStatus = 200,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function success(data: unknown): Outcome {
  return { httpStatus: 200, status: Status.ok, data, error: null };
}

export function failure(status: number, error: string, httpStatus = 200, headers?: Record<string, string>): Outcome {
  return { httpStatus, status, data: null, error, headers };
}

/** `value`, or an ApiError when a lookup found nothing. */
export function must<T>(value: T | undefined, status: number, message: string): T {
  if (value === undefined) throw new ApiError(status, message);
  return value;
}

/** `token` is the access token the caller presented: Humanity echoes it in every answer. */
export function envelopeReply(outcome: Outcome, token: string | null): Reply {
  const body = { status: outcome.status, data: outcome.data, metadata: [], token, error: outcome.error };
  return jsonReply(outcome.httpStatus, body, outcome.headers);
}
