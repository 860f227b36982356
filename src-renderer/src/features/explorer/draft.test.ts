import { describe, expect, it } from 'vitest';
import { fromSavedRequest, initialDraft, jsonProblem, toRequestInput, toSavedRequest, withPathText, type Draft } from './draft';
import { newRow } from '../../components/NameValueTable';
import { blankEditor, hasUnkeptChanges, openedEditor } from './editorState';

const draft = (patch: Partial<Draft> = {}): Draft => ({ ...initialDraft(), ...patch });

describe('withPathText', () => {
  it('strips an origin and the /api/v2/ prefix and moves the query into the table', () => {
    const next = withPathText(draft(), 'https://www.humanity.com/api/v2/shifts?start_date=2024-05-01&mode=overview#top');
    expect(next.path).toBe('shifts');
    expect(next.query.map(({ name, value }) => [name, value])).toEqual([
      ['start_date', '2024-05-01'],
      ['mode', 'overview'],
    ]);
  });

  it('keeps rows that have content and drops the empty placeholder row', () => {
    const start = withPathText(draft(), 'me?a=1');
    const next = withPathText(start, '/api/v2/employees?b=2');
    expect(next.path).toBe('employees');
    expect(next.query.map((row) => row.name)).toEqual(['a', 'b']);
  });

  it('replaces the rows a pasted query names, so pasting the same URL twice sends each parameter once', () => {
    const url = '/api/v2/shifts?start_date=2024-05-01&fields=id&fields=user';
    const once = withPathText(draft(), url);
    const twice = withPathText({ ...once, query: [newRow('mode', 'overview'), ...once.query] }, url);
    expect(twice.query.map(({ name, value }) => [name, value])).toEqual([
      ['mode', 'overview'],
      ['start_date', '2024-05-01'],
      ['fields', 'id'],
      ['fields', 'user'],
    ]);
    // A changed value replaces the row in place; a second row of the same name goes with it.
    const edited = withPathText({ ...twice, query: [...twice.query, newRow('start_date', 'old')] }, 'shifts?start_date=2024-06-01');
    expect(edited.query.map(({ name, value }) => [name, value])).toEqual([
      ['mode', 'overview'],
      ['start_date', '2024-06-01'],
      ['fields', 'id'],
      ['fields', 'user'],
    ]);
  });

  it('leaves plain typing alone', () => {
    expect(withPathText(draft(), 'employees/12').path).toBe('employees/12');
    expect(withPathText(draft(), '/me').path).toBe('me');
  });
});

describe('toRequestInput', () => {
  it('asks for a path first', () => {
    const result = toRequestInput(draft(), 'id1');
    expect(result).toMatchObject({ ok: false, problem: { field: 'path' } });
  });

  it('refuses a catalog placeholder left in the path, but not a {{variable}}', () => {
    const result = toRequestInput(draft({ path: 'shifts/{id}/approve' }), 'id1');
    expect(result).toMatchObject({ ok: false, problem: { field: 'path', message: 'Fill in id: the path still has the placeholder {id}.' } });
    expect(toRequestInput(draft({ path: 'shifts/{{shift}}' }), 'id1').ok).toBe(true);
  });

  it('refuses invalid JSON with a sentence naming the parser message', () => {
    const result = toRequestInput(draft({ method: 'POST', path: 'x', bodyKind: 'json', json: '{"a": }' }), 'id1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/^The JSON body is not valid: .+\.$/);
  });

  it('sends only named rows, keeps their enabled flag, and no body for GET', () => {
    const base = withPathText(draft({ bodyKind: 'json', json: 'not json' }), 'me?a=1&b=2');
    const query = base.query.map((row, i) => (i === 1 ? { ...row, enabled: false } : row));
    const result = toRequestInput({ ...base, query: [...query, { id: -1, name: ' ', value: 'x', enabled: true }] }, 'id1');
    expect(result).toEqual({
      ok: true,
      input: {
        requestId: 'id1',
        method: 'GET',
        path: 'me',
        query: [
          { name: 'a', value: '1', enabled: true },
          { name: 'b', value: '2', enabled: false },
        ],
        body: { kind: 'none' },
      },
    });
  });

  it('sends form fields for POST by default', () => {
    const base = draft({ method: 'POST', path: 'positions' });
    const form = [{ ...base.form[0]!, name: 'name', value: 'Front desk' }];
    const result = toRequestInput({ ...base, form }, 'id1');
    expect(result.ok && result.input.body).toEqual({ kind: 'form', fields: [{ name: 'name', value: 'Front desk', enabled: true }] });
  });
});

describe('jsonProblem', () => {
  it('is null for valid JSON', () => {
    expect(jsonProblem('{"a": [1, 2]}')).toBeNull();
  });
});

describe('saved requests', () => {
  it('round-trips through the editor without looking changed', () => {
    const saved = {
      method: 'POST' as const,
      path: 'employees/{{emp}}',
      query: [{ name: 'a', value: '1', enabled: false }],
      body: { kind: 'json' as const, text: '{"x": 1}' },
    };
    const draft = fromSavedRequest(saved);
    expect(toSavedRequest(draft)).toEqual(saved);
    expect(draft.form).toHaveLength(1);
  });

  it('keeps the default body type for a GET and saves no body for it', () => {
    const draft = fromSavedRequest({ method: 'GET', path: 'me', query: [], body: { kind: 'none' } });
    expect(draft.bodyKind).toBe('form');
    expect(draft.query).toHaveLength(1);
    expect(toSavedRequest({ ...draft, bodyKind: 'json', json: 'not json' }).body).toEqual({ kind: 'none' });
  });

  it('saves an empty path and invalid JSON as typed, and tidies a pasted URL', () => {
    expect(toSavedRequest(draft({ method: 'PUT', bodyKind: 'json', json: '{' })).body).toEqual({ kind: 'json', text: '{' });
    const saved = toSavedRequest(draft({ path: '/api/v2/shifts?start_date={{today}}' }));
    expect(saved.path).toBe('shifts');
    expect(saved.query).toEqual([{ name: 'start_date', value: '{{today}}', enabled: true }]);
  });
});

describe('editor state', () => {
  it('tells unkept changes from a freshly opened or blank request', () => {
    expect(hasUnkeptChanges(blankEditor())).toBe(false);
    const opened = openedEditor({ method: 'GET', path: 'me', query: [], body: { kind: 'none' } }, null);
    expect(hasUnkeptChanges(opened)).toBe(false);
    // A new empty parameter row or a body the GET does not send are not changes.
    expect(hasUnkeptChanges({ ...opened, draft: { ...opened.draft, json: '[]' } })).toBe(false);
    expect(hasUnkeptChanges({ ...opened, draft: { ...opened.draft, path: 'employees' } })).toBe(true);
  });
});
