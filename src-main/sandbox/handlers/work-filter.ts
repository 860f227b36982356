// The filters timeclocks and reports share.
import type { Params } from '../http-io';
import type { Org } from '../org-state';
import { idParam, knownId, parseId, textParam } from '../params';
import type { WorkFilter } from '../work-records';

/** `employee` (an id, or `all` as Humanity clients send), `schedule` (position id), `location`. */
export function readWorkFilter(params: Params, org: Org): WorkFilter {
  const employee = textParam(params, 'employee');
  const everyone = employee === undefined || employee === 'all';
  return {
    employeeId: everyone ? undefined : knownId(parseId(employee, 'employee'), org.employees, 'employee'),
    positionId: idParam(params, 'schedule'),
    locationId: idParam(params, 'location'),
  };
}
