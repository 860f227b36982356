// /shifts, /shifts/{id}, /shifts/publish
import type { ApiRequest } from '../api-request';
import { DAY_MS, isoDay, MINUTE_MS, sameDayNextMonth, windowDays } from '../dates';
import { ApiError, must, Status } from '../envelope';
import type { Params } from '../http-io';
import type { ShiftRecord } from '../model';
import type { Org } from '../org-state';
import {
  dayParam,
  idListParam,
  idParam,
  invalid,
  knownId,
  knownIds,
  parseDay,
  parseId,
  parseTime,
  readWindow,
  requireParams,
  textParam,
  timeParam,
} from '../params';
import { shiftView } from '../views';

const MAX_SHIFT_MS = DAY_MS;
const UPDATABLE = ['title', 'notes', 'schedule', 'start_time', 'end_time', 'employee_id', 'add', 'remove'];

/** `employees=` and `schedule=` keep shifts with any of the listed staff / positions. */
export function listShifts({ params, org, now }: ApiRequest) {
  const window = readWindow(params, now);
  // Humanity answers windows of "about a month" (28 days always, 29–31 depending on the month) and
  // fails longer ones with HTTP 500 rather than a business error (humanity-api.md §7.1).
  const limit = sameDayNextMonth(window.first);
  if (window.last >= limit) {
    throw new ApiError(
      Status.getFailed,
      `The date range is too large (${windowDays(window)} days); end_date must be before ${isoDay(limit * DAY_MS)}`,
      500,
    );
  }
  const employees = idListParam(params, 'employees');
  const schedules = idListParam(params, 'schedule');
  return org
    .shiftsIn(window)
    .filter((shift) => !schedules || schedules.includes(shift.positionId))
    .filter((shift) => !employees || shift.employeeIds.some((id) => employees.includes(id)))
    .map((shift) => shiftView(org, asOf(shift, now), 'list'));
}

export function getShift({ org, now }: ApiRequest, id: number) {
  return shiftView(org, asOf(must(org.shift(id), Status.getFailed, 'Shift not found'), now), 'single');
}

/** `shifts`: a comma list of ids. Publishing again stamps a new publish time. */
export function publishShifts({ params, org, now }: ApiRequest) {
  requireParams(params, ['shifts']);
  const ids = knownIds(idListParam(params, 'shifts') ?? [], { has: (id) => org.shift(id) !== undefined }, 'shifts');
  // knownIds has refused unknown ids; a repeated id is published (and answered) once.
  const published = [...new Set(ids)].map((id) => ({ ...org.shift(id)!, publishedMs: now }));
  for (const shift of published) org.saveShift(shift);
  return published.map((shift) => shiftView(org, shift, 'single'));
}

/**
 * Without `end_date`, an end time at or before the start time means the shift ends the next day.
 * New shifts are drafts until published (adding staff does not publish, humanity-api.md §7.5).
 */
export function createShift({ params, org }: ApiRequest) {
  const [startDate, startTime, endTime, schedule] = requireParams(params, [
    'start_date',
    'start_time',
    'end_time',
    'schedule',
  ]);
  const startDay = parseDay(startDate, 'start_date');
  const startMs = startDay * DAY_MS + parseTime(startTime, 'start_time') * MINUTE_MS;
  const endDay = dayParam(params, 'end_date');
  const endClock = parseTime(endTime, 'end_time') * MINUTE_MS;
  const endMs = endDay === undefined ? endAfter(startMs, startDay * DAY_MS + endClock) : endDay * DAY_MS + endClock;
  const positionId = knownId(parseId(schedule, 'schedule'), org.positions, 'schedule');
  const shift = org.createShift({
    title: textParam(params, 'title') ?? '',
    positionId,
    startMs,
    endMs: checkedEnd(startMs, endMs),
    employeeIds: knownIds(idListParam(params, 'employee_id') ?? [], org.employees, 'employee_id'),
    notes: textParam(params, 'notes') ?? '',
    publishedMs: null,
  });
  return shiftView(org, shift, 'single');
}

/**
 * Fields: title, notes, schedule, start_time/end_time (same start day), employee_id (replaces the
 * staff list), add / remove (one employee).
 */
export function updateShift({ params, org, now }: ApiRequest, id: number) {
  const shift = must(org.shift(id), Status.updateFailed, 'Shift not found');
  if (!UPDATABLE.some((name) => textParam(params, name) !== undefined)) {
    throw new ApiError(Status.missingParameters, `Nothing to update; send any of ${UPDATABLE.join(', ')}`);
  }
  const updated: ShiftRecord = {
    ...shift,
    title: textParam(params, 'title') ?? shift.title,
    notes: textParam(params, 'notes') ?? shift.notes,
    employeeIds: staffAfterUpdate(params, org, shift.employeeIds),
  };
  const schedule = idParam(params, 'schedule');
  if (schedule !== undefined) updated.positionId = knownId(schedule, org.positions, 'schedule');
  const dayStart = Math.floor(shift.startMs / DAY_MS) * DAY_MS;
  const startTime = timeParam(params, 'start_time');
  const endTime = timeParam(params, 'end_time');
  if (startTime !== undefined) updated.startMs = dayStart + startTime * MINUTE_MS;
  if (endTime !== undefined) updated.endMs = endAfter(updated.startMs, dayStart + endTime * MINUTE_MS);
  updated.endMs = checkedEnd(updated.startMs, updated.endMs);
  org.saveShift(updated);
  return shiftView(org, asOf(updated, now), 'single');
}

export function deleteShift({ org }: ApiRequest, id: number) {
  must(org.shift(id), Status.deleteFailed, 'Shift not found');
  org.deleteShift(id);
  return 'Shift deleted';
}

function staffAfterUpdate(params: Params, org: Org, current: readonly number[]): number[] {
  const replaced = idListParam(params, 'employee_id');
  const add = idParam(params, 'add');
  const remove = idParam(params, 'remove');
  const staff = new Set(replaced ? knownIds(replaced, org.employees, 'employee_id') : current);
  if (add !== undefined) staff.add(knownId(add, org.employees, 'add'));
  if (remove !== undefined) staff.delete(remove);
  return [...staff].sort((a, b) => a - b);
}

/** The shift as the API shows it at `now`: a publish time still ahead (the seeded schedule's) is a draft. */
function asOf(shift: ShiftRecord, now: number): ShiftRecord {
  return shift.publishedMs !== null && shift.publishedMs > now ? { ...shift, publishedMs: null } : shift;
}

function endAfter(startMs: number, endMs: number): number {
  return endMs <= startMs ? endMs + DAY_MS : endMs;
}

function checkedEnd(startMs: number, endMs: number): number {
  if (endMs <= startMs) throw invalid('The shift must end after it starts');
  if (endMs - startMs > MAX_SHIFT_MS) throw invalid('A shift may last at most 24 hours');
  return endMs;
}
