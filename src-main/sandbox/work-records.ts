// Who worked when: one entry per (shift, assigned employee). Timeclocks, custom reports and the
// payroll report are all views of these entries.
import { dayOf, MINUTE_MS, type DayWindow } from './dates';
import type { Employee, Location, Position, ShiftRecord } from './model';
import type { Org } from './org-state';
import { mulberry32 } from './shift-generator';
import { positionLocation, shiftHours, type ShiftHours } from './views';

/**
 * scheduled: every assigned shift in the window. confirmed: only days before today.
 * clocked: timeclock punches of everyone who has clocked in by now, still open until they clock out.
 */
export type WorkSource = 'scheduled' | 'confirmed' | 'clocked';

export interface WorkEntry {
  /** The shift id, or for clocked work the timeclock id. */
  id: number;
  shift: ShiftRecord;
  employee: Employee;
  position: Position | undefined;
  location: Location | undefined;
  startMs: number;
  /** For an open clocked entry, `now`: the time so far. */
  endMs: number;
  hours: ShiftHours;
  wage: number;
  confirmed: boolean;
  /** Clocked in, not yet out; only clocked entries can be open. */
  open: boolean;
  /** Paid hours the time clock recorded for this shift and person; 0 until they clock out. */
  clockedHours: number;
}

export interface WorkFilter {
  employeeId?: number;
  positionId?: number;
  locationId?: number;
}

export function workEntries(
  org: Org,
  window: DayWindow,
  source: WorkSource,
  now: number,
  filter: WorkFilter = {},
): WorkEntry[] {
  const today = dayOf(now);
  return org.shiftsIn(window).flatMap((shift) => {
    const confirmed = dayOf(shift.startMs) < today;
    if (source === 'confirmed' && !confirmed) return [];
    const position = org.positions.get(shift.positionId);
    const location = positionLocation(org, position);
    if (filter.positionId !== undefined && filter.positionId !== shift.positionId) return [];
    if (filter.locationId !== undefined && filter.locationId !== location?.id) return [];
    return shift.employeeIds.flatMap((employeeId, index): WorkEntry[] => {
      const employee = org.employees.get(employeeId);
      if (!employee || (filter.employeeId !== undefined && filter.employeeId !== employeeId)) return [];
      const [clockIn, clockOut] = punches(shift, employeeId);
      if (source === 'clocked' && clockIn > now) return [];
      const open = source === 'clocked' && clockOut > now;
      const [startMs, endMs] = source === 'clocked' ? [clockIn, Math.min(clockOut, now)] : [shift.startMs, shift.endMs];
      const wage = employee.positions.find((assignment) => assignment.positionId === shift.positionId)?.wage;
      return [
        {
          id: source === 'clocked' ? shift.id * 100 + index : shift.id,
          shift,
          employee,
          position,
          location,
          startMs,
          endMs,
          hours: shiftHours(startMs, endMs),
          wage: wage ?? position?.baseWage ?? 0,
          confirmed,
          open,
          clockedHours: clockOut <= now ? shiftHours(clockIn, clockOut).paid : 0,
        },
      ];
    });
  });
}

// People clock in up to 5 minutes early or 7 late, and out up to 3 early or 12 late —
// deterministic per shift and person.
function punches(shift: ShiftRecord, employeeId: number): [number, number] {
  const random = mulberry32(shift.id * 31 + employeeId);
  const clockIn = shift.startMs + Math.round(random() * 12 - 5) * MINUTE_MS;
  const clockOut = shift.endMs + Math.round(random() * 15 - 3) * MINUTE_MS;
  return [clockIn, clockOut];
}
