import { describe, expect, it } from 'vitest';
import { rowQueryOf, setRowQuery } from './rowQueries';

describe('row queries shared by the Table and Chart views', () => {
  it('keeps the pointer and the filter per response, each changed alone', () => {
    setRowQuery('r1', { pointer: '/data' });
    setRowQuery('r1', { filter: 'Night bake' });
    setRowQuery('r2', { filter: 'Harbour' });
    expect(rowQueryOf('r1')).toEqual({ pointer: '/data', filter: 'Night bake' });
    expect(rowQueryOf('r2')).toEqual({ pointer: '', filter: 'Harbour' });
    expect(rowQueryOf('never-seen')).toEqual({ pointer: '', filter: '' });
  });

  it('forgets the least recently changed responses beyond 32', () => {
    setRowQuery('old', { filter: 'x' });
    setRowQuery('kept', { filter: 'y' });
    for (let i = 0; i < 31; i += 1) setRowQuery(`n${i}`, { filter: String(i) });
    setRowQuery('kept', { pointer: '/data' });
    setRowQuery('n31', { filter: '31' });
    expect(rowQueryOf('old')).toEqual({ pointer: '', filter: '' });
    expect(rowQueryOf('kept')).toEqual({ pointer: '/data', filter: 'y' });
  });
});
