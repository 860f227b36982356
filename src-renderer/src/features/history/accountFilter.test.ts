import { describe, expect, it } from 'vitest';
import { filterFor, optionInForce, REMOVED_ACCOUNTS } from './accountFilter';

describe('History account filter', () => {
  it('keeps a saved account, and falls back to all accounts once the chosen one is removed', () => {
    expect(optionInForce('a', ['a', 'b'], false)).toBe('a');
    expect(optionInForce('a', ['b'], true)).toBe('');
    expect(filterFor(optionInForce('a', ['b'], true), ['b'])).toEqual({});
    expect(filterFor('b', ['b'])).toEqual({ accountId: 'b' });
  });

  it('offers removed accounts only while entries of them exist, as "none of the saved ones"', () => {
    expect(optionInForce(REMOVED_ACCOUNTS, ['b'], true)).toBe(REMOVED_ACCOUNTS);
    expect(optionInForce(REMOVED_ACCOUNTS, ['b'], false)).toBe('');
    expect(filterFor(REMOVED_ACCOUNTS, ['b', 'c'])).toEqual({ notAccountIds: ['b', 'c'] });
  });
});
