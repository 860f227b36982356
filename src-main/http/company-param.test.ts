// The company step: on a group account the chosen child company goes with every request, in the
// query for GET and in the body otherwise, unless the request names one itself.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings-store';
import type { RequestBody, SavedRequest } from '../shared/contract';
import { forCompany } from './company-param';

const settings = { ...DEFAULT_SETTINGS, activeCompanyId: '77' };
const field = (name: string, value: string, enabled = true) => ({ name, value, enabled });
const company = field('child_company_id', '77');
const get = (query = [field('start_date', '2026-01-01')]): SavedRequest => ({ method: 'GET', path: 'shifts', query, body: { kind: 'none' } });
const post = (body: RequestBody): SavedRequest => ({ method: 'POST', path: 'employees', query: [], body });

describe('forCompany', () => {
  it('changes nothing when no company is chosen', () => {
    const request = get();
    expect(forCompany(request, DEFAULT_SETTINGS)).toBe(request);
  });

  it('adds the company to the query of a GET', () => {
    expect(forCompany(get(), settings).query).toEqual([field('start_date', '2026-01-01'), company]);
  });

  it('leaves a request that names a company itself, in the query or a form field', () => {
    const named = get([field('child_company_id', '12')]);
    expect(forCompany(named, settings)).toBe(named);
    const form = post({ kind: 'form', fields: [field('child_company_id', '12')] });
    expect(forCompany(form, settings)).toBe(form);
  });

  it('does not count a disabled parameter as naming one', () => {
    expect(forCompany(get([field('child_company_id', '12', false)]), settings).query).toEqual([field('child_company_id', '12', false), company]);
  });

  it('gives a write without a body a form body with the company', () => {
    expect(forCompany(post({ kind: 'none' }), settings).body).toEqual({ kind: 'form', fields: [company] });
  });

  it('adds the company to a form body', () => {
    expect(forCompany(post({ kind: 'form', fields: [field('name', 'Ada')] }), settings).body).toEqual({ kind: 'form', fields: [field('name', 'Ada'), company] });
  });

  it('adds the company to a JSON object, or leaves one that has it', () => {
    expect(forCompany(post({ kind: 'json', text: '{"name":"Ada"}' }), settings).body).toEqual({ kind: 'json', text: '{"name":"Ada","child_company_id":"77"}' });
    const named = post({ kind: 'json', text: '{"child_company_id": 12}' });
    expect(forCompany(named, settings)).toBe(named);
  });

  it.each(['[1, 2]', '"text"', '{"broken":'])('puts it in the query when the JSON body %j is no object to add it to', (text) => {
    const request = forCompany(post({ kind: 'json', text }), settings);
    expect(request.body).toEqual({ kind: 'json', text });
    expect(request.query).toEqual([company]);
  });
});
