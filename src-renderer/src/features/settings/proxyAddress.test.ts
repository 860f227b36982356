import { describe, expect, it } from 'vitest';
import { proxyAddressProblem } from './useNetworkForm';

describe('proxyAddressProblem', () => {
  it('accepts an http(s) address with a port, and an empty one unless the proxy is manual', () => {
    expect(proxyAddressProblem('http://proxy.corp:8080', 'manual')).toBeNull();
    expect(proxyAddressProblem(' https://Proxy.Corp/ ', 'manual')).toBeNull();
    expect(proxyAddressProblem('http://proxy.corp:8080?x=1', 'manual')).toMatch(/without a path/);
    expect(proxyAddressProblem('', 'system')).toBeNull();
    expect(proxyAddressProblem('', 'manual')).toMatch(/^Enter the proxy address/);
  });

  it('says what is wrong with anything else', () => {
    expect(proxyAddressProblem('proxy.corp:8080', 'manual')).toMatch(/start with http/);
    expect(proxyAddressProblem('proxy corp', 'manual')).toMatch(/not a proxy address/);
    expect(proxyAddressProblem('socks5://proxy.corp:1080', 'manual')).toMatch(/start with http/);
    expect(proxyAddressProblem('http://alex:pw@proxy.corp:8080', 'manual')).toMatch(/own fields/);
    expect(proxyAddressProblem('http://proxy.corp:8080/path', 'manual')).toMatch(/without a path/);
  });
});
