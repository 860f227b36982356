import { describe, expect, it } from 'vitest';
import { searchStatus, type SearchState } from './useResponseSearch';

const state = (over: Partial<SearchState>): SearchState => ({ query: 'priya', mode: 'text', totalHits: 0, done: false, capped: false, error: null, ...over });

describe('search status', () => {
  it('says how many hits, while they stream in and once done', () => {
    expect(searchStatus(state({ query: '' }))).toBe('');
    expect(searchStatus(state({ totalHits: 1200 }))).toBe('1,200 hits so far…');
    expect(searchStatus(state({ totalHits: 1, done: true }))).toBe('1 hit');
    expect(searchStatus(state({ totalHits: 0, done: true }))).toBe('No hits');
    expect(searchStatus(state({ totalHits: 10_000, done: true, capped: true }))).toBe('10,000+ hits (showing the first 10,000)');
  });

  it("shows main's sentence for a query that cannot run", () => {
    expect(searchStatus(state({ done: true, error: 'The path filter "data[" is not valid.' }))).toBe('The path filter "data[" is not valid.');
  });
});
