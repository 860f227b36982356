import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import type { NameValue, SavedRequest } from '../shared/contract';
import { createVariablesService } from './variables-service';

const NOW = new Date(2024, 0, 31, 9, 30).getTime(); // Wednesday 31 January 2024, local time

const on = (name: string, value: string): NameValue => ({ name, value, enabled: true });
const off = (name: string, value: string): NameValue => ({ name, value, enabled: false });

function resolverWith(collectionVariables: Record<string, NameValue[]>, environment: NameValue[] = [], host: string | null = 'https://www.humanity.com') {
  return createVariablesService({
    collections: { variablesOf: (id) => collectionVariables[id] ?? [] },
    environments: { activeVariables: () => environment },
    now: () => NOW,
    host: () => host,
  });
}

const request = (overrides: Partial<SavedRequest> = {}): SavedRequest => ({ method: 'GET', path: 'shifts', query: [], body: { kind: 'none' }, ...overrides });

function unresolvedError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an unresolved_variable error');
}

describe('variable resolver', () => {
  it('fills path, query names and values, JSON bodies and form fields', () => {
    const resolver = resolverWith({ c1: [on('employee', '42'), on('field', 'note'), on('text', 'hello')] });
    const resolved = resolver.resolve(
      request({
        method: 'POST',
        path: 'employees/{{employee}}',
        query: [on('{{field}}', '{{text}} world')],
        body: { kind: 'json', text: '{"id": {{employee}}, "{{field}}": "{{text}}"}' },
      }),
      'c1',
    );
    expect(resolved).toEqual({
      method: 'POST',
      path: 'employees/42',
      query: [on('note', 'hello world')],
      body: { kind: 'json', text: '{"id": 42, "note": "hello"}' },
    });
    const form = resolver.resolve(request({ body: { kind: 'form', fields: [on('{{field}}', '{{text}}')] } }), 'c1');
    expect(form.body).toEqual({ kind: 'form', fields: [on('note', 'hello')] });
  });

  it('resolves built-in dates with the injected clock, including relative forms', () => {
    const resolver = resolverWith({});
    const resolved = resolver.resolve(
      request({ query: [on('start_date', '{{startOfMonth}}'), on('end_date', '{{ today+1m }}'), on('week', '{{startOfWeek}}..{{endOfWeek}}')] }),
      null,
    );
    expect(resolved.query).toEqual([on('start_date', '2024-01-01'), on('end_date', '2024-02-29'), on('week', '2024-01-29..2024-02-04')]);
  });

  it('lets the active environment override collection variables', () => {
    const resolver = resolverWith({ c1: [on('location', 'collection'), on('only_collection', 'c')] }, [on('location', 'environment')]);
    const resolved = resolver.resolve(request({ path: '{{location}}/{{only_collection}}' }), 'c1');
    expect(resolved.path).toBe('environment/c');
  });

  it('never lets a user variable replace a built-in date', () => {
    const resolver = resolverWith({ c1: [on('today', '1999-01-01')] }, [on('today', '2000-01-01')]);
    expect(resolver.resolve(request({ path: 'x/{{today}}' }), 'c1').path).toBe('x/2024-01-31');
  });

  it('ignores disabled variable rows, and rows without a name', () => {
    const resolver = resolverWith({ c1: [on('id', 'from-collection')] }, [off('id', 'disabled-in-env'), on('  ', 'blank')]);
    expect(resolver.resolve(request({ path: 'e/{{id}}' }), 'c1').path).toBe('e/from-collection');
    const onlyDisabled = resolverWith({}, [off('id', 'x')]);
    expect(unresolvedError(() => onlyDisabled.resolve(request({ path: 'e/{{id}}' }), null)).message).toContain('{{id}}');
  });

  it('leaves disabled query and form rows untouched and does not count their variables', () => {
    const resolver = resolverWith({});
    const typed = request({ query: [off('a', '{{missing}}')], body: { kind: 'form', fields: [off('{{nope}}', 'x')] } });
    expect(resolver.resolve(typed, null)).toEqual(typed);
  });

  it('tolerates whitespace inside the braces and leaves empty braces alone', () => {
    const resolver = resolverWith({}, [on('id', '7')]);
    expect(resolver.resolve(request({ path: 'a/{{ id }}/{{id}}/{{\tid\t}}/{{}}/{{ }}' }), null).path).toBe('a/7/7/7/{{}}/{{ }}');
  });

  it('does not expand a value that itself contains a placeholder', () => {
    const resolver = resolverWith({}, [on('outer', '{{inner}}'), on('inner', 'never'), on('loop', '{{loop}}')]);
    expect(resolver.resolve(request({ path: '{{outer}}/{{loop}}' }), null).path).toBe('{{inner}}/{{loop}}');
  });

  it('uses the last enabled row when a name appears twice in one table', () => {
    const resolver = resolverWith({}, [on('id', 'first'), on('id', 'second')]);
    expect(resolver.resolve(request({ path: '{{id}}' }), null).path).toBe('second');
  });

  it('refuses to resolve an unknown variable and names the first one in a sentence', () => {
    const resolver = resolverWith({ c1: [on('known', 'k')] });
    const error = unresolvedError(() => resolver.resolve(request({ path: '{{known}}/{{first}}', query: [on('q', '{{second}}')] }), 'c1'));
    expect(error.code).toBe('unresolved_variable');
    expect(error.message).toBe('The variable {{first}} has no value. Define it in the active environment or the collection variables, or remove it.');
  });

  it('uses no collection variables without a collection, and none of another collection', () => {
    const resolver = resolverWith({ c1: [on('id', '1')] });
    expect(unresolvedError(() => resolver.resolve(request({ path: '{{id}}' }), null)).code).toBe('unresolved_variable');
    expect(unresolvedError(() => resolver.resolve(request({ path: '{{id}}' }), 'c2')).code).toBe('unresolved_variable');
  });

  describe('preview', () => {
    it('builds the URL on the host with the resolved query and no token', () => {
      const resolver = resolverWith({}, [on('id', '42'), on('term', 'a b&c')]);
      const preview = resolver.preview({ request: request({ path: '/api/v2/employees/{{id}}', query: [on('q', '{{term}}'), off('skip', '1'), on('', 'nameless')] }), collectionId: null });
      expect(preview.url).toBe('https://www.humanity.com/api/v2/employees/42?q=a+b%26c');
      expect(preview.url).not.toContain('access_token');
      expect(preview.request.path).toBe('/api/v2/employees/42');
      expect(preview.unresolved).toEqual([]);
    });

    it('shows (host) before sign-in and lists every unresolved name once, in order', () => {
      const resolver = resolverWith({}, [], null);
      const preview = resolver.preview({
        request: request({ path: 'shifts/{{b}}', query: [on('start_date', '{{today}}'), on('x', '{{a}}'), on('y', '{{b}}')], body: { kind: 'json', text: '{"c": "{{c}}"}' } }),
        collectionId: null,
      });
      expect(preview.url).toBe('(host)/api/v2/shifts/{{b}}?start_date=2024-01-31&x={{a}}&y={{b}}');
      expect(preview.unresolved).toEqual(['b', 'a', 'c']);
    });
  });
});
