import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST, initialForm, toCredentials, validateForm } from './credentialsForm';

const filled = { ...initialForm(null), appId: 'a', appSecret: 's', username: 'u', password: 'p' };

describe('validateForm', () => {
  it('names every empty required field, but not the optional Redirect URI', () => {
    expect(validateForm(initialForm(null))).toEqual({
      appId: 'Enter the App ID.',
      appSecret: 'Enter the App Secret.',
      username: 'Enter the Username.',
      password: 'Enter the Password.',
    });
  });

  it('accepts https hosts and plain http only on loopback', () => {
    for (const host of [DEFAULT_HOST, 'http://localhost:8080', 'http://127.0.0.1:4000', 'http://[::1]:9']) {
      expect(validateForm({ ...filled, host })).toEqual({});
    }
    for (const host of ['http://example.com', 'ftp://www.humanity.com', 'www.humanity.com']) {
      expect(validateForm({ ...filled, host }).host).toMatch(/\.$/);
    }
  });
});

describe('initialForm / toCredentials', () => {
  it('prefills from a real profile, never from the sandbox one', () => {
    const profile = { host: 'https://eu.humanity.com', appId: 'id', username: 'me', redirectUri: '', rememberPassword: true, sandbox: false };
    expect(initialForm(profile)).toMatchObject({ host: 'https://eu.humanity.com', appId: 'id', username: 'me', password: '' });
    expect(initialForm({ ...profile, sandbox: true }).appId).toBe('');
  });

  it('trims identifiers, keeps secrets as typed, and sends "remember" as chosen', () => {
    const form = { ...filled, appId: ' a ', password: ' p ', rememberPassword: true };
    expect(toCredentials(form)).toMatchObject({ appId: 'a', password: ' p ', rememberPassword: true });
    expect(toCredentials({ ...form, rememberPassword: false }).rememberPassword).toBe(false);
  });
});
