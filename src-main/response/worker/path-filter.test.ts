import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { parsePathFilter } from './path-filter';

const key = (k: string) => ({ any: false, key: k });
const any = { any: true };

describe('parsePathFilter', () => {
  it.each<[string, unknown[]]>([
    ['data[*].employees[*].name', [key('data'), any, key('employees'), any, key('name')]],
    ['data[3].id', [key('data'), key('3'), key('id')]],
    ['$.data.*.start_date', [key('data'), any, key('start_date')]],
    ['$[0]', [key('0')]],
    ['[*].id', [any, key('id')]],
    ['data["odd key.[x]"][\'it\\\'s\']', [key('data'), key('odd key.[x]'), key("it's")]],
    ['  data.id  ', [key('data'), key('id')]],
    ['/data/0/a~1b', [key('data'), key('0'), key('a/b')]],
  ])('reads %j', (filter, steps) => {
    expect(parsePathFilter(filter)).toEqual(steps);
  });

  it.each(['', '$', 'data..id', 'data[abc]', 'data[', 'data.', 'data["broken\\x"]'])('refuses %j with a sentence that shows the form', (filter) => {
    let caught: unknown;
    try {
      parsePathFilter(filter);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('invalid_input');
    expect((caught as AppError).message).toMatch(/^The path filter .* is not valid: .*data\[\*\]\.employees\[\*\]\.name.*\.$/);
  });
});
