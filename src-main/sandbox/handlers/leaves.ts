// /leaves, /leaves/{id}
import type { ApiRequest } from '../api-request';
import { ApiError, must, Status } from '../envelope';
import type { Leave } from '../model';
import {
  idParam,
  intParam,
  invalid,
  knownId,
  parseChoice,
  parseDay,
  readLongWindow,
  requireParams,
  textParam,
} from '../params';
import { LEAVE_TYPES } from '../seed-data';
import { leaveView } from '../views';

const DECLINED = -1;

/** Every request, or those overlapping `start_date`/`end_date` when given; `employee` filters. */
export function listLeaves({ params, org, now }: ApiRequest) {
  const dated = textParam(params, 'start_date') !== undefined || textParam(params, 'end_date') !== undefined;
  const window = dated ? readLongWindow(params, now) : undefined;
  const employeeId = idParam(params, 'employee');
  return [...org.leaves.values()]
    .filter((leave) => !window || (leave.firstDay <= window.last && leave.lastDay >= window.first))
    .filter((leave) => employeeId === undefined || leave.employeeId === employeeId)
    .sort((a, b) => a.firstDay - b.firstDay || a.id - b.id)
    .map((leave) => leaveView(org, leave));
}

/** A new request is pending (status 0); `employee` defaults to the signed-in user. */
export function createLeave({ params, org }: ApiRequest) {
  const [leaveType, startDate, endDate] = requireParams(params, ['leavetype', 'start_date', 'end_date']);
  const employee = idParam(params, 'employee');
  const leave: Leave = {
    id: org.nextId(org.leaves, 500),
    employeeId: employee === undefined ? org.adminId : knownId(employee, org.employees, 'employee'),
    leaveType: Number(parseChoice(leaveType, 'leavetype', Object.keys(LEAVE_TYPES))),
    firstDay: parseDay(startDate, 'start_date'),
    lastDay: parseDay(endDate, 'end_date'),
    isHourly: intParam(params, 'is_hourly', 0, 1) === 1,
    reason: textParam(params, 'reason') ?? '',
    status: 0,
  };
  if (leave.lastDay < leave.firstDay) throw invalid('end_date must not be before start_date');
  const clash = [...org.leaves.values()].some(
    (other) =>
      other.employeeId === leave.employeeId &&
      other.status !== DECLINED &&
      other.firstDay <= leave.lastDay &&
      other.lastDay >= leave.firstDay,
  );
  if (clash) throw new ApiError(Status.createFailed, 'The employee already has a leave request on these days');
  org.leaves.set(leave.id, leave);
  return leaveView(org, leave);
}

export function deleteLeave({ org }: ApiRequest, id: number) {
  must(org.leaves.get(id), Status.deleteFailed, 'Leave request not found');
  org.leaves.delete(id);
  return 'Leave request deleted';
}
