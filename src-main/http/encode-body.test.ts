// encodeBody, the body encoding step: what the runner sends and "Copy as cURL" shows. access_token is
// the app's to set; a form field or JSON key of that name could make the server act on another
// token (PHP servers merge JSON bodies into the request parameters).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings-store';
import { AppError } from '../shared/app-error';
import type { RequestBody, SavedRequest } from '../shared/contract';
import { forCompany } from './company-param';
import { encodeBody } from './encode-body';

const field = (name: string, value: string, enabled = true) => ({ name, value, enabled });

function refusal(method: string, body: RequestBody): AppError {
  let caught: unknown;
  try {
    encodeBody(method, body);
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the body to be refused').toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect(error.code).toBe('invalid_body');
  expect(error.message).toMatch(/^[A-Z].*\.$/s);
  expect(error.message).not.toContain('stolen-token');
  return error;
}

describe('encodeBody: access_token is reserved', () => {
  it.each(['access_token', 'ACCESS_TOKEN', 'access_token[]', 'access_token[0]', 'access%5Ftoken', ' access_token '])(
    'refuses a form field named %j',
    (name) => {
      const error = refusal('POST', { kind: 'form', fields: [field('name', 'Ada'), field(name, 'stolen-token')] });
      expect(error.message).toBe(`Remove the form field "${name}": access_token is set by the app from your session.`);
    },
  );

  it('refuses a form field named access_token up to a NUL, which is where PHP stops reading it', () => {
    const error = refusal('POST', { kind: 'form', fields: [field('access_token\0x', 'stolen-token')] });
    expect(error.message).toMatch(/^Remove the form field "access_token.x": access_token is set by the app/);
    expect(error.message).not.toContain('\0');
  });

  it('sends a disabled or nameless form field, and fields that only resemble the name', () => {
    const body: RequestBody = { kind: 'form', fields: [field('access_token', 'x', false), field('access_tokens', '1'), field('', '2')] };
    expect(encodeBody('POST', body)).toEqual({ text: 'access_tokens=1', contentType: 'application/x-www-form-urlencoded' });
  });

  it.each([
    ['{"access_token": "stolen-token"}', 'access_token'],
    ['{"name": "Ada", "Access_Token[]": "stolen-token"}', 'Access_Token[]'],
    ['{"data": {"employees": [{"id": 1}, {"access_token": "stolen-token"}]}}', 'access_token'],
    ['[{"access%5Ftoken": "stolen-token"}]', 'access%5Ftoken'],
  ])('refuses a JSON body with an access_token key at any depth: %s', (text, name) => {
    expect(refusal('PUT', { kind: 'json', text }).message).toBe(`Remove the JSON body field "${name}": access_token is set by the app from your session.`);
  });

  it('finds the key in a JSON body nested 20,000 levels deep without running out of stack', () => {
    const depth = 20_000;
    const text = `${'{"a":'.repeat(depth)}{"access_token":"stolen-token"}${'}'.repeat(depth)}`;
    refusal('POST', { kind: 'json', text });
  });

  it('sends JSON that only mentions access_token in a value or a longer key', () => {
    const text = '{"note": "access_token", "access_tokens": 1, "list": ["access_token"]}';
    expect(encodeBody('POST', { kind: 'json', text })).toEqual({ text, contentType: 'application/json' });
  });

  it('checks nothing for GET, which sends no body', () => {
    expect(encodeBody('GET', { kind: 'form', fields: [field('access_token', 'x')] })).toBeNull();
  });

  it('sends no body for a write without one, and form fields encoded as a browser would', () => {
    expect(encodeBody('DELETE', { kind: 'none' })).toBeNull();
    expect(encodeBody('POST', { kind: 'form', fields: [field('name', 'Ada & Bob'), field('note', 'é=1')] })).toEqual({
      text: 'name=Ada+%26+Bob&note=%C3%A9%3D1',
      contentType: 'application/x-www-form-urlencoded',
    });
  });
});

describe('forCompany still adds child_company_id', () => {
  const settings = { ...DEFAULT_SETTINGS, activeCompanyId: '77' };
  const post = (body: RequestBody): SavedRequest => ({ method: 'POST', path: 'employees', query: [], body });

  it('to a form body and a JSON body, and the result passes the body check', () => {
    const form = forCompany(post({ kind: 'form', fields: [field('name', 'Ada')] }), settings);
    expect(encodeBody('POST', form.body)?.text).toBe('name=Ada&child_company_id=77');
    const json = forCompany(post({ kind: 'json', text: '{"name": "Ada"}' }), settings);
    expect(JSON.parse(encodeBody('POST', json.body)!.text)).toEqual({ name: 'Ada', child_company_id: '77' });
  });
});
