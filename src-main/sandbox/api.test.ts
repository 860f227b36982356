// The sandbox's /api/v2 endpoints over real HTTP, on a fixed clock: Wednesday 2025-03-12 10:30 UTC.
import { describe, expect, it } from 'vitest';
import { splitRange } from '../bulk/date-windows';
import type { SandboxOptions } from './server';
import { callApi, PASSWORD_GRANT, signIn, useSandboxes, type CallOptions, type Json } from './test-support';

const NOW = Date.UTC(2025, 2, 12, 10, 30);
const start = useSandboxes();

async function session(options: SandboxOptions = {}) {
  const sandbox = await start({ now: () => NOW, ...options });
  const { access_token } = await signIn(sandbox, {
    ...PASSWORD_GRANT,
    username: options.username ?? PASSWORD_GRANT.username,
  });
  /** The envelope; fails the test on an HTTP status other than 200. */
  const api = async (path: string, callOptions?: CallOptions): Promise<Json> => {
    const result = await callApi(sandbox, access_token, path, callOptions);
    expect(result.status, result.text).toBe(200);
    return result.json;
  };
  return { sandbox, token: access_token, api };
}

describe('employees', () => {
  it('GET /me is the signed-in admin', async () => {
    const { api } = await session({ username: 'owner@coffee.example' });
    const me = await api('/me');
    expect(me.status).toBe(1);
    expect(me.data).toMatchObject({
      id: 1001,
      email: 'owner@coffee.example',
      group: 1,
      status: 1,
      name: 'Alex Morgan',
    });
  });

  it('GET /employees lists the seeded staff with Humanity field shapes', async () => {
    const { api } = await session();
    const { data } = await api('/employees');
    expect(data).toHaveLength(25);
    expect(new Set(data.map((employee: Json) => employee.id)).size).toBe(25);
    for (const employee of data) {
      expect(Number.isInteger(employee.id)).toBe(true);
      expect(employee.name).toBe(`${employee.firstname} ${employee.lastname}`);
      expect(Object.keys(employee.avatar)).toEqual(['small', 'medium', 'large']);
      expect([-1, 0, 1]).toContain(employee.status);
      expect(employee.group).toBeGreaterThanOrEqual(1);
    }
    expect(data.find((employee: Json) => employee.id === 1009).positions).toEqual([
      { id: 301, name: 'Barista' },
      { id: 304, name: 'Cashier' },
    ]);
  });

  it('answers an unknown id with status 15 and a malformed id with status 9, both HTTP 200', async () => {
    const { api } = await session();
    expect(await api('/employees/99999')).toMatchObject({ status: 15, data: null, error: 'Employee not found' });
    expect((await api('/employees/abc')).status).toBe(9);
  });

  it('GET /employees/{id}/positions carries wages and locations', async () => {
    const { api } = await session();
    const { data } = await api('/employees/1009/positions');
    expect(data.map((position: Json) => position.id)).toEqual([301, 304]);
    expect(data[1]).toMatchObject({ name: 'Cashier', location: { id: 202, name: 'Harbour Kiosk' } });
    expect(typeof data[0].wage).toBe('number');
  });

  it('POST then GET: a created employee is readable and listed', async () => {
    const { api } = await session();
    const created = await api('/employees', {
      method: 'POST',
      body: { firstname: 'Rosa', lastname: 'Parkes', email: 'rosa@coffee.example', eid: 'X-9', addschedule: '301,303' },
    });
    expect(created.status).toBe(1);
    const id = created.data.id;
    expect(id).toBe(1026);
    const read = await api(`/employees/${id}`);
    expect(read.data).toEqual(created.data);
    expect(read.data.positions.map((position: Json) => position.id)).toEqual([301, 303]);
    expect((await api('/employees')).data).toHaveLength(26);
  });

  it('POST /employees takes a JSON body and validates it', async () => {
    const { api } = await session();
    const viaJson = await api('/employees', {
      method: 'POST',
      json: true,
      body: { firstname: 'Jo', lastname: 'Li', addschedule: [305] },
    });
    expect(viaJson.data.positions).toEqual([{ id: 305, name: 'Harbour Barista' }]);
    const missing = await api('/employees', { method: 'POST', body: { firstname: 'Jo' } });
    expect(missing).toMatchObject({ status: 8, error: expect.stringContaining('lastname') });
    const badEmail = await api('/employees', {
      method: 'POST',
      body: { firstname: 'A', lastname: 'B', email: 'nope' },
    });
    expect(badEmail.status).toBe(9);
    const unknownPosition = await api('/employees', {
      method: 'POST',
      body: { firstname: 'A', lastname: 'B', addschedule: 999 },
    });
    expect(unknownPosition.status).toBe(9);
    const duplicate = await api('/employees', {
      method: 'POST',
      body: { firstname: 'A', lastname: 'B', email: 'HANA.KIM@sandboxcoffee.example' },
    });
    expect(duplicate.status).toBe(12);
  });

  it('PUT updates fields and positions; an invalid field changes nothing', async () => {
    const { api } = await session();
    const updated = await api('/employees/1008', {
      method: 'PUT',
      body: { lastname: 'Diallo-Ng', group: 3, addschedule: 304, removeschedule: 301, cell_phone: '555-0199' },
    });
    expect(updated.data).toMatchObject({
      cell_phone: '555-0199',
      lastname: 'Diallo-Ng',
      name: 'Amara Diallo-Ng',
      group: 3,
      positions: [{ id: 304 }],
    });

    const rejected = await api('/employees/1008', { method: 'PUT', body: { firstname: 'Changed', group: 1 } });
    expect(rejected.status).toBe(9);
    expect((await api('/employees/1008')).data.firstname).toBe('Amara');

    expect((await api('/employees/1008', { method: 'PUT', body: {} })).status).toBe(8);
    expect((await api('/employees/99999', { method: 'PUT', body: { notes: 'x' } })).status).toBe(13);
  });

  it('DELETE removes an employee from this server only; the admin cannot delete itself', async () => {
    const { api } = await session();
    const other = await session();
    expect(await api('/employees/1012', { method: 'DELETE' })).toMatchObject({ status: 1, data: 'Employee deleted' });
    expect((await api('/employees/1012')).status).toBe(15);
    expect((await api('/employees/1012', { method: 'DELETE' })).status).toBe(14);
    expect((await other.api('/employees/1012')).status).toBe(1);
    expect(await api('/employees/1001', { method: 'DELETE' })).toMatchObject({
      status: 14,
      error: expect.stringContaining('own account'),
    });
  });

  it('never reuses the id of a deleted record', async () => {
    const { api } = await session();
    const person = { firstname: 'Temp', lastname: 'Worker' };
    const first = (await api('/employees', { method: 'POST', body: person })).data.id;
    await api(`/employees/${first}`, { method: 'DELETE' });
    const second = (await api('/employees', { method: 'POST', body: person })).data.id;
    expect(second).toBeGreaterThan(first);
    expect((await api(`/employees/${first}`)).status).toBe(15);
  });
});

describe('shifts', () => {
  it('defaults to today and generates the same 3–6 shifts on every server', async () => {
    const first = await session();
    const second = await session();
    const today = await first.api('/shifts');
    expect(today.data.length).toBeGreaterThanOrEqual(3);
    expect(today.data.length).toBeLessThanOrEqual(6);
    for (const shift of today.data) {
      expect(shift.start_date).toMatchObject({ day: 12, month: 3, year: 2025 });
      expect(shift.start_timestamp).toMatch(/^2025-03-12 \d\d:\d\d:00$/);
    }
    expect((await second.api('/shifts?start_date=2025-03-12&end_date=2025-03-12')).data).toEqual(today.data);
    expect((await first.api('/shifts')).data).toEqual(today.data);
  });

  it('returns list rows with the documented fields', async () => {
    const { api } = await session();
    const [shift] = (await api('/shifts?start_date=2025-03-10')).data;
    expect(Object.keys(shift)).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'schedule',
        'schedule_name',
        'schedule_location_id',
        'start_timestamp',
        'end_timestamp',
        'start_date',
        'end_date',
        'paidtime',
        'length',
        'published',
        'published_date',
        'employees',
        'location',
      ]),
    );
    expect(Number.isInteger(shift.id) && Number.isInteger(shift.schedule)).toBe(true);
    expect(Object.keys(shift.start_date)).toEqual(expect.arrayContaining(['day', 'month', 'year', 'formatted']));
    expect(shift.location).toMatchObject({ id: shift.schedule_location_id, lat: {}, lon: {} });
    for (const person of shift.employees) expect(Object.keys(person)).toEqual(['id', 'name', 'eid', 'paidtime']);
  });

  it('GET /shifts/{id} omits schedule_location_id and fills coordinates', async () => {
    const { api } = await session();
    const [listed] = (await api('/shifts')).data;
    const single = (await api(`/shifts/${listed.id}`)).data;
    expect(single.schedule_location_id).toBeUndefined();
    expect(typeof single.location.lat).toBe('number');
    expect(single).toMatchObject({ id: listed.id, title: listed.title, start_timestamp: listed.start_timestamp });
    expect(await api('/shifts/5')).toMatchObject({ status: 15, error: 'Shift not found' });
  });

  it('gives each shift its length in hours: start to end, breaks included, unlike paidtime', async () => {
    const { api } = await session();
    const shifts = (await api('/shifts?start_date=2025-03-10&end_date=2025-03-12')).data;
    for (const shift of shifts) {
      const hours = (Date.parse(`${shift.end_timestamp}Z`) - Date.parse(`${shift.start_timestamp}Z`)) / 3_600_000;
      expect(shift.length).toBe(hours);
      expect(shift.paidtime).toBe(hours > 6 ? hours - 0.5 : hours);
    }
    expect(shifts.some((shift: Json) => shift.length > shift.paidtime)).toBe(true);
  });

  it('allows a window until the same day of the next month, else HTTP 500 with status 15', async () => {
    const { sandbox, token, api } = await session();
    const month = await api('/shifts?start_date=2025-03-01&end_date=2025-03-31');
    expect(month.data.length).toBeGreaterThanOrEqual(31 * 3);
    expect(new Set(month.data.map((shift: Json) => shift.start_date.day)).size).toBe(31);
    const status = async (start: string, end: string) =>
      (await callApi(sandbox, token, `/shifts?start_date=${start}&end_date=${end}`)).status;
    // [start, last allowed end, first refused end]: 28 to 31 days depending on the month.
    const cases = [
      ['2025-03-01', '2025-03-31', '2025-04-01'],
      ['2025-02-01', '2025-02-28', '2025-03-01'],
      ['2024-02-01', '2024-02-29', '2024-03-01'],
      ['2025-04-01', '2025-04-30', '2025-05-01'],
      ['2025-02-15', '2025-03-14', '2025-03-15'],
      ['2025-01-15', '2025-02-14', '2025-02-15'],
      // Feb 31 does not exist and rolls over to Mar 3, as PHP's "+1 month" does.
      ['2025-01-31', '2025-03-02', '2025-03-03'],
    ];
    for (const [start, lastAllowed, firstRefused] of cases) {
      expect(await status(start, lastAllowed), `${start}…${lastAllowed}`).toBe(200);
      expect(await status(start, firstRefused), `${start}…${firstRefused}`).toBe(500);
    }
    const tooLong = await callApi(sandbox, token, '/shifts?start_date=2025-03-01&end_date=2025-04-01');
    expect(tooLong.json).toMatchObject({ status: 15, error: expect.stringContaining('before 2025-04-01') });
    expect(await status('2025-01-31', '2025-03-03')).toBe(500);
  });

  it('answers every 28-day window the bulk pull asks for, whatever day it starts', async () => {
    const { sandbox, token } = await session();
    const windows = [...splitRange('2024-01-01', '2025-12-31'), ...splitRange('2024-01-15', '2025-12-31')];
    expect(windows.length).toBeGreaterThan(50);
    for (const { start, end } of windows) {
      const result = await callApi(sandbox, token, `/shifts?start_date=${start}&end_date=${end}`);
      expect(result.status, `${start}…${end}`).toBe(200);
    }
  });

  it('GET /shifts/publish publishes the listed shifts; new shifts start as drafts', async () => {
    const { sandbox, token, api } = await session();
    const seeded = (await api('/shifts?start_date=2025-03-12')).data;
    expect(seeded[0]).toMatchObject({ published: 1, published_date: '2025-02-26 09:00:00' });
    // The seeded schedule goes out two weeks ahead: further out it is still a draft.
    const later = (await api('/shifts?start_date=2025-03-27')).data;
    expect(later[0]).toMatchObject({ published: 0, published_date: null });

    const body = { start_date: '2025-03-20', start_time: '09:00', end_time: '17:00', schedule: 304, add: 1012 };
    const created = (await api('/shifts', { method: 'POST', body })).data;
    expect(created).toMatchObject({ published: 0, published_date: null });

    const published = await api(`/shifts/publish?shifts=${created.id},${later[0].id}`);
    expect(published.status).toBe(1);
    expect(published.data.map((shift: Json) => shift.id)).toEqual([created.id, later[0].id]);
    for (const id of [created.id, later[0].id]) {
      expect((await api(`/shifts/${id}`)).data).toMatchObject({ published: 1, published_date: '2025-03-12 10:30:00' });
    }

    expect((await api('/shifts/publish')).status).toBe(8);
    expect(await api(`/shifts/publish?shifts=${created.id},5`)).toMatchObject({
      status: 9,
      error: expect.stringContaining('unknown id(s) 5'),
    });
    const put = await callApi(sandbox, token, '/shifts/publish', { method: 'PUT', body: { shifts: created.id } });
    expect(put).toMatchObject({ status: 405, json: { status: 4 } });
  });

  it('rejects an end before the start and malformed dates with status 9', async () => {
    const { api } = await session();
    expect((await api('/shifts?start_date=2025-03-12&end_date=2025-03-11')).status).toBe(9);
    expect((await api('/shifts?start_date=12/03/2025')).status).toBe(9);
    expect((await api('/shifts?start_date=2025-02-30')).status).toBe(9);
  });

  it('filters by employees= and schedule= comma lists', async () => {
    const { api } = await session();
    const window = '/shifts?start_date=2025-03-01&end_date=2025-03-14';
    const all = (await api(window)).data;
    const byStaff = (await api(`${window}&employees=1016,1018`)).data;
    expect(byStaff.length).toBeGreaterThan(0);
    expect(byStaff.length).toBeLessThan(all.length);
    for (const shift of byStaff) {
      expect(shift.employees.some((person: Json) => [1016, 1018].includes(person.id))).toBe(true);
    }
    const bySchedule = (await api(`${window}&schedule=303,304`)).data;
    expect(bySchedule.length).toBe(all.filter((shift: Json) => [303, 304].includes(shift.schedule)).length);
    expect(bySchedule.length).toBeGreaterThan(0);
  });

  it('POST, PUT and DELETE change what GET returns', async () => {
    const { api } = await session();
    const created = await api('/shifts', {
      method: 'POST',
      body: {
        start_date: '2025-03-20',
        start_time: '09:00',
        end_time: '5:00pm',
        schedule: 304,
        employee_id: '1012',
        title: 'Pop-up',
      },
    });
    expect(created.status).toBe(1);
    const id = created.data.id;
    expect(created.data).toMatchObject({
      schedule: 304,
      paidtime: 7.5,
      start_timestamp: '2025-03-20 09:00:00',
      end_timestamp: '2025-03-20 17:00:00',
    });
    const listed = (await api('/shifts?start_date=2025-03-20')).data;
    expect(listed.map((shift: Json) => shift.id)).toContain(id);

    const updated = await api(`/shifts/${id}`, { method: 'PUT', body: { add: 1020, remove: 1012, end_time: '12:00' } });
    expect(updated.data.employees.map((person: Json) => person.id)).toEqual([1020]);
    expect(updated.data.end_timestamp).toBe('2025-03-20 12:00:00');
    expect((await api(`/shifts/${id}`)).data.employees[0].name).toBe('Leah Cohen');

    expect(await api(`/shifts/${id}`, { method: 'DELETE' })).toMatchObject({ status: 1, data: 'Shift deleted' });
    expect((await api(`/shifts/${id}`)).status).toBe(15);
    expect((await api('/shifts?start_date=2025-03-20')).data.map((shift: Json) => shift.id)).not.toContain(id);
    expect((await api(`/shifts/${id}`, { method: 'DELETE' })).status).toBe(14);
  });

  it('edits and deletes generated shifts in place', async () => {
    const { api } = await session();
    const [first, second] = (await api('/shifts')).data;
    await api(`/shifts/${first.id}`, { method: 'PUT', body: { title: 'Renamed' } });
    await api(`/shifts/${second.id}`, { method: 'DELETE' });
    const after = (await api('/shifts')).data;
    expect(after.find((shift: Json) => shift.id === first.id).title).toBe('Renamed');
    expect(after.map((shift: Json) => shift.id)).not.toContain(second.id);
  });

  it('validates shift writes', async () => {
    const { api } = await session();
    const base = { start_date: '2025-03-20', start_time: '09:00', end_time: '17:00', schedule: 301 };
    const write = (body: Record<string, unknown>) => api('/shifts', { method: 'POST', body });
    expect((await write({ start_date: '2025-03-20' })).status).toBe(8);
    expect((await write({ ...base, schedule: 999 })).status).toBe(9);
    expect((await write({ ...base, end_date: '2025-03-19' })).status).toBe(9);
    expect((await write({ ...base, start_time: '25:00' })).status).toBe(9);
    expect((await write({ ...base, employee_id: '1001,77' })).status).toBe(9);
    // Without end_date an earlier end time means an overnight shift.
    const overnight = await write({ ...base, start_time: '22:00', end_time: '06:00' });
    expect(overnight.data.end_date).toMatchObject({ day: 21 });
    expect((await api('/shifts/1201590', { method: 'PUT', body: {} })).status).toBe(8);
    expect((await api('/shifts/5', { method: 'PUT', body: { title: 'x' } })).status).toBe(13);
  });
});

describe('timeclocks, leaves, dashboard', () => {
  it('GET /timeclocks has closed punches for past days, near the scheduled times', async () => {
    const { api } = await session();
    const punches = (await api('/timeclocks?start_date=2025-03-10&end_date=2025-03-11')).data;
    const shifts = (await api('/shifts?start_date=2025-03-10&end_date=2025-03-11')).data;
    const assigned = shifts.reduce((sum: number, shift: Json) => sum + shift.employees.length, 0);
    expect(punches).toHaveLength(assigned);
    for (const punch of punches) {
      const shift = shifts.find((candidate: Json) => candidate.id === punch.shift);
      const clockIn = Number(punch.in_timestamp) * 1000;
      const clockOut = Number(punch.out_timestamp) * 1000;
      expect(Math.abs(clockIn - Date.parse(`${shift.start_timestamp}Z`))).toBeLessThanOrEqual(7 * 60_000);
      expect(Math.abs(clockOut - Date.parse(`${shift.end_timestamp}Z`))).toBeLessThanOrEqual(12 * 60_000);
      const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
      expect(punch.in_time).toMatchObject({ time: clock(clockIn), day: new Date(clockIn).getUTCDate(), month: 3 });
      expect(punch.out_time).toMatchObject({ time: clock(clockOut), day: new Date(clockOut).getUTCDate() });
      const minutes = (clockOut - clockIn) / 60_000;
      expect(punch.length).toEqual({ hours: Math.floor(minutes / 60), mins: minutes % 60 });
      expect(punch.current_length).toEqual(punch.length);
    }
    const mine = (await api('/timeclocks?start_date=2025-03-10&end_date=2025-03-11&employee=1001')).data;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((punch: Json) => punch.employee.id === 1001)).toBe(true);
  });

  it('GET /timeclocks today lists who is on the clock, open: no out time, current_length running', async () => {
    const { api } = await session();
    const open = (await api('/timeclocks')).data;
    const onNow = (await api('/dashboard/onnow')).data;
    expect(open.length).toBeGreaterThan(0);
    expect(open.map((punch: Json) => punch.employee.id).sort()).toEqual(
      onNow.map((row: Json) => row.employee_id).sort(),
    );
    for (const punch of open) {
      expect(punch.out_time).toBeUndefined();
      expect(punch.out_timestamp).toBeUndefined();
      expect(punch.length).toEqual({ hours: 0, mins: 0 });
      const minutes = (NOW - Number(punch.in_timestamp) * 1000) / 60_000;
      expect(punch.current_length).toEqual({ hours: Math.floor(minutes / 60), mins: minutes % 60 });
    }
    // Nobody scheduled later today has clocked in yet.
    const later = (await api('/shifts')).data.filter(
      (shift: Json) => Date.parse(`${shift.start_timestamp}Z`) > NOW + 7 * 60_000,
    );
    expect(later.length).toBeGreaterThan(0);
    const laterIds = later.map((shift: Json) => shift.id);
    expect(open.some((punch: Json) => laterIds.includes(punch.shift))).toBe(false);
  });

  it('lists, creates and deletes leave requests', async () => {
    const { api } = await session();
    const seeded = (await api('/leaves')).data;
    expect(seeded.length).toBe(5);
    expect(seeded[0]).toMatchObject({
      leave_type: { id: expect.any(Number), name: expect.any(String) },
      employee: { id: expect.any(Number) },
    });

    const created = await api('/leaves', {
      method: 'POST',
      body: { leavetype: 2, start_date: '2025-04-01', end_date: '2025-04-02', reason: 'Dentist' },
    });
    expect(created.data).toMatchObject({
      employee: { id: 1001 },
      leave_type: { name: 'Sick' },
      status: 0,
      start_date: { day: 1, month: 4 },
    });
    const april = (await api('/leaves?start_date=2025-04-01&end_date=2025-04-30')).data;
    expect(april.map((leave: Json) => leave.id)).toContain(created.data.id);

    const clash = await api('/leaves', {
      method: 'POST',
      body: { leavetype: 1, start_date: '2025-04-02', end_date: '2025-04-03' },
    });
    expect(clash.status).toBe(12);
    expect(
      (
        await api('/leaves', {
          method: 'POST',
          body: { leavetype: 9, start_date: '2025-05-01', end_date: '2025-05-01' },
        })
      ).status,
    ).toBe(9);

    expect((await api(`/leaves/${created.data.id}`, { method: 'DELETE' })).status).toBe(1);
    expect((await api(`/leaves/${created.data.id}`, { method: 'DELETE' })).status).toBe(14);
  });

  it('GET /dashboard/onnow lists the staff whose shift covers the clock', async () => {
    const { api } = await session();
    const onNow = (await api('/dashboard/onnow')).data;
    const today = (await api('/shifts?start_date=2025-03-11&end_date=2025-03-12')).data;
    const running = today.filter(
      (shift: Json) => Date.parse(`${shift.start_timestamp}Z`) <= NOW && NOW < Date.parse(`${shift.end_timestamp}Z`),
    );
    const expected = running.flatMap((shift: Json) => shift.employees.map((person: Json) => person.id));
    expect(expected.length).toBeGreaterThan(0);
    expect(onNow.map((row: Json) => row.employee_id)).toEqual(expected);
    expect(onNow[0]).toMatchObject({ employee_name: expect.any(String), shift_id: running[0].id });
  });
});

describe('positions and locations', () => {
  it('creates a location and a position there; a used location cannot be deleted', async () => {
    const { api } = await session();
    expect((await api('/locations')).data).toHaveLength(3);
    expect((await api('/positions')).data).toHaveLength(6);
    const location = (
      await api('/locations', { method: 'POST', body: { name: 'Campus Cart', type: 1, city: 'Salem' } })
    ).data;
    expect(location).toMatchObject({ id: 204, name: 'Campus Cart', city: 'Salem', type: 1 });
    const position = (
      await api('/positions', { method: 'POST', body: { name: 'Cart Barista', location: location.id } })
    ).data;
    expect(position).toEqual({ id: 307, name: 'Cart Barista', location: { id: 204, name: 'Campus Cart' } });
    expect((await api(`/positions/${position.id}`)).data).toEqual(position);

    const refused = await api(`/locations/${location.id}`, { method: 'DELETE' });
    expect(refused).toMatchObject({ status: 14, error: expect.stringContaining('Cart Barista') });
    expect((await api(`/positions/${position.id}`, { method: 'DELETE' })).status).toBe(1);
    expect((await api(`/locations/${location.id}`, { method: 'DELETE' })).status).toBe(1);
    expect((await api(`/locations/${location.id}`)).status).toBe(15);
  });

  it('validates position and location writes', async () => {
    const { api } = await session();
    expect((await api('/positions', { method: 'POST', body: {} })).status).toBe(8);
    expect((await api('/positions', { method: 'POST', body: { name: 'X', location: 999 } })).status).toBe(9);
    expect((await api('/locations', { method: 'POST', body: { name: 'X', type: 5 } })).status).toBe(9);
    const internal = (await api('/positions', { method: 'POST', body: { name: 'Office' } })).data;
    expect(internal.location).toBeUndefined();
  });

  it('deleting a position removes it from employees', async () => {
    const { api } = await session();
    await api('/positions/304', { method: 'DELETE' });
    expect((await api('/employees/1009')).data.positions).toEqual([{ id: 301, name: 'Barista' }]);
  });
});

/** The rows of a custom or payroll report: the values under "0", "1", … */
function reportRows(data: Json): Json[] {
  return Object.entries(data)
    .filter(([key]) => /^\d+$/.test(key))
    .map(([, row]) => row);
}

describe('reports', () => {
  it('GET /reports/custom returns rows under "0","1",… plus a custom_report key', async () => {
    const { api } = await session();
    const report = await api(
      '/reports/custom?type=shifts&start_date=2025-03-10&end_date=2025-03-12&fields=employee,start_day,total_time',
    );
    expect(report.status).toBe(1);
    expect(Array.isArray(report.data)).toBe(false);
    const keys = Object.keys(report.data);
    const rowKeys = keys.filter((key) => /^\d+$/.test(key));
    expect(keys.filter((key) => !/^\d+$/.test(key))).toEqual(['custom_report']);
    expect(rowKeys).toEqual(rowKeys.map((_, index) => String(index)));
    expect(report.data.custom_report).toMatchObject({
      type: 'shifts',
      start_date: '2025-03-10',
      end_date: '2025-03-12',
      total_rows: rowKeys.length,
    });
    for (const key of rowKeys) {
      const row = report.data[key];
      expect(Object.keys(row)).toEqual(['employee', 'start_day', 'total_time']);
      expect(row.start_day).toMatch(/^2025-03-1[012]$/);
      expect(row.total_time).toMatch(/^\d+\.\d\d$/);
    }
  });

  it('filters by employee and validates type, dates and fields', async () => {
    const { api } = await session();
    const mine = await api(
      '/reports/custom?type=timesheets&start_date=2025-03-01&end_date=2025-03-11&employee=1001&fields=eid,status',
    );
    const rows = Object.entries(mine.data).filter(([key]) => /^\d+$/.test(key));
    expect(rows.length).toBeGreaterThan(0);
    for (const [, row] of rows) expect(row).toEqual({ eid: 'SC-1001', status: 'confirmed' });

    expect((await api('/reports/custom?type=bogus&start_date=2025-03-01&end_date=2025-03-02')).status).toBe(9);
    expect((await api('/reports/custom?type=shifts&start_date=2025-03-01')).status).toBe(8);
    expect(
      (await api('/reports/custom?type=shifts&start_date=2025-03-01&end_date=2025-03-02&fields=employee,salary'))
        .status,
    ).toBe(9);
  });

  it('GET /payroll/report is keyed the same way and its totals add up', async () => {
    const { api } = await session();
    const report = await api(
      '/payroll/report?type=scheduledhours&start_date=2025-03-10&end_date=2025-03-16&employee=all',
    );
    const rows = reportRows(report.data);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({
      userid: expect.any(Number),
      date: { year: 2025, month: 3 },
      hours: { position: { id: expect.any(Number) } },
    });
    const hours = rows.reduce((sum, row) => sum + row.hours.total, 0);
    expect(report.data.payroll_report.total_hours).toBeCloseTo(hours, 2);
    expect(report.data.payroll_report.total_rows).toBe(rows.length);
  });

  it('GET /reports/custom takes the id and user fields and a trailing comma in fields', async () => {
    const { api } = await session();
    const window = 'start_date=2025-03-03&end_date=2025-03-11&employee=1001';
    const timesheets = reportRows(
      (await api(`/reports/custom?type=timesheets&${window}&fields=id,user,start_day,`)).data,
    );
    const punches = (await api(`/timeclocks?${window}`)).data;
    expect(timesheets.length).toBeGreaterThan(0);
    expect(timesheets).toEqual(
      punches.map((punch: Json) => ({
        id: String(punch.id),
        user: '1001',
        start_day: `2025-03-${String(punch.in_time.day).padStart(2, '0')}`,
      })),
    );
    const scheduled = reportRows((await api(`/reports/custom?type=shifts&${window}&fields=employee,id,`)).data);
    const shifts = (await api('/shifts?start_date=2025-03-03&end_date=2025-03-11&employees=1001')).data;
    expect(scheduled).toEqual(shifts.map((shift: Json) => ({ employee: 'Alex Morgan', id: String(shift.id) })));
    expect((await api(`/reports/custom?type=shifts&${window}&fields=,`)).status).toBe(9);
  });

  it('leaves people still on the clock out of timesheet reports', async () => {
    const { api } = await session();
    expect((await api('/timeclocks')).data.length).toBeGreaterThan(0);
    const today = await api('/reports/custom?type=timesheets&start_date=2025-03-12&end_date=2025-03-12');
    expect(today.data.custom_report.total_rows).toBe(0);
  });

  it('GET /payroll/report rows carry clock, daily and weekly overtime, special and hours.ratecard', async () => {
    const { api } = await session();
    const window = 'start_date=2025-03-01&end_date=2025-03-31&employee=all';
    const rows = reportRows((await api(`/payroll/report?type=scheduledhours&${window}`)).data);
    const punched = reportRows((await api(`/payroll/report?type=timesheets&${window}`)).data);
    const custom = reportRows((await api(`/reports/custom?type=shifts&${window}&fields=overtime`)).data);
    expect(rows.length).toBeGreaterThan(100);

    // clock: the paid hours the time clock recorded for that person and shift; 0 from today on.
    const key = (row: Json) => `${row.userid}/${row.date.day}/${row.shift_title}`;
    const clocked = new Map(punched.map((row) => [key(row), row.hours.total]));
    for (const row of rows) {
      const expected = row.date.day < 12 ? clocked.get(key(row)) : 0;
      expect(row.clock, `${row.userid} on ${row.date.day}`).toBe(expected);
    }
    for (const row of punched) expect(row.clock).toBe(row.hours.total);

    // daily: past 8 h in a person's day; weekly: past 40 h in their Monday–Sunday week.
    const sums = (groupOf: (row: Json) => string, field: 'daily' | 'weekly') => {
      const totals = new Map<string, { hours: number; overtime: number }>();
      for (const row of rows) {
        const sum = totals.get(groupOf(row)) ?? { hours: 0, overtime: 0 };
        totals.set(groupOf(row), { hours: sum.hours + row.hours.total, overtime: sum.overtime + row[field] });
      }
      return [...totals.values()];
    };
    const day = (row: Json) => Math.floor(row.date.timestamp / 86_400);
    for (const { hours, overtime } of sums((row) => `${row.userid}/${day(row)}`, 'daily')) {
      expect(overtime).toBeCloseTo(Math.max(0, hours - 8), 2);
    }
    for (const { hours, overtime } of sums((row) => `${row.userid}/${Math.floor((day(row) + 3) / 7)}`, 'weekly')) {
      expect(overtime).toBeCloseTo(Math.max(0, hours - 40), 2);
    }
    expect(rows.some((row) => row.daily > 0)).toBe(true);
    expect(rows.some((row) => row.weekly > 0)).toBe(true);

    rows.forEach((row, index) => {
      const overtime = Math.max(row.daily, row.weekly);
      expect(row.hours.overtime).toBe(overtime);
      expect(row.hours.regular + row.hours.overtime).toBeCloseTo(row.hours.total, 2);
      expect(custom[index].overtime).toBe(overtime.toFixed(2));
      expect(row.special).toBe(0);
      expect(row.hours.special).toBe(0);
      expect(row.hours).toHaveProperty('ratecard', null);
    });
  });
});
