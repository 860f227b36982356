import { describe, expect, it } from 'vitest';
import { environmentRoute } from './env-proxy';

const at = (url: string, env: Record<string, string>) => environmentRoute(new URL(url), env)?.proxy ?? null;

describe('environmentRoute (undici EnvHttpProxyAgent semantics)', () => {
  it('picks HTTPS_PROXY for https, HTTP_PROXY for http and as the https fallback, lower-case first', () => {
    const env = { HTTPS_PROXY: 'http://s.corp:1', HTTP_PROXY: 'http://h.corp:2' };
    expect(at('https://www.humanity.com/', env)).toBe('http://s.corp:1');
    expect(at('http://www.humanity.com/', env)).toBe('http://h.corp:2');
    expect(at('https://www.humanity.com/', { HTTP_PROXY: 'http://h.corp:2' })).toBe('http://h.corp:2');
    expect(at('https://www.humanity.com/', { https_proxy: 'http://lower:3', HTTPS_PROXY: 'http://upper:4' })).toBe('http://lower:3');
    expect(at('https://www.humanity.com/', {})).toBeNull();
  });

  it('honours NO_PROXY: exact hosts, subdomains, leading dots and stars, ports, and *', () => {
    const env = (noProxy: string) => ({ HTTPS_PROXY: 'http://s.corp:1', NO_PROXY: noProxy });
    expect(at('https://humanity.com/', env('humanity.com'))).toBeNull();
    expect(at('https://www.humanity.com/', env('humanity.com'))).toBeNull();
    expect(at('https://www.humanity.com/', env('*.humanity.com'))).toBeNull();
    expect(at('https://www.humanity.com/', env('.humanity.com'))).toBeNull();
    expect(at('https://nothumanity.com/', env('humanity.com'))).toBe('http://s.corp:1');
    expect(at('https://www.humanity.com/', env('www.humanity.com:8443'))).toBe('http://s.corp:1');
    expect(at('https://www.humanity.com:8443/', env('www.humanity.com:8443'))).toBeNull();
    expect(at('https://www.humanity.com/', env('www.humanity.com:443'))).toBeNull();
    expect(at('https://anything/', env('*'))).toBeNull();
    expect(at('https://www.humanity.com/', env('a.org, b.org\tWWW.HUMANITY.COM'))).toBeNull();
  });

  it('takes a login from the proxy address, kept apart from the address', () => {
    expect(environmentRoute(new URL('https://x.org/'), { HTTPS_PROXY: 'http://al%40corp:p%3Ass@s.corp:1' })).toEqual({
      proxy: 'http://s.corp:1',
      source: 'environment',
      username: 'al@corp',
      password: 'p:ss',
    });
    expect(at('https://x.org/', { HTTPS_PROXY: 's.corp:8080' })).toBe('http://s.corp:8080');
  });

  it('says which variable is wrong', () => {
    expect(() => at('https://x.org/', { HTTPS_PROXY: 'http://bad host:1' })).toThrow(/HTTPS_PROXY in the environment/);
    expect(() => at('https://x.org/', { HTTPS_PROXY: 'socks5://s.corp:1' })).toThrow(/uses socks5:/);
  });

  it('does not repeat a login in an address it cannot read, since the redactor cannot learn it', () => {
    for (const [value, shown] of [
      ['http://alex:long-proxy-password@bad host:1', 'http://…@bad host:1'],
      ['alex:pass/with@slash@bad host:1', '…@bad host:1'],
    ]) {
      let message = '';
      try {
        at('https://x.org/', { HTTPS_PROXY: value! });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain(`HTTPS_PROXY in the environment ("${shown}") is not a proxy address`);
      expect(message).not.toMatch(/alex|pass/);
    }
  });
});
