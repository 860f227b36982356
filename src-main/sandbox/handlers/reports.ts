// /reports/custom, /payroll/report
import type { ApiRequest } from '../api-request';
import { clockText, DAY_MS, dateObject, dayOf, isoDay, mondayOf, type DayWindow } from '../dates';
import { invalid, optional, parseChoice, readLongWindow, requireParams } from '../params';
import { fullName, round2 } from '../views';
import { workEntries, type WorkEntry, type WorkSource } from '../work-records';
import { readWorkFilter } from './work-filter';

interface Overtime {
  daily: number;
  weekly: number;
}

const DAILY_OVERTIME_AFTER = 8;
const WEEKLY_OVERTIME_AFTER = 40;
// Special hours (holiday and other premium time): the sandbox account keeps no holidays.
const SPECIAL_HOURS = 0;

// Custom report rows are flat strings, one per requested field (humanity-api.md §6). `id` and
// `user` are names real clients send; their meaning is not documented: here the row's shift (or
// timeclock) id and the employee's id.
const REPORT_FIELDS: Readonly<Record<string, (entry: WorkEntry, overtime: Overtime) => string>> = {
  id: (entry) => String(entry.id),
  user: (entry) => String(entry.employee.id),
  employee: (entry) => fullName(entry.employee),
  eid: (entry) => entry.employee.eid,
  location: (entry) => entry.location?.name ?? '',
  schedule_id: (entry) => String(entry.shift.positionId),
  schedule_name: (entry) => entry.position?.name ?? '',
  shift_id: (entry) => String(entry.shift.id),
  start_day: (entry) => isoDay(entry.startMs),
  end_day: (entry) => isoDay(entry.endMs),
  start_time: (entry) => clockText(entry.startMs),
  end_time: (entry) => clockText(entry.endMs),
  total_time: (entry) => entry.hours.paid.toFixed(2),
  overtime: (_, overtime) => overtimeHours(overtime).toFixed(2),
  rate: (entry) => entry.wage.toFixed(2),
  cost: (entry) => cost(entry).toFixed(2),
  notes: (entry) => entry.shift.notes,
  title: (entry) => entry.shift.title,
  remote_site: () => '',
  break_in_out_time: (entry) => (entry.hours.breaks > 0 ? '00:30' : ''),
  status: (entry) => (entry.confirmed ? 'confirmed' : 'scheduled'),
};
const DEFAULT_FIELDS = [
  'employee',
  'eid',
  'location',
  'schedule_name',
  'start_day',
  'start_time',
  'end_day',
  'end_time',
  'total_time',
];

// The sandbox approves every timesheet, so confirmed and plain timesheets are the same punches.
const CUSTOM_TYPES: Readonly<Record<string, WorkSource>> = {
  shifts: 'scheduled',
  confirmedshifts: 'confirmed',
  timesheets: 'clocked',
  confirmedtimesheets: 'clocked',
};
const PAYROLL_TYPES: Readonly<Record<string, WorkSource>> = {
  scheduledhours: 'scheduled',
  confirmedhours: 'confirmed',
  timesheets: 'clocked',
};

/** `type`, `start_date`, `end_date` required; `fields` (comma list), `employee`, `schedule`, `location` optional. */
export function customReport(request: ApiRequest) {
  const { type, window, entries } = reportEntries(request, CUSTOM_TYPES);
  const fields = optional(request.params, 'fields', parseFields) ?? DEFAULT_FIELDS;
  const overtime = overtimeByEntry(entries);
  const rows = entries.map((entry, index) =>
    Object.fromEntries(fields.map((field) => [field, REPORT_FIELDS[field](entry, overtime[index])])),
  );
  return keyedRows(rows, 'custom_report', { type, ...windowSummary(window), fields, total_rows: rows.length });
}

// `clock`, `daily`, `weekly`, `special` and `hours.ratecard` are reported by clients, not
// documented; their exact inner shapes are unknown, so they are kept to plain numbers (and null).
export function payrollReport(request: ApiRequest) {
  const { type, window, entries } = reportEntries(request, PAYROLL_TYPES);
  const overtime = overtimeByEntry(entries);
  const rows = entries.map((entry, index) => ({
    userid: entry.employee.id,
    employee: fullName(entry.employee),
    eid: entry.employee.eid,
    email: entry.employee.email,
    date: dateObject(entry.startMs),
    out_date: dateObject(entry.endMs),
    start_time: clockText(entry.startMs),
    end_time: clockText(entry.endMs),
    clock: entry.clockedHours,
    daily: overtime[index].daily,
    weekly: overtime[index].weekly,
    special: SPECIAL_HOURS,
    hours: {
      regular: round2(entry.hours.paid - overtimeHours(overtime[index])),
      special: SPECIAL_HOURS,
      overtime: overtimeHours(overtime[index]),
      d_overtime: 0,
      total: entry.hours.paid,
      cost: cost(entry),
      breaks: entry.hours.breaks,
      rate: entry.wage,
      position: { id: entry.shift.positionId, name: entry.position?.name ?? '' },
      location: entry.location
        ? { id: entry.location.id, name: entry.location.name, address: entry.location.address_line_1 }
        : null,
      remote_site: null,
      // The sandbox account has no rate cards, so every hour costs the plain rate.
      ratecard: null,
    },
    overnight: dayOf(entry.startMs) === dayOf(entry.endMs) ? 0 : 1,
    shift_title: entry.shift.title,
    in_location_name: entry.location?.name ?? '',
    out_location_name: entry.location?.name ?? '',
  }));
  const totals = {
    total_hours: round2(entries.reduce((sum, entry) => sum + entry.hours.paid, 0)),
    total_cost: round2(entries.reduce((sum, entry) => sum + cost(entry), 0)),
  };
  return keyedRows(rows, 'payroll_report', { type, ...windowSummary(window), ...totals, total_rows: rows.length });
}

function reportEntries({ params, org, now }: ApiRequest, types: Readonly<Record<string, WorkSource>>) {
  const [typeText] = requireParams(params, ['type', 'start_date', 'end_date']);
  const type = parseChoice(typeText, 'type', Object.keys(types));
  const window = readLongWindow(params, now);
  // A timesheet row needs a clock-out, so people still on the clock are left out.
  const entries = workEntries(org, window, types[type], now, readWorkFilter(params, org));
  return { type, window, entries: entries.filter((entry) => !entry.open) };
}

/** Empty names are skipped: clients send a trailing comma (`fields=employee,start_day,`). */
function parseFields(text: string, name: string): string[] {
  const fields = text
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  if (fields.length === 0) throw invalid(`${name} must name at least one field`);
  return fields.map((field) => parseChoice(field, name, Object.keys(REPORT_FIELDS)));
}

/**
 * Overtime per entry, in hours: `daily` past 8 paid hours in a person's day, `weekly` past 40 in
 * their Monday–Sunday week, counted over the report's own rows in start order, so the row that
 * crosses the limit carries the excess.
 */
function overtimeByEntry(entries: readonly WorkEntry[]): Overtime[] {
  const dayTotals = new Map<string, number>();
  const weekTotals = new Map<string, number>();
  return entries.map((entry) => {
    const day = dayOf(entry.startMs);
    const person = entry.employee.id;
    return {
      daily: excess(dayTotals, `${person}/${day}`, entry.hours.paid, DAILY_OVERTIME_AFTER),
      weekly: excess(weekTotals, `${person}/${mondayOf(day)}`, entry.hours.paid, WEEKLY_OVERTIME_AFTER),
    };
  });
}

/** Adds `hours` to the running total under `key`; the part of them past `limit`. */
function excess(totals: Map<string, number>, key: string, hours: number, limit: number): number {
  const before = totals.get(key) ?? 0;
  totals.set(key, before + hours);
  return round2(Math.max(0, before + hours - Math.max(before, limit)));
}

/** Hours counted once, whichever limit they passed. */
function overtimeHours(overtime: Overtime): number {
  return Math.max(overtime.daily, overtime.weekly);
}

/** Rows as an object keyed "0","1",… next to a summary key, as Humanity's reports do (§7.6). */
function keyedRows(rows: readonly unknown[], summaryKey: string, summary: object): Record<string, unknown> {
  return { ...Object.fromEntries(rows.map((row, index) => [String(index), row])), [summaryKey]: summary };
}

function windowSummary(window: DayWindow) {
  return { start_date: isoDay(window.first * DAY_MS), end_date: isoDay(window.last * DAY_MS) };
}

function cost(entry: WorkEntry): number {
  return round2(entry.hours.paid * entry.wage);
}
