// The sandbox's internal records. Views (views.ts) turn them into Humanity's JSON shapes.

export interface Avatar {
  small: string;
  medium: string;
  large: string;
}

export interface PositionAssignment {
  positionId: number;
  wage: number;
}

export interface Employee {
  id: number;
  firstname: string;
  lastname: string;
  email: string;
  eid: string;
  /** What PUT employees/{id} calls the mobile number (catalog, reported by working clients). */
  cell_phone: string;
  avatar: Avatar;
  /** Role id: 1 owner/admin, 2 manager, 3 supervisor, 4 scheduler, 5 employee, 6 accountant, 7 viewer. */
  group: number;
  /** -1 disabled, 0 deactivated, 1 activated. */
  status: number;
  positions: PositionAssignment[];
  notes: string;
}

export interface Position {
  id: number;
  name: string;
  locationId: number | null;
  baseWage: number;
}

export interface Location {
  id: number;
  name: string;
  address_line_1: string;
  city: string;
  state: string;
  postal_code: string;
  /** 1 work location, 2 remote site. */
  type: number;
  lat: number;
  lon: number;
}

export interface Leave {
  id: number;
  employeeId: number;
  leaveType: number;
  firstDay: number;
  lastDay: number;
  isHourly: boolean;
  reason: string;
  /** 0 pending, 1 approved, -1 declined. */
  status: number;
}

export interface ShiftRecord {
  id: number;
  title: string;
  positionId: number;
  startMs: number;
  endMs: number;
  employeeIds: number[];
  notes: string;
  /** When the shift was (or, for the seeded schedule, will be) published; null while a draft. */
  publishedMs: number | null;
}
