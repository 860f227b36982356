import { describe, expect, it } from 'vitest';
import { newRow } from '../../components/NameValueTable';
import { readCompanies } from './SettingsDialog';

describe('readCompanies', () => {
  it('keeps listed companies, drops blank rows', () => {
    expect(readCompanies([newRow(' 4821 ', ' North '), newRow(), newRow('5150', 'Harbour')])).toEqual({
      ok: true,
      companies: [
        { id: '4821', name: 'North' },
        { id: '5150', name: 'Harbour' },
      ],
    });
  });

  it('names the row to fix', () => {
    expect(readCompanies([newRow('48x', 'A')])).toMatchObject({ ok: false, message: expect.stringMatching(/^Company 1: the ID/) });
    expect(readCompanies([newRow('1', 'A'), newRow('2', '')])).toMatchObject({ ok: false, message: expect.stringMatching(/^Company 2: enter a name/) });
    expect(readCompanies([newRow('1', 'A'), newRow('1', 'B')])).toMatchObject({ ok: false, message: 'Company 2: company 1 is already listed.' });
  });
});
