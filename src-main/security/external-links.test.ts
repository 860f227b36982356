import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('isAllowedExternalUrl: what shell.openExternal may be given', () => {
  it.each(['https://platform.humanity.com/docs', 'https://platform.humanity.com/reference#shifts', 'https://www.humanity.com/'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://platform.humanity.com/docs',
    'https://evil.example/platform.humanity.com',
    'https://platform.humanity.com.evil.example/',
    'https://user:pass@platform.humanity.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://platform.humanity.com/share',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
