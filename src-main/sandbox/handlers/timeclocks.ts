// /timeclocks
import type { ApiRequest } from '../api-request';
import { dateObject, timestampText } from '../dates';
import { readLongWindow } from '../params';
import { fullName } from '../views';
import { workEntries } from '../work-records';
import { readWorkFilter } from './work-filter';

/** Punches for the window's past days (`start_date`/`end_date`, default today, which has none yet). */
export function listTimeclocks({ params, org, now }: ApiRequest) {
  const window = readLongWindow(params, now);
  return workEntries(org, window, 'clocked', now, readWorkFilter(params, org)).map((entry) => ({
    id: entry.id,
    employee: { id: entry.employee.id, name: fullName(entry.employee), eid: entry.employee.eid },
    schedule: { id: entry.shift.positionId, name: entry.position?.name ?? '' },
    location: entry.location ? { id: entry.location.id, name: entry.location.name } : null,
    shift: entry.shift.id,
    in_timestamp: timestampText(entry.startMs),
    out_timestamp: timestampText(entry.endMs),
    in_time: dateObject(entry.startMs),
    out_time: dateObject(entry.endMs),
    length: entry.hours.total,
  }));
}
