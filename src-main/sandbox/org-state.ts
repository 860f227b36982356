// One server's mutable copy of the organisation. Writes change only this copy, so servers (and
// tests) never see each other's edits.
import { DAY_MS, dayOf, type DayWindow } from './dates';
import type { Employee, Leave, Location, Position, ShiftRecord } from './model';
import { ADMIN_ID, SEED_EMPLOYEES, SEED_LOCATIONS, SEED_POSITIONS, seedLeaves } from './seed-data';
import { FIRST_CREATED_SHIFT_ID, generatedShiftById, generatedShifts } from './shift-generator';

export class Org {
  readonly adminId = ADMIN_ID;
  readonly employees: Map<number, Employee>;
  readonly positions: Map<number, Position>;
  readonly locations: Map<number, Location>;
  readonly leaves: Map<number, Leave>;
  // Shifts are generated per day; this holds only the differences: edited or created shifts,
  // and null for deleted ones.
  private readonly shiftEdits = new Map<number, ShiftRecord | null>();
  private nextShiftId = FIRST_CREATED_SHIFT_ID;
  private readonly lastIds = new Map<ReadonlyMap<number, unknown>, number>();

  /** `adminEmail` is the sandbox username, so GET /me matches whoever signed in. */
  constructor(adminEmail: string, now: number) {
    this.employees = byId(structuredClone(SEED_EMPLOYEES));
    this.positions = byId(structuredClone(SEED_POSITIONS));
    this.locations = byId(structuredClone(SEED_LOCATIONS));
    this.leaves = byId(seedLeaves(dayOf(now)));
    const admin = this.employees.get(ADMIN_ID);
    if (admin) admin.email = adminEmail;
  }

  /** A new id for the collection, above any it holds or ever handed out: deleted ids stay unused. */
  nextId(collection: ReadonlyMap<number, unknown>, floor: number): number {
    const id = Math.max(floor, this.lastIds.get(collection) ?? 0, ...collection.keys()) + 1;
    this.lastIds.set(collection, id);
    return id;
  }

  shift(id: number): ShiftRecord | undefined {
    if (this.shiftEdits.has(id)) return this.shiftEdits.get(id) ?? undefined;
    return generatedShiftById(id);
  }

  /** Shifts starting on a day of the window, in start order. */
  shiftsIn(window: DayWindow): ShiftRecord[] {
    const shifts: ShiftRecord[] = [];
    for (let day = window.first; day <= window.last; day++) {
      for (const generated of generatedShifts(day)) {
        const shift = this.shiftEdits.has(generated.id) ? this.shiftEdits.get(generated.id) : generated;
        if (shift) shifts.push(shift);
      }
    }
    const [from, to] = [window.first * DAY_MS, (window.last + 1) * DAY_MS];
    for (const [id, shift] of this.shiftEdits) {
      if (shift && id >= FIRST_CREATED_SHIFT_ID && shift.startMs >= from && shift.startMs < to) shifts.push(shift);
    }
    return shifts.sort((a, b) => a.startMs - b.startMs || a.id - b.id);
  }

  createShift(shift: Omit<ShiftRecord, 'id'>): ShiftRecord {
    const created = { ...shift, id: this.nextShiftId++ };
    this.shiftEdits.set(created.id, created);
    return created;
  }

  /** Edits keep a shift on its start day, so a generated shift stays where the generator puts it. */
  saveShift(shift: ShiftRecord): void {
    this.shiftEdits.set(shift.id, shift);
  }

  deleteShift(id: number): void {
    this.shiftEdits.set(id, null);
  }
}

function byId<T extends { id: number }>(items: readonly T[]): Map<number, T> {
  return new Map(items.map((item) => [item.id, item]));
}
