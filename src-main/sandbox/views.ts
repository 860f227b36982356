// Records → the JSON shapes Humanity returns (humanity-api.md §6). Ids stay integers.
import { DAY_MS, dateObject, timestampText } from './dates';
import type { Employee, Leave, Location, Position, ShiftRecord } from './model';
import type { Org } from './org-state';
import { LEAVE_TYPES } from './seed-data';

const UNPAID_BREAK_HOURS = 0.5;
const BREAK_AFTER_HOURS = 6;

export interface ShiftHours {
  total: number;
  breaks: number;
  paid: number;
}

/** Shifts longer than six hours include an unpaid half-hour break. */
export function shiftHours(startMs: number, endMs: number): ShiftHours {
  const total = round2((endMs - startMs) / 3_600_000);
  const breaks = total > BREAK_AFTER_HOURS ? UNPAID_BREAK_HOURS : 0;
  return { total, breaks, paid: round2(total - breaks) };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function fullName(employee: Employee): string {
  return `${employee.firstname} ${employee.lastname}`;
}

export function employeeView(org: Org, employee: Employee) {
  return {
    id: employee.id,
    firstname: employee.firstname,
    lastname: employee.lastname,
    name: fullName(employee),
    email: employee.email,
    eid: employee.eid,
    cell_phone: employee.cell_phone,
    avatar: employee.avatar,
    group: employee.group,
    status: employee.status,
    positions: employee.positions.flatMap(({ positionId }) => {
      const position = org.positions.get(positionId);
      return position ? [{ id: position.id, name: position.name }] : [];
    }),
    notes: employee.notes,
  };
}

/** The position's location, when it has one that still exists. */
export function positionLocation(org: Org, position: Position | undefined): Location | undefined {
  if (!position || position.locationId === null) return undefined;
  return org.locations.get(position.locationId);
}

// Positions without a location ("internal") have no `location` key at all, as in Humanity.
export function positionView(org: Org, position: Position) {
  const location = positionLocation(org, position);
  return {
    id: position.id,
    name: position.name,
    ...(location && { location: { id: location.id, name: location.name } }),
  };
}

/**
 * List rows carry `schedule_location_id` and empty `lat`/`lon` objects; a single GET omits
 * `schedule_location_id` and fills the coordinates (humanity-api.md §7.4).
 */
export function shiftView(org: Org, shift: ShiftRecord, shape: 'list' | 'single') {
  const position = org.positions.get(shift.positionId);
  const location = positionLocation(org, position);
  const hours = shiftHours(shift.startMs, shift.endMs);
  const employees = shift.employeeIds.flatMap((id) => {
    const employee = org.employees.get(id);
    return employee ? [{ id: employee.id, name: fullName(employee), eid: employee.eid, paidtime: hours.paid }] : [];
  });
  const coordinates =
    shape === 'list' ? { lat: {}, lon: {} } : { lat: location?.lat ?? null, lon: location?.lon ?? null };
  return {
    id: shift.id,
    title: shift.title,
    schedule: shift.positionId,
    schedule_name: position?.name ?? '',
    ...(shape === 'list' && { schedule_location_id: location?.id ?? 0 }),
    start_timestamp: timestampText(shift.startMs),
    end_timestamp: timestampText(shift.endMs),
    start_date: dateObject(shift.startMs),
    end_date: dateObject(shift.endMs),
    paidtime: hours.paid,
    // Hours from start to end as a number, like paidtime: no client or page we found reads a
    // shift's length as {hours, mins} (that shape is the timeclocks' own).
    length: hours.total,
    employees,
    employeesOnCall: [],
    notes: shift.notes,
    published: shift.publishedMs === null ? 0 : 1,
    published_date: shift.publishedMs === null ? null : timestampText(shift.publishedMs),
    location: location
      ? { id: location.id, name: location.name, address: location.address_line_1, ...coordinates }
      : null,
  };
}

export function leaveView(org: Org, leave: Leave) {
  const employee = org.employees.get(leave.employeeId);
  return {
    id: leave.id,
    employee: { id: leave.employeeId, name: employee ? fullName(employee) : '' },
    leave_type: { id: leave.leaveType, name: LEAVE_TYPES[leave.leaveType] },
    start_date: dateObject(leave.firstDay * DAY_MS),
    end_date: dateObject(leave.lastDay * DAY_MS),
    is_hourly: leave.isHourly ? 1 : 0,
    reason: leave.reason,
    status: leave.status,
  };
}
