import { describe, expect, it } from 'vitest';
import { HTTP_METHODS, type HttpMethod as ChannelMethod } from '../channels';
import {
  CATALOG,
  REFERENCE_INDEX,
  RESOURCE_LABELS,
  VERIFIED_REFERENCE_SLUGS,
  catalogCounts,
  endpointById,
  fillPath,
  groupByResource,
  pathParamNames,
  searchCatalog,
  type CatalogEndpoint,
  type CatalogParam,
  type HttpMethod,
  type Resource,
} from './index';

// types.ts keeps its own copy of HttpMethod (src-main/shared may not import `../`); fail to
// compile if the two ever differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodsAgree: Same<HttpMethod, ChannelMethod> = true;

const WRITE_METHODS: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH'];
const ALL_RESOURCES: readonly Resource[] = [
  'employees',
  'shifts',
  'positions',
  'locations',
  'timeclocks',
  'leaves',
  'reports',
  'payroll',
  'tasks',
  'skills',
  'account',
];

const byId = (id: string): CatalogEndpoint => {
  const endpoint = endpointById(id);
  if (!endpoint) throw new Error(`no catalog entry ${id}`);
  return endpoint;
};
const param = (endpoint: CatalogEndpoint, name: string): CatalogParam => {
  const found = endpoint.params.find((p) => p.name === name);
  if (!found) throw new Error(`${endpoint.id} has no param ${name}`);
  return found;
};
const enumValues = (p: CatalogParam) => (p.enumValues ?? []).map((v) => v.value);
const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const isDateName = (name: string) => /(^|_)date$/.test(name);

// ---- rules every entry must satisfy; each returns the problems found in one entry ----------------

type Rule = (e: CatalogEndpoint) => string[];

const ENTRY_RULES: Record<string, Rule> = {
  'id is kebab-case, title/purpose are filled': (e) => [
    ...(/^[a-z]+(-[a-z]+)*$/.test(e.id) ? [] : [`${e.id}: id is not kebab-case`]),
    ...(e.title.trim().length >= 3 ? [] : [`${e.id}: empty title`]),
    ...(e.purpose.trim().length >= 10 ? [] : [`${e.id}: purpose too short`]),
  ],
  'method is one of the HTTP methods the app sends': (e) =>
    (HTTP_METHODS as readonly string[]).includes(e.method) ? [] : [`${e.id}: unknown method ${e.method}`],
  'path template is relative, clean and resolves when every path param is given': (e) => {
    const problems: string[] = [];
    if (e.path.startsWith('/')) problems.push(`${e.id}: leading slash`);
    if (e.path.endsWith('/') || e.path.includes('//')) problems.push(`${e.id}: empty path segment`);
    if (!/^[A-Za-z0-9_\-/{}]+$/.test(e.path)) problems.push(`${e.id}: unexpected character in path`);
    const values = Object.fromEntries(e.params.filter((p) => p.in === 'path').map((p) => [p.name, p.example ?? '7']));
    const filled = fillPath(e.path, values);
    if (/[{}]/.test(filled)) problems.push(`${e.id}: "${filled}" still has a placeholder`);
    return problems;
  },
  'path params are declared exactly once, required, and match the placeholders': (e) => {
    const problems: string[] = [];
    const placeholders = pathParamNames(e.path);
    const declared = e.params.filter((p) => p.in === 'path');
    for (const name of duplicates(placeholders)) problems.push(`${e.id}: placeholder {${name}} repeated`);
    for (const name of placeholders) {
      const count = declared.filter((p) => p.name === name).length;
      if (count !== 1) problems.push(`${e.id}: {${name}} declared ${count} times`);
    }
    for (const p of declared) {
      if (!placeholders.includes(p.name)) problems.push(`${e.id}: path param ${p.name} has no placeholder`);
      if (!p.required) problems.push(`${e.id}: path param ${p.name} is not required`);
    }
    return problems;
  },
  'parameter names are unique per location': (e) =>
    (['path', 'query', 'body'] as const).flatMap((location) =>
      duplicates(e.params.filter((p) => p.in === location).map((p) => p.name)).map((name) => `${e.id}: ${location} param ${name} twice`),
    ),
  'enums have non-empty, unique values with labels; other types have none': (e) =>
    e.params.flatMap((p) => {
      if (p.type !== 'enum') return p.enumValues ? [`${e.id}.${p.name}: enumValues on a ${p.type}`] : [];
      const values = enumValues(p);
      return [
        ...(values.length === 0 ? [`${e.id}.${p.name}: empty enum`] : []),
        ...duplicates(values).map((v) => `${e.id}.${p.name}: value ${v} twice`),
        ...(p.enumValues ?? []).filter((v) => v.value === '' || v.label.trim() === '').map(() => `${e.id}.${p.name}: blank value or label`),
      ];
    }),
  'date params are typed date, and date examples are YYYY-MM-DD': (e) =>
    e.params.flatMap((p) => [
      ...(isDateName(p.name) && p.type !== 'date' ? [`${e.id}.${p.name}: is a ${p.type}, not a date`] : []),
      ...(p.type === 'date' && p.example !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(p.example) ? [`${e.id}.${p.name}: example ${p.example}`] : []),
      ...(p.type === 'time' && p.example !== undefined && !/^\d{2}:\d{2}$/.test(p.example) ? [`${e.id}.${p.name}: example ${p.example}`] : []),
    ]),
  'every param has a one-sentence description': (e) =>
    e.params
      .filter((p) => p.description.trim().length < 10 || !/[.)]$/.test(p.description.trim()))
      .map((p) => `${e.id}.${p.name}: description "${p.description}"`),
  'dateWindow only where its start/end date params exist in the query': (e) => {
    if (!e.dateWindow) return [];
    const { start, end, maxDays } = e.dateWindow;
    const problems: string[] = [];
    for (const name of [start, end]) {
      const p = e.params.find((q) => q.name === name && q.in === 'query');
      if (!p || p.type !== 'date') problems.push(`${e.id}: dateWindow names ${name}, which is not a query date param`);
    }
    if (e.method !== 'GET') problems.push(`${e.id}: dateWindow on a ${e.method}`);
    if (!Number.isInteger(maxDays) || maxDays < 1 || maxDays > 28) problems.push(`${e.id}: maxDays ${maxDays}`);
    return problems;
  },
  'GET/DELETE without body params have bodyFormat none; GET has no body params': (e) => {
    const body = e.params.some((p) => p.in === 'body');
    return [
      ...((e.method === 'GET' || e.method === 'DELETE') && !body && e.bodyFormat !== 'none' ? [`${e.id}: bodyFormat ${e.bodyFormat}`] : []),
      ...(e.method === 'GET' && body ? [`${e.id}: GET with body params`] : []),
    ];
  },
  'writes with body params say how the body is encoded': (e) =>
    WRITE_METHODS.includes(e.method) && e.params.some((p) => p.in === 'body') && e.bodyFormat === 'none' ? [`${e.id}: body params but bodyFormat none`] : [],
  'docsUrl is the reference index or a verified reference page': (e) =>
    e.docsUrl === REFERENCE_INDEX || VERIFIED_REFERENCE_SLUGS.some((slug) => e.docsUrl === `${REFERENCE_INDEX}/${slug}`) ? [] : [`${e.id}: docsUrl ${e.docsUrl}`],
  'permission reads as a level or a minimum role': (e) =>
    e.permission === null || /^(Level [1-7] \([A-Za-z /]+\) or better( \(.+\))?|Minimum role: [A-Z][a-z]+)$/.test(e.permission)
      ? []
      : [`${e.id}: permission "${e.permission}"`],
  'group-account child_company_id is left to the app': (e) =>
    [...e.params.map((p) => p.name), ...(e.notes ?? [])].some((text) => text.includes('child_company_id')) ? [`${e.id}: mentions child_company_id`] : [],
};

const CATALOG_RULES: Record<string, (list: readonly CatalogEndpoint[]) => string[]> = {
  'ids are unique': (list) => duplicates(list.map((e) => e.id)).map((id) => `id ${id} twice`),
  'no two entries share method + path': (list) => duplicates(list.map((e) => `${e.method} ${e.path}`)).map((key) => `${key} twice`),
  'titles are unique': (list) => duplicates(list.map((e) => e.title.toLowerCase())).map((t) => `title ${t} twice`),
  'every resource is represented': (list) => ALL_RESOURCES.filter((r) => !list.some((e) => e.resource === r)).map((r) => `no ${r} entry`),
  'every verified reference page is linked': (list) =>
    VERIFIED_REFERENCE_SLUGS.filter((slug) => !list.some((e) => e.docsUrl === `${REFERENCE_INDEX}/${slug}`)).map((slug) => `no entry links ${slug}`),
};

describe('every catalog entry is valid', () => {
  it('has entries', () => {
    expect(methodsAgree).toBe(true);
    expect(CATALOG.length).toBeGreaterThanOrEqual(56);
  });

  it.each(Object.entries(ENTRY_RULES))('%s', (_name, rule) => {
    expect(CATALOG.flatMap(rule)).toEqual([]);
  });

  it.each(Object.entries(CATALOG_RULES))('%s', (_name, rule) => {
    expect(rule(CATALOG)).toEqual([]);
  });
});

describe('the validity rules catch broken entries', () => {
  const base = byId('update-employee');
  const broken: Record<string, CatalogEndpoint> = {
    'id is kebab-case, title/purpose are filled': { ...base, id: 'Update_Employee' },
    'method is one of the HTTP methods the app sends': { ...base, method: 'HEAD' as HttpMethod },
    'path template is relative, clean and resolves when every path param is given': { ...base, path: '/employees/{id}/{extra}' },
    'path params are declared exactly once, required, and match the placeholders': { ...base, path: 'employees/{employeeId}' },
    'parameter names are unique per location': { ...base, params: [...base.params, param(base, 'eid')] },
    'enums have non-empty, unique values with labels; other types have none': {
      ...base,
      params: [...base.params, { name: 'x', in: 'body', type: 'enum', required: false, description: 'Broken enum.', enumValues: [] }],
    },
    'date params are typed date, and date examples are YYYY-MM-DD': {
      ...base,
      params: [...base.params, { name: 'hire_date', in: 'body', type: 'string', required: false, description: 'Hire date.' }],
    },
    'every param has a one-sentence description': {
      ...base,
      params: [...base.params, { name: 'y', in: 'body', type: 'string', required: false, description: 'y' }],
    },
    'dateWindow only where its start/end date params exist in the query': { ...base, dateWindow: { start: 'start_date', end: 'end_date', maxDays: 31 } },
    'GET/DELETE without body params have bodyFormat none; GET has no body params': { ...byId('delete-shift'), bodyFormat: 'form' },
    'writes with body params say how the body is encoded': { ...base, bodyFormat: 'none' },
    'docsUrl is the reference index or a verified reference page': { ...base, docsUrl: 'https://platform.humanity.com/reference/put-employee' },
    'permission reads as a level or a minimum role': { ...base, permission: '5' },
    'group-account child_company_id is left to the app': {
      ...base,
      params: [...base.params, { name: 'child_company_id', in: 'body', type: 'integer', required: false, description: 'Child account.' }],
    },
  };

  it('has a broken example for every rule', () => {
    expect(Object.keys(broken).sort()).toEqual(Object.keys(ENTRY_RULES).sort());
  });

  it.each(Object.entries(broken))('%s', (name, entry) => {
    expect(ENTRY_RULES[name]!(base)).toEqual([]);
    expect(ENTRY_RULES[name]!(entry).length).toBeGreaterThan(0);
  });

  it('catalog-wide rules catch duplicates and missing resources', () => {
    const shifts = byId('get-shifts');
    expect(CATALOG_RULES['ids are unique']!([shifts, { ...byId('get-shift'), id: 'get-shifts' }])).toHaveLength(1);
    expect(CATALOG_RULES['no two entries share method + path']!([shifts, { ...shifts, id: 'other' }])).toHaveLength(1);
    expect(CATALOG_RULES['every resource is represented']!([shifts])).toHaveLength(ALL_RESOURCES.length - 1);
    expect(CATALOG_RULES['every verified reference page is linked']!([shifts])).toHaveLength(VERIFIED_REFERENCE_SLUGS.length - 1);
  });
});

describe('catalog content follows humanity-api.md', () => {
  it('counts entries by confidence tag (C 12 + 4 with reported parameters, R 33, R/I·R?·I 7)', () => {
    expect(catalogCounts()).toEqual({ confirmed: 12, 'path-confirmed': 4, reported: 33, inferred: 7 });
    expect(Object.values(catalogCounts()).reduce((sum, n) => sum + n, 0)).toBe(CATALOG.length);
    expect(catalogCounts([byId('get-me'), byId('get-shifts'), byId('get-skills'), byId('get-payroll-report')])).toEqual({
      confirmed: 1,
      'path-confirmed': 1,
      reported: 1,
      inferred: 1,
    });
  });

  it('marks documented endpoints whose parameters are only reported as path-confirmed, with their documented permission', () => {
    const pathConfirmed = CATALOG.filter((e) => e.confidence === 'path-confirmed');
    expect(pathConfirmed.map((e) => e.id).sort()).toEqual(['add-employee-skill', 'get-payroll-report', 'update-employee', 'update-shift-break']);
    for (const e of pathConfirmed) expect(e.permission, e.id).toMatch(/^Level \d/);
  });

  it('links the reference index, or a page only for verified slugs', () => {
    expect(REFERENCE_INDEX).toBe('https://platform.humanity.com/reference');
    expect(byId('update-employee').docsUrl).toBe(REFERENCE_INDEX);
    expect(byId('get-master-tasks').docsUrl).toBe(REFERENCE_INDEX);
    expect(byId('create-shift').docsUrl).toBe('https://platform.humanity.com/reference/post-shift');
    expect(byId('get-shift-employee-tasks').docsUrl).toBe('https://platform.humanity.com/reference/get-employee-tasks');
    expect(byId('clock-in-employee').docsUrl).toBe('https://platform.humanity.com/reference');
  });

  it('tags the rows the brief calls out as inferred', () => {
    for (const id of ['add-shift-break', 'save-timeclock-note', 'get-leaves', 'request-leave', 'get-availability', 'get-skills', 'get-company']) {
      expect(byId(id).confidence, id).toBe('inferred');
    }
    expect(byId('add-shift-break')).toMatchObject({ method: 'POST', path: 'shifts/{id}/shiftbreaks' });
    expect(byId('delete-master-task')).toMatchObject({ method: 'DELETE', path: 'master-tasks/{taskId}', confidence: 'confirmed' });
  });

  it('GET /shifts has the documented parameters, all 14 modes, permission level 7 and a 31-day window', () => {
    const shifts = byId('get-shifts');
    expect(shifts).toMatchObject({ method: 'GET', path: 'shifts', permission: 'Level 7 (Schedule Viewer) or better', confidence: 'confirmed' });
    expect(shifts.params.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'start_date',
        'end_date',
        'mode',
        'schedule',
        'location',
        'employees',
        'start_limit',
        'end_limit',
        'detailed',
        'budget',
        'vacation',
        'filter_by_site',
        'filter_by_employee',
        'filter_by_skill',
        'filled',
        'overnight',
        'include_ghost_shifts',
        'fields[shift]',
      ]),
    );
    expect(enumValues(param(shifts, 'mode')).sort()).toEqual(
      ['overview', 'location', 'schedule', 'incomplete', 'employees', 'employee', 'open', 'openapproval', 'confirm', 'onnow', 'late', 'upcoming', 'recent', 'multiple'].sort(),
    );
    expect(param(shifts, 'start_limit').description).toMatch(/mode=open/);
    expect(param(shifts, 'schedule').type).toBe('id-list');
    expect(param(shifts, 'employees').type).toBe('id-list');
    expect(shifts.dateWindow).toEqual({ start: 'start_date', end: 'end_date', maxDays: 28 });
    expect(shifts.notes?.some((n) => /HTTP 500/.test(n) && /Pull range/.test(n))).toBe(true);
    expect(shifts.docsUrl).toBe('https://platform.humanity.com/reference/get-shifts');
  });

  it('only the date-driven bulk endpoints carry a dateWindow', () => {
    expect(CATALOG.filter((e) => e.dateWindow).map((e) => e.id).sort()).toEqual(['get-custom-report', 'get-payroll-report', 'get-shifts', 'get-timeclocks']);
  });

  it('reports and payroll expose their type enums and the employee=all option', () => {
    const custom = byId('get-custom-report');
    expect(enumValues(param(custom, 'type'))).toEqual(['shifts', 'confirmedshifts', 'timesheets', 'confirmedtimesheets']);
    expect(param(custom, 'employee').description).toMatch(/'all'/);
    expect(custom.permission).toBe('Level 3 (Supervisor) or better');
    const payroll = byId('get-payroll-report');
    expect(enumValues(param(payroll, 'type'))).toEqual(['scheduledhours', 'confirmedhours', 'timesheets']);
    for (const name of ['deduct_breaks', 'group_results', 'include_remote_sites', 'remote_site', 'employee']) param(payroll, name);
    expect(payroll.permission).toBe('Level 5 (Employee) or better');
    expect(param(payroll, 'group_results').enumValues).toEqual([
      { value: '1', label: 'By employee' },
      { value: '2', label: 'By employee and position' },
    ]);
    expect(param(payroll, 'employee').description).toMatch(/comma-separated list, 'all' .*-99 for deactivated and deleted staff/);
  });

  it('PUT /employees/{id} has roles 2–7, statuses 1/0/-1/-2, employee type 0–6, pay 0–10, custom[ID] and the password rule', () => {
    const put = byId('update-employee');
    expect(put).toMatchObject({ method: 'PUT', bodyFormat: 'form', permission: 'Level 5 (Employee) or better', confidence: 'path-confirmed' });
    expect(param(put, 'group').enumValues).toEqual([
      { value: '2', label: 'Manager' },
      { value: '3', label: 'Supervisor' },
      { value: '4', label: 'Scheduler' },
      { value: '5', label: 'Employee' },
      { value: '6', label: 'Accountant' },
      { value: '7', label: 'Schedule Viewer' },
    ]);
    expect(enumValues(param(put, 'status'))).toEqual(['1', '0', '-1', '-2']);
    expect(param(put, 'status').enumValues?.at(-1)?.label).toMatch(/reported/);
    expect(enumValues(param(put, 'employee_type'))).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(param(put, 'employee_type').enumValues?.at(-1)?.label).toBe('Volunteer');
    expect(enumValues(param(put, 'pay_type'))).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(param(put, 'password').description).toMatch(/6 characters/);
    expect(param(put, 'addschedule').type).toBe('id-list');
    expect(param(put, 'removeschedule').type).toBe('id-list');
    expect(param(put, 'cell_phone').type).toBe('string');
    expect(param(put, 'custom[ID]').description).toMatch(/custom\[123\]/);
    // The names the issue corrected are gone.
    for (const old of ['mobile', 'employment_type', 'custom_fields']) expect(put.params.map((p) => p.name)).not.toContain(old);
  });

  it('adds the reported leave-type and shift-trade endpoints', () => {
    const added = {
      'get-leave-types': ['GET', 'leave-types'],
      'get-employee-leave-types': ['GET', 'employees/{id}/leave-types'],
      'get-shift-trade-list': ['GET', 'shifts/{id}/tradelist_v2'],
      'get-trades': ['GET', 'trade'],
      'request-shift-trade': ['POST', 'trades'],
    };
    for (const [id, [method, path]] of Object.entries(added)) {
      expect(byId(id), id).toMatchObject({ method, path, confidence: 'reported', docsUrl: REFERENCE_INDEX });
    }
    expect(enumValues(param(byId('get-trades'), 'mode'))).toEqual(['manage', 'requested', 'available']);
    expect(byId('request-shift-trade').params.map((p) => p.name).sort()).toEqual(['reason', 'shift', 'tradewith']);
    expect(byId('request-shift-trade').bodyFormat).toBe('form');
    expect(searchCatalog('trade').map((e) => e.id)).toEqual(expect.arrayContaining(['get-shift-trade-list', 'get-trades', 'request-shift-trade']));
    expect(searchCatalog('leave types').map((e) => e.id)).toEqual(expect.arrayContaining(['get-leave-types', 'get-employee-leave-types']));
  });

  it('POST /leaves names the employee, POST /shifts assigns staff, and the timeclock note path says it is uncertain', () => {
    expect(param(byId('request-leave'), 'employee')).toMatchObject({ in: 'body', type: 'integer' });
    expect(param(byId('create-shift'), 'employee_id')).toMatchObject({ in: 'body', type: 'id-list' });
    expect(byId('save-timeclock-note').notes?.some((n) => n.includes('`timeclock/savenote{id}`') && /uncertain/.test(n))).toBe(true);
  });

  it('task endpoints take JSON bodies and state a minimum role', () => {
    const tasks = CATALOG.filter((e) => e.resource === 'tasks');
    expect(tasks).toHaveLength(9);
    for (const e of tasks.filter((t) => WRITE_METHODS.includes(t.method))) expect(e.bodyFormat, e.id).toBe('json');
    expect(byId('update-master-task').permission).toBe('Minimum role: Supervisor');
    expect(byId('create-master-task').permission).toBe('Minimum role: Employee');
    expect(param(byId('create-master-task'), 'positionIds')).toMatchObject({ type: 'json', required: true });
    expect(enumValues(param(byId('start-finish-employee-task'), 'status'))).toEqual(['1', '2']);
  });

  it('classic writes with fields send a form', () => {
    for (const id of ['create-employee', 'create-shift', 'update-shift', 'create-position', 'create-location', 'request-leave', 'request-shift-trade', 'set-employee-position-wage']) {
      expect(byId(id).bodyFormat, id).toBe('form');
    }
  });
});

describe('searchCatalog', () => {
  it('finds "Get shifts" first for "get shifts", case-insensitively', () => {
    expect(searchCatalog('get shifts')[0]?.id).toBe('get-shifts');
    expect(searchCatalog('GET Shifts').map((e) => e.id)).toEqual(searchCatalog('get shifts').map((e) => e.id));
  });

  it('requires every word to match somewhere', () => {
    const hits = searchCatalog('shift break');
    expect(hits.map((e) => e.id)).toEqual(expect.arrayContaining(['add-shift-break', 'update-shift-break']));
    expect(hits.map((e) => e.id)).not.toContain('get-shifts');
    expect(searchCatalog('shift zzzz')).toEqual([]);
  });

  it('matches paths, purposes and parameter names', () => {
    expect(searchCatalog('master-tasks').map((e) => e.id).sort()).toEqual(['create-master-task', 'delete-master-task', 'get-master-tasks', 'update-master-task']);
    expect(searchCatalog('deduct_breaks').map((e) => e.id)).toEqual(['get-payroll-report']);
    expect(searchCatalog('fields[shift]').map((e) => e.id)).toEqual(['get-shifts']);
    expect(searchCatalog('unique_id').map((e) => e.id)).toContain('get-employee-by-unique-id');
    expect(searchCatalog('time-off').map((e) => e.id)).toEqual(expect.arrayContaining(['get-leaves', 'request-leave']));
  });

  it('puts title matches before matches elsewhere', () => {
    const hits = searchCatalog('employee');
    const firstOther = hits.findIndex((e) => !e.title.toLowerCase().includes('employee'));
    const lastTitle = hits.map((e) => e.title.toLowerCase().includes('employee')).lastIndexOf(true);
    expect(firstOther).toBeGreaterThan(0);
    expect(lastTitle).toBeLessThan(firstOther);
  });

  it('returns a copy of the whole catalog for an empty query and searches a given list', () => {
    const all = searchCatalog('   ');
    expect(all).toEqual([...CATALOG]);
    expect(all).not.toBe(CATALOG);
    expect(searchCatalog('shift', [byId('get-me'), byId('get-shift')]).map((e) => e.id)).toEqual(['get-shift']);
  });
});

describe('pathParamNames and fillPath', () => {
  it('lists placeholders in order', () => {
    expect(pathParamNames('skills/{skill_id}/employees/{employee_id}/expiration')).toEqual(['skill_id', 'employee_id']);
    expect(pathParamNames('me')).toEqual([]);
  });

  it('fills and URI-encodes values', () => {
    expect(fillPath('employees/{id}', { id: '1001' })).toBe('employees/1001');
    expect(fillPath('employees/eid/{eid}', { eid: 'A/B 1?' })).toBe('employees/eid/A%2FB%201%3F');
    expect(fillPath('skills/{skill_id}/employees/{employee_id}/expiration', { skill_id: '3', employee_id: '9' })).toBe('skills/3/employees/9/expiration');
  });

  it('keeps commas literal for ID lists in the path', () => {
    expect(fillPath('shifts/{shiftIds}/tasks', { shiftIds: '2413,2415' })).toBe('shifts/2413,2415/tasks');
  });

  it('leaves missing or empty values as placeholders, and ignores inherited keys', () => {
    expect(fillPath('employees/{id}/positions/{positionId}', { id: '5' })).toBe('employees/5/positions/{positionId}');
    expect(fillPath('employees/{id}', { id: '' })).toBe('employees/{id}');
    expect(fillPath('x/{constructor}', {})).toBe('x/{constructor}');
  });
});

describe('groupByResource and RESOURCE_LABELS', () => {
  it('labels resources in the sidebar order', () => {
    expect(Object.keys(RESOURCE_LABELS)).toEqual(ALL_RESOURCES);
    expect(RESOURCE_LABELS.timeclocks).toBe('Timeclocks');
  });

  it('groups the whole catalog into every resource, in order, losing nothing', () => {
    const groups = groupByResource(CATALOG);
    expect(groups.map((g) => g.resource)).toEqual(ALL_RESOURCES);
    expect(groups.map((g) => g.label)).toEqual(ALL_RESOURCES.map((r) => RESOURCE_LABELS[r]));
    expect(groups.reduce((n, g) => n + g.endpoints.length, 0)).toBe(CATALOG.length);
    for (const g of groups) expect(g.endpoints.every((e) => e.resource === g.resource), g.resource).toBe(true);
  });

  it('drops empty groups and keeps order within a group', () => {
    const groups = groupByResource(searchCatalog('delete'));
    expect(groups.map((g) => g.resource)).toEqual(['employees', 'shifts', 'positions', 'locations', 'leaves', 'tasks']);
    const shiftGroup = groupByResource([byId('delete-shift'), byId('get-me'), byId('get-shifts')]);
    expect(shiftGroup.map((g) => [g.resource, g.endpoints.map((e) => e.id)])).toEqual([
      ['shifts', ['delete-shift', 'get-shifts']],
      ['account', ['get-me']],
    ]);
  });
});
