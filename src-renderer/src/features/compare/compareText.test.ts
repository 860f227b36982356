import { describe, expect, it } from 'vitest';
import type { CompareSummary } from '@shared/contract';
import { apiPath, recordsNoun, summaryLine } from './compareText';

const summary = (counts: Partial<CompareSummary['counts']>, mode: CompareSummary['mode'] = 'records'): CompareSummary => ({
  compareId: 'c',
  beforeId: 'a',
  afterId: 'b',
  mode,
  recordsPath: '/data',
  key: 'id',
  keyOptions: ['id'],
  beforeRecords: 40,
  afterRecords: 42,
  duplicateKeys: 0,
  counts: { added: 0, removed: 0, changed: 0, unchanged: 0, rows: 0, ...counts },
  capped: false,
});

describe('the comparison’s words', () => {
  it('names the records after the request', () => {
    expect(recordsNoun('shifts?start_date=2026-01-01')).toEqual({ one: 'shift', many: 'shifts' });
    expect(recordsNoun('employees/12/availabilities')).toEqual({ one: 'availability', many: 'availabilities' });
    expect(recordsNoun('me')).toEqual({ one: 'record', many: 'records' });
    expect(apiPath('https://host.example/api/v2/shifts?x=1')).toBe('shifts');
  });

  it('says the counts, naming the records once', () => {
    expect(summaryLine(summary({ added: 38, removed: 4, changed: 112 }), 'shifts')).toBe('38 shifts added, 4 removed, 112 changed');
    expect(summaryLine(summary({ removed: 1, changed: 2 }), 'shifts')).toBe('1 shift removed, 2 changed');
    expect(summaryLine(summary({ changed: 1500 }), 'shifts')).toBe('1,500 shifts changed');
    expect(summaryLine(summary({}), 'shifts')).toBe('No differences: the 42 shifts are the same.');
    expect(summaryLine(summary({ added: 1, changed: 3 }, 'paths'), 'me')).toBe('1 value added, 3 changed');
  });
});
