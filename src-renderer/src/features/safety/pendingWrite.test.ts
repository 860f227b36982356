import { describe, expect, it } from 'vitest';
import type { RequestInput, SavedRequest, Settings } from '@shared/contract';
import { companyName, pendingWrite } from './pendingWrite';

const input = (method: RequestInput['method']): RequestInput => ({ requestId: 'r1', method, path: 'employees', query: [], body: { kind: 'none' }, collectionId: null });

describe('pendingWrite', () => {
  it('names the path without the host, and a JSON body as sent', () => {
    const resolved: SavedRequest = { method: 'POST', path: 'employees', query: [], body: { kind: 'json', text: '{"name":"Ann"}' } };
    expect(pendingWrite(input('POST'), resolved, 'https://www.humanity.com/api/v2/employees?x=1')).toEqual({
      method: 'POST',
      path: '/api/v2/employees?x=1',
      body: '{"name":"Ann"}',
    });
  });

  it('lists the enabled form fields one a line, and nothing for no body', () => {
    const fields = [
      { name: 'a', value: '1', enabled: true },
      { name: 'b', value: '2', enabled: false },
      { name: 'c', value: '3', enabled: true },
    ];
    const form: SavedRequest = { method: 'PUT', path: 'employees/1', query: [], body: { kind: 'form', fields } };
    expect(pendingWrite(input('PUT'), form, '/api/v2/employees/1').body).toBe('a=1\nc=3');
    expect(pendingWrite(input('DELETE'), { ...form, body: { kind: 'none' } }, '/api/v2/employees/1').body).toBe('');
  });
});

describe('companyName', () => {
  const settings = (activeCompanyId: string | null) => ({ activeCompanyId, companies: [{ id: '48213', name: 'North' }] }) as unknown as Settings;
  it('names the picked company, or only its id once it is no longer listed', () => {
    expect(companyName(settings('48213'))).toBe('North (child_company_id 48213)');
    expect(companyName(settings('7'))).toBe('child_company_id 7');
    expect(companyName(settings(null))).toBeNull();
    expect(companyName(null)).toBeNull();
  });
});
