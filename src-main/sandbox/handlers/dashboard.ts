// /dashboard/onnow
import type { ApiRequest } from '../api-request';
import { dayOf, timestampText } from '../dates';
import { fullName } from '../views';

/** Everyone on a shift at this moment; yesterday's overnight shifts may still be running. */
export function onNow({ org, now }: ApiRequest) {
  const today = dayOf(now);
  return org
    .shiftsIn({ first: today - 1, last: today })
    .filter((shift) => shift.startMs <= now && now < shift.endMs)
    .flatMap((shift) =>
      shift.employeeIds.flatMap((id) => {
        const employee = org.employees.get(id);
        if (!employee) return [];
        return [
          {
            employee_id: employee.id,
            employee_name: fullName(employee),
            shift_id: shift.id,
            schedule_id: shift.positionId,
            schedule_name: org.positions.get(shift.positionId)?.name ?? '',
            start_timestamp: timestampText(shift.startMs),
            end_timestamp: timestampText(shift.endMs),
          },
        ];
      }),
    );
}
