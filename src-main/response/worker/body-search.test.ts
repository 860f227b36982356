import { describe, expect, it } from 'vitest';
import { SEARCH_HITS_MAX as MAX_HITS } from '../../shared/channels';
import { SearchJob } from './body-search';

const doc = {
  status: 1,
  data: [
    { id: 10, name: 'Ada Lovelace', employees: [{ name: 'Grace' }, { name: 'Alan' }], open: true },
    { id: 11, name: 'Grace Hopper', employees: [], note: null },
  ],
  report: { '0': { id: 20 }, '3': { id: 23 } },
  'Grace key': 'x',
};

function finished(job: SearchJob): SearchJob {
  job.run(10_000);
  expect(job.done).toBe(true);
  return job;
}

const paths = (job: SearchJob) => job.hits.map((hit) => hit.path);

describe('SearchJob, text mode', () => {
  it('finds keys and primitive values containing the query, ignoring case, in document order', () => {
    const job = finished(new SearchJob(doc, { mode: 'text', query: 'grace' }));
    expect(paths(job)).toEqual(['/data/0/employees/0/name', '/data/1/name', '/Grace key']);
    expect(job.hits[1]).toEqual({ path: '/data/1/name', key: 'name', preview: '"Grace Hopper"' });
    expect(job.scanned).toBeGreaterThan(20);
  });

  it('matches numbers, booleans and null as text', () => {
    expect(paths(finished(new SearchJob(doc, { mode: 'text', query: '23' })))).toEqual(['/report/3/id']);
    expect(paths(finished(new SearchJob(doc, { mode: 'text', query: 'TRUE' })))).toEqual(['/data/0/open']);
    expect(paths(finished(new SearchJob(doc, { mode: 'text', query: 'null' })))).toEqual(['/data/1/note']);
  });

  it('gives the same hits in small slices as in one go', () => {
    const big = { data: Array.from({ length: 20_000 }, (_, id) => ({ id, name: `n${id}` })) };
    const job = new SearchJob(big, { mode: 'text', query: '1999' });
    let slices = 0;
    while (!job.done) {
      job.run(0);
      slices += 1;
    }
    expect(slices).toBeGreaterThan(10);
    expect(paths(job)).toEqual(paths(finished(new SearchJob(big, { mode: 'text', query: '1999' }))));
  });

  it(`stops at ${MAX_HITS} hits`, () => {
    const job = finished(new SearchJob(Array.from({ length: MAX_HITS + 500 }, () => 'same'), { mode: 'text', query: 'same' }));
    expect(job.hits).toHaveLength(MAX_HITS);
    expect(job.capped).toBe(true);
  });

  it('has nothing to find for an empty query', () => {
    expect(finished(new SearchJob(doc, { mode: 'text', query: '' })).hits).toEqual([]);
  });
});

describe('SearchJob, path mode', () => {
  it('follows wildcards and names', () => {
    const job = finished(new SearchJob(doc, { mode: 'path', query: 'data[*].employees[*].name' }));
    expect(job.hits).toEqual([
      { path: '/data/0/employees/0/name', key: 'name', preview: '"Grace"' },
      { path: '/data/0/employees/1/name', key: 'name', preview: '"Alan"' },
    ]);
  });

  it('takes an index into an array or the numeric key of a report object', () => {
    expect(paths(finished(new SearchJob(doc, { mode: 'path', query: 'data[1].id' })))).toEqual(['/data/1/id']);
    expect(paths(finished(new SearchJob(doc, { mode: 'path', query: 'report[3].id' })))).toEqual(['/report/3/id']);
    expect(paths(finished(new SearchJob(doc, { mode: 'path', query: 'report.*' })))).toEqual(['/report/0', '/report/3']);
    expect(paths(finished(new SearchJob(doc, { mode: 'path', query: 'data[9].id' })))).toEqual([]);
  });

  it('visits only what the filter names', () => {
    const big = { data: Array.from({ length: 5000 }, (_, id) => ({ id, deep: { a: [1, 2, 3] } })) };
    const job = finished(new SearchJob(big, { mode: 'path', query: 'data[4999].id' }));
    expect(paths(job)).toEqual(['/data/4999/id']);
    expect(job.scanned).toBe(4);
  });

  it('refuses a broken filter when the job is made', () => {
    expect(() => new SearchJob(doc, { mode: 'path', query: 'data[' })).toThrow(/not valid/);
  });
});
