// Humanity's body-level envelope `{status, data, metadata, token, error}`: business failures can
// arrive with HTTP 200 and status ≠ 1, so the outcome is read from the body, and so is a refused
// token (status 3) for the token retry step (docs/architecture.md, "The request pipeline").
import type { EnvelopeView } from '../shared/contract';

export const ENVELOPE_STATUS_MEANINGS: Readonly<Record<number, string>> = {
  1: 'Success',
  2: 'Invalid API key',
  3: 'Invalid or expired token — sign in again',
  4: 'Invalid method for this endpoint',
  5: 'Invalid module — the endpoint does not exist',
  6: 'Invalid action',
  7: 'Authentication failed — your role may not allow this',
  8: 'Missing parameters',
  9: 'Invalid parameters',
  10: 'Extra parameters',
  12: 'Create failed',
  13: 'Update failed',
  14: 'Delete failed',
  15: 'Get failed',
  20: 'Incorrect permissions — your role may not allow this',
  90: 'Suspended API key',
  // 91, 98, 99: worded as in ShiftPlanning's v1 table (its PHP SDK's response messages).
  91: 'Throttle exceeded — too many requests; try again later',
  98: 'Bad API parameters — invalid POST request',
  99: 'Service offline — try again later',
  [-1]: 'Flagged API key',
  [-2]: 'Flagged API key',
  [-3]: 'Flagged API key',
};

export function describeEnvelopeStatus(status: number): string {
  return ENVELOPE_STATUS_MEANINGS[status] ?? `Status ${status} (not in Humanity's published table)`;
}

const HEAD_VALUE_MAX = 2000;

/**
 * The root fields decodeEnvelope and isTokenRejection read, small enough to leave the body worker:
 * `status`, `error`, `error_description`, and whether `data` is there (its value is not copied).
 */
export function envelopeHead(body: unknown): Record<string, unknown> | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  const head: Record<string, unknown> = {};
  for (const key of ['status', 'error', 'error_description'] as const) if (Object.hasOwn(record, key)) head[key] = small(record[key]);
  if (Object.hasOwn(record, 'data')) head.data = null;
  return head;
}

/** A value as is when short, otherwise its JSON cut short (an error object can be anything). */
function small(value: unknown): unknown {
  if (typeof value === 'string') return value.length > HEAD_VALUE_MAX ? `${value.slice(0, HEAD_VALUE_MAX)}…` : value;
  if (!value || typeof value !== 'object') return value;
  const json = JSON.stringify(value);
  return json.length > HEAD_VALUE_MAX ? `${json.slice(0, HEAD_VALUE_MAX)}…` : value;
}

/** Reads the envelope of a parsed JSON body; bodies without one are reported as such. */
export function decodeEnvelope(httpStatus: number, body: unknown): EnvelopeView {
  const record = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  const status = record ? toStatus(record.status) : null;
  const errorText = record ? toErrorText(record.error, record.error_description) : null;
  if (record && status !== null && ('data' in record || 'error' in record)) {
    if (status === 1) return { kind: 'success', status, meaning: describeEnvelopeStatus(1), error: null };
    return { kind: status === 3 ? 'auth_error' : 'business_error', status, meaning: describeEnvelopeStatus(status), error: errorText };
  }
  if (httpStatus === 401 || isTokenError(record)) {
    return { kind: 'auth_error', status: null, meaning: 'The access token was refused', error: errorText };
  }
  return { kind: 'not_envelope', status: null, meaning: 'No Humanity envelope in this answer', error: errorText };
}

/** The envelope view of a body that is not read as JSON; `meaning` says why. */
export function notEnvelope(meaning: string): EnvelopeView {
  return { kind: 'not_envelope', status: null, meaning, error: null };
}

/** HTTP 401, envelope status 3, or an OAuth token error: refresh the token and retry once. */
export function isTokenRejection(httpStatus: number, body: unknown): boolean {
  if (httpStatus === 401) return true;
  const record = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  return !!record && (toStatus(record.status) === 3 || isTokenError(record));
}

function isTokenError(record: Record<string, unknown> | null): boolean {
  return !!record && (record.error === 'invalid_token' || record.error === 'expired_token');
}

function toStatus(value: unknown): number | null {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

function toErrorText(error: unknown, description: unknown): string | null {
  if (typeof description === 'string' && description) return description;
  if (typeof error === 'string' && error) return error;
  if (error && typeof error === 'object') return JSON.stringify(error);
  return null;
}

/** The one-line outcome shown next to the HTTP status. */
export function describeOutcome(httpStatus: number, envelope: EnvelopeView): string {
  switch (envelope.kind) {
    case 'success':
      return 'Success';
    case 'business_error':
    case 'auth_error':
      return `${envelope.meaning}${envelope.status !== null ? ` (status ${envelope.status})` : ''}${envelope.error ? `: ${envelope.error}` : ''}`;
    case 'not_envelope':
      if (httpStatus === 429) return 'Too many requests: Humanity is rate-limiting this account. Wait a moment and send again.';
      if (httpStatus >= 500) return `Humanity had a server error (HTTP ${httpStatus}). For /shifts, keep the date window to one month or less.`;
      if (httpStatus === 404) return 'Not found: check the path.';
      if (httpStatus === 403) return 'Forbidden: your role may not allow this.';
      return envelope.error ? `${envelope.meaning}: ${envelope.error}` : envelope.meaning;
  }
}
