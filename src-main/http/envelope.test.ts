import { describe, expect, it } from 'vitest';
import { decodeEnvelope, describeEnvelopeStatus, describeOutcome, isTokenRejection } from './envelope';

const outcome = (httpStatus: number, body: unknown) => describeOutcome(httpStatus, decodeEnvelope(httpStatus, body));

describe('decodeEnvelope', () => {
  it('reads a success envelope', () => {
    const body = { status: 1, data: [{ id: 1 }], metadata: [], token: 'echo', error: null };
    expect(decodeEnvelope(200, body)).toEqual({ kind: 'success', status: 1, meaning: 'Success', error: null });
    expect(outcome(200, body)).toBe('Success');
    expect(isTokenRejection(200, body)).toBe(false);
  });

  it('reads a business error that came with HTTP 200 (status 13 with error text)', () => {
    const body = { status: 13, data: null, error: 'Employee is already clocked in' };
    const view = decodeEnvelope(200, body);
    expect(view).toEqual({ kind: 'business_error', status: 13, meaning: 'Update failed', error: 'Employee is already clocked in' });
    expect(describeOutcome(200, view)).toBe('Update failed (status 13): Employee is already clocked in');
    expect(isTokenRejection(200, body)).toBe(false);
  });

  it('reports a status code missing from the published table (30) as such', () => {
    const view = decodeEnvelope(200, { status: 30, data: null, error: 'Break overlaps' });
    expect(view.kind).toBe('business_error');
    expect(view.status).toBe(30);
    expect(view.meaning).toContain("not in Humanity's published table");
    expect(view.meaning).toContain('30');
    expect(describeOutcome(200, view)).toContain('Break overlaps');
  });

  it('reads a status sent as a numeric string', () => {
    expect(decodeEnvelope(200, { status: '1', data: {} })).toMatchObject({ kind: 'success', status: 1 });
    expect(decodeEnvelope(200, { status: '13', data: null, error: 'x' })).toMatchObject({ kind: 'business_error', status: 13, meaning: 'Update failed' });
    expect(decodeEnvelope(200, { status: '-1', error: 'flagged' })).toMatchObject({ kind: 'business_error', status: -1, meaning: 'Flagged API key' });
  });

  it.each([{ status: '1x', data: {} }, { status: 1.5, data: {} }, { status: true, data: {} }, { status: null, data: {} }, { status: '', data: {} }])(
    'does not take %j for an envelope status',
    (body) => {
      expect(decodeEnvelope(200, body).kind).toBe('not_envelope');
      expect(decodeEnvelope(200, body).status).toBeNull();
    },
  );

  it('treats envelope status 3 as an auth error and a token rejection', () => {
    const body = { status: 3, data: null, error: 'Invalid token key - please re-authenticate' };
    const view = decodeEnvelope(200, body);
    expect(view).toMatchObject({ kind: 'auth_error', status: 3, error: 'Invalid token key - please re-authenticate' });
    expect(view.meaning).toMatch(/token/i);
    expect(isTokenRejection(200, body)).toBe(true);
    expect(isTokenRejection(200, { status: '3', error: 'x' })).toBe(true);
    expect(describeOutcome(200, view)).toContain('(status 3)');
  });

  it('treats HTTP 401 without an envelope as a refused token', () => {
    const view = decodeEnvelope(401, { message: 'Unauthorized' });
    expect(view).toMatchObject({ kind: 'auth_error', status: null });
    expect(view.meaning).toMatch(/token was refused/);
    expect(isTokenRejection(401, { message: 'Unauthorized' })).toBe(true);
    expect(isTokenRejection(401, null)).toBe(true);
    expect(isTokenRejection(401, 'Unauthorized')).toBe(true);
    expect(decodeEnvelope(401, null).kind).toBe('auth_error');
  });

  it.each(['invalid_token', 'expired_token'])('treats an OAuth %s body as a refused token', (code) => {
    const body = { error: code, error_description: 'The access token provided is invalid' };
    for (const http of [200, 400]) {
      const view = decodeEnvelope(http, body);
      expect(view).toMatchObject({ kind: 'auth_error', status: null, error: 'The access token provided is invalid' });
      expect(isTokenRejection(http, body)).toBe(true);
    }
  });

  it('does not treat other OAuth errors as a token rejection', () => {
    const body = { error: 'invalid_grant', error_description: 'Invalid username and password combination' };
    expect(isTokenRejection(400, body)).toBe(false);
    const view = decodeEnvelope(400, body);
    expect(view).toMatchObject({ kind: 'not_envelope', error: 'Invalid username and password combination' });
  });

  it('reports JSON without an envelope as not_envelope', () => {
    const body = { id: 7, name: 'Ada' };
    expect(decodeEnvelope(200, body)).toEqual({ kind: 'not_envelope', status: null, meaning: 'No Humanity envelope in this answer', error: null });
    expect(outcome(200, body)).toBe('No Humanity envelope in this answer');
    expect(isTokenRejection(200, body)).toBe(false);
  });

  it('needs data or error beside status to call it an envelope', () => {
    expect(decodeEnvelope(200, { status: 1 }).kind).toBe('not_envelope');
    expect(decodeEnvelope(200, { status: 1, data: null }).kind).toBe('success');
    expect(decodeEnvelope(200, { status: 9, error: 'Invalid parameters' }).kind).toBe('business_error');
  });

  it.each([
    ['an array', [{ status: 3, data: null }]],
    ['null', null],
    ['a string', 'status 3'],
    ['a number', 3],
    ['undefined', undefined],
  ])('reports %s body as not_envelope and not a token rejection', (_label, body) => {
    expect(decodeEnvelope(200, body)).toEqual({ kind: 'not_envelope', status: null, meaning: 'No Humanity envelope in this answer', error: null });
    expect(isTokenRejection(200, body)).toBe(false);
  });

  it('serialises an object error into text', () => {
    const view = decodeEnvelope(200, { status: 9, data: null, error: { field: 'start_date', problem: 'format' } });
    expect(view.error).toBe('{"field":"start_date","problem":"format"}');
  });

  it('prefers error_description over error', () => {
    expect(decodeEnvelope(200, { status: 8, error: 'missing', error_description: 'start_date is required' }).error).toBe('start_date is required');
  });
});

describe('describeOutcome without an envelope', () => {
  it('explains HTTP 429 as rate limiting', () => {
    const text = outcome(429, { message: 'slow down' });
    expect(text).toMatch(/rate-limiting/);
    expect(text).toMatch(/Wait/);
  });

  it.each([500, 502, 503, 504])('explains HTTP %i as a server error and mentions the shift date window', (status) => {
    const text = outcome(status, '<html>oops</html>');
    expect(text).toContain(`HTTP ${status}`);
    expect(text).toMatch(/server error/);
    expect(text).toMatch(/one month/);
  });

  it('explains HTTP 404 as a wrong path', () => {
    expect(outcome(404, null)).toMatch(/Not found.*path/);
  });

  it('explains HTTP 403 in terms of the role', () => {
    expect(outcome(403, { message: 'nope' })).toMatch(/role/);
  });

  it('falls back to the meaning and error text for other statuses', () => {
    expect(outcome(400, { error: 'bad_request' })).toBe('No Humanity envelope in this answer: bad_request');
  });

  it('uses the envelope rather than the HTTP status when there is one', () => {
    expect(outcome(500, { status: 15, data: null, error: 'Get failed' })).toBe('Get failed (status 15): Get failed');
    expect(outcome(429, { status: 1, data: [] })).toBe('Success');
  });

  it('mentions the token for HTTP 401', () => {
    expect(outcome(401, null)).toMatch(/token was refused/);
  });
});

describe('describeEnvelopeStatus', () => {
  it.each([7, 20])('says the role may not allow it for permission code %i', (status) => {
    expect(describeEnvelopeStatus(status)).toMatch(/role/);
    expect(outcome(200, { status, data: null, error: 'denied' })).toMatch(/role.*\(status \d+\): denied/);
  });

  it('covers the published codes', () => {
    expect(describeEnvelopeStatus(1)).toBe('Success');
    expect(describeEnvelopeStatus(2)).toMatch(/API key/);
    expect(describeEnvelopeStatus(3)).toMatch(/token/);
    expect(describeEnvelopeStatus(5)).toMatch(/does not exist/);
    expect(describeEnvelopeStatus(90)).toMatch(/Suspended/);
    for (const code of [-1, -2, -3]) expect(describeEnvelopeStatus(code)).toBe('Flagged API key');
  });

  it('words the v1 throttle, bad-parameters and offline codes 91, 98, 99', () => {
    expect(describeEnvelopeStatus(91)).toBe('Throttle exceeded — too many requests; try again later');
    expect(describeEnvelopeStatus(98)).toBe('Bad API parameters — invalid POST request');
    expect(describeEnvelopeStatus(99)).toBe('Service offline — try again later');
    expect(outcome(200, { status: 91, data: null, error: 'slow down' })).toBe(
      'Throttle exceeded — too many requests; try again later (status 91): slow down',
    );
  });

  it.each([0, 11, 30, 92, -4])('says %i is not in the published table', (status) => {
    expect(describeEnvelopeStatus(status)).toBe(`Status ${status} (not in Humanity's published table)`);
  });
});
