// /timeclocks
import type { ApiRequest } from '../api-request';
import { clockText, dateObject, epochText, hoursAndMinutes } from '../dates';
import { readLongWindow } from '../params';
import { fullName } from '../views';
import { workEntries } from '../work-records';
import { readWorkFilter } from './work-filter';

const NOTHING_RECORDED = hoursAndMinutes(0);

/**
 * Punches of the window's days (`start_date`/`end_date`, default today) up to now. An open entry
 * (clocked in, not yet out) has no out time; its `length` is recorded at clock-out, while
 * `current_length` runs.
 */
export function listTimeclocks({ params, org, now }: ApiRequest) {
  const window = readLongWindow(params, now);
  return workEntries(org, window, 'clocked', now, readWorkFilter(params, org)).map((entry) => {
    const soFar = hoursAndMinutes(entry.endMs - entry.startMs);
    return {
      id: entry.id,
      employee: { id: entry.employee.id, name: fullName(entry.employee), eid: entry.employee.eid },
      schedule: { id: entry.shift.positionId, name: entry.position?.name ?? '' },
      location: entry.location ? { id: entry.location.id, name: entry.location.name } : null,
      shift: entry.shift.id,
      in_timestamp: epochText(entry.startMs),
      in_time: clockPoint(entry.startMs),
      ...(!entry.open && { out_timestamp: epochText(entry.endMs), out_time: clockPoint(entry.endMs) }),
      length: entry.open ? NOTHING_RECORDED : soFar,
      current_length: soFar,
    };
  });
}

/** `time` (HH:MM) and `day` as clients read them, next to the date fields shifts carry. */
function clockPoint(ms: number) {
  return { time: clockText(ms), ...dateObject(ms) };
}
