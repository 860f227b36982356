// /reports/custom, /payroll/report
import type { ApiRequest } from '../api-request';
import { clockText, DAY_MS, dateObject, dayOf, isoDay, type DayWindow } from '../dates';
import { optional, parseChoice, readLongWindow, requireParams } from '../params';
import { fullName, round2 } from '../views';
import { workEntries, type WorkEntry, type WorkSource } from '../work-records';
import { readWorkFilter } from './work-filter';

// Custom report rows are flat strings, one per requested field (humanity-api.md §6).
const REPORT_FIELDS: Readonly<Record<string, (entry: WorkEntry) => string>> = {
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
  overtime: () => '0.00',
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
  const rows = entries.map((entry) => Object.fromEntries(fields.map((field) => [field, REPORT_FIELDS[field](entry)])));
  return keyedRows(rows, 'custom_report', { type, ...windowSummary(window), fields, total_rows: rows.length });
}

export function payrollReport(request: ApiRequest) {
  const { type, window, entries } = reportEntries(request, PAYROLL_TYPES);
  const rows = entries.map((entry) => ({
    userid: entry.employee.id,
    employee: fullName(entry.employee),
    eid: entry.employee.eid,
    email: entry.employee.email,
    date: dateObject(entry.startMs),
    out_date: dateObject(entry.endMs),
    start_time: clockText(entry.startMs),
    end_time: clockText(entry.endMs),
    hours: {
      regular: entry.hours.paid,
      special: 0,
      overtime: 0,
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
  return { type, window, entries: workEntries(org, window, types[type], now, readWorkFilter(params, org)) };
}

function parseFields(text: string, name: string): string[] {
  return text.split(',').map((field) => parseChoice(field.trim(), name, Object.keys(REPORT_FIELDS)));
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
