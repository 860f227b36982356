// A later /shifts answer made from an earlier one, as if the schedule changed between the two
// calls: some shifts removed, some added, some retitled, spread through the body. For the compare
// figure (h), which knows what the comparison must find.
import { shiftsBodyBytes, type ShiftsBody } from '../../src-main/testing/large-shifts';

interface ShiftChanges {
  added: number;
  removed: number;
  changed: number;
}

type Shift = { id: number; title: string };

export function changedShifts(earlier: ShiftsBody, { added, removed, changed }: ShiftChanges): ShiftsBody {
  const { data } = JSON.parse(shiftsBodyBytes(earlier, null).toString('utf8')) as { data: Shift[] };
  const spread = (count: number, offset: number) => new Set(Array.from({ length: count }, (_, n) => Math.floor(((n + offset / 7) * data.length) / count)));
  const gone = spread(removed, 1);
  const retitled = spread(changed, 3);
  const kept = data.flatMap((shift, index) => (gone.has(index) ? [] : [retitled.has(index) && !gone.has(index) ? { ...shift, title: `${shift.title} (moved)` } : shift]));
  let nextId = earlier.lastShiftId + 1;
  const fresh = Array.from({ length: added }, (_, n) => ({ ...data[n]!, id: nextId++, title: `New shift ${n}` }));
  const shifts = [...kept, ...fresh];
  return {
    head: Buffer.from(`{"status":1,"data":[${shifts.map((shift) => JSON.stringify(shift)).join(',')}],"metadata":[],"token":`),
    shifts: shifts.length,
    lastShiftId: nextId - 1,
  };
}
