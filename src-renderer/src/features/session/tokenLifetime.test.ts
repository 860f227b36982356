import { expect, it } from 'vitest';
import { tokenLifetimeText } from './tokenLifetime';

it('counts minutes, then seconds, then says the token renews on the next request', () => {
  const now = 1_000_000;
  expect(tokenLifetimeText(now + 54 * 60_000 + 30_000, now)).toBe('Token: 54 min left');
  expect(tokenLifetimeText(now + 12_400, now)).toBe('Token: 12 s left');
  expect(tokenLifetimeText(now, now)).toBe('Token expired — renews on next request');
});
