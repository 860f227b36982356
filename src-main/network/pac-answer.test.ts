import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { routeFromPacAnswer } from './pac-answer';

describe('routeFromPacAnswer', () => {
  it('takes the first entry it can use', () => {
    expect(routeFromPacAnswer('PROXY proxy.corp:8080; DIRECT')).toEqual({ proxy: 'http://proxy.corp:8080', source: 'system' });
    expect(routeFromPacAnswer('HTTPS secure.corp:443')).toEqual({ proxy: 'https://secure.corp', source: 'system' });
    expect(routeFromPacAnswer('SOCKS5 s.corp:1080;  proxy  b.corp:3128 ')).toEqual({ proxy: 'http://b.corp:3128', source: 'system' });
  });

  it('goes direct for DIRECT first, or an empty answer', () => {
    expect(routeFromPacAnswer('DIRECT')).toBeNull();
    expect(routeFromPacAnswer('DIRECT; PROXY a.corp:1')).toBeNull();
    expect(routeFromPacAnswer('')).toBeNull();
  });

  it('skips malformed entries and says so when nothing usable is left', () => {
    expect(routeFromPacAnswer('PROXY nohostport; PROXY user@evil:1; PROXY ok.corp:81')).toEqual({ proxy: 'http://ok.corp:81', source: 'system' });
    expect(() => routeFromPacAnswer('SOCKS s.corp:1080')).toThrow(AppError);
    expect(() => routeFromPacAnswer('SOCKS s.corp:1080')).toThrow(/SOCKS is not supported/);
  });
});
