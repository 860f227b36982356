// /me, /employees, /employees/{id}, /employees/{id}/positions
import type { ApiRequest } from '../api-request';
import { ApiError, must, Status } from '../envelope';
import type { Params } from '../http-io';
import type { Employee } from '../model';
import type { Org } from '../org-state';
import { idListParam, intParam, invalid, knownIds, requireParams, textParam } from '../params';
import { NO_AVATAR } from '../seed-data';
import { employeeView, positionView } from '../views';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEXT_FIELDS = ['firstname', 'lastname', 'email', 'eid', 'cell_phone', 'notes'] as const;

type TextField = (typeof TEXT_FIELDS)[number];

interface EmployeeChanges extends Partial<Pick<Employee, TextField | 'group' | 'status'>> {
  addschedule?: number[];
  removeschedule?: number[];
}

export function getMe({ org }: ApiRequest) {
  return employeeView(org, must(org.employees.get(org.adminId), Status.getFailed, 'Employee not found'));
}

export function listEmployees({ org }: ApiRequest) {
  return [...org.employees.values()].map((employee) => employeeView(org, employee));
}

export function getEmployee({ org }: ApiRequest, id: number) {
  return employeeView(org, must(org.employees.get(id), Status.getFailed, 'Employee not found'));
}

export function createEmployee({ params, org }: ApiRequest) {
  requireParams(params, ['firstname', 'lastname']);
  const changes = readChanges(params, org);
  const employee: Employee = {
    id: org.nextId(org.employees, 1000),
    firstname: '',
    lastname: '',
    email: '',
    eid: '',
    cell_phone: '',
    avatar: { ...NO_AVATAR },
    group: 5,
    status: 1,
    positions: [],
    notes: '',
  };
  applyChanges(org, employee, changes, Status.createFailed);
  org.employees.set(employee.id, employee);
  return employeeView(org, employee);
}

export function updateEmployee({ params, org }: ApiRequest, id: number) {
  const employee = must(org.employees.get(id), Status.updateFailed, 'Employee not found');
  const changes = readChanges(params, org);
  if (Object.keys(changes).length === 0) {
    const fields = [...TEXT_FIELDS, 'group', 'status', 'addschedule', 'removeschedule'];
    throw new ApiError(Status.missingParameters, `Nothing to update; send any of ${fields.join(', ')}`);
  }
  applyChanges(org, employee, changes, Status.updateFailed);
  return employeeView(org, employee);
}

export function deleteEmployee({ org }: ApiRequest, id: number) {
  must(org.employees.get(id), Status.deleteFailed, 'Employee not found');
  if (id === org.adminId) throw new ApiError(Status.deleteFailed, 'You cannot delete your own account');
  org.employees.delete(id);
  for (const leave of org.leaves.values()) if (leave.employeeId === id) org.leaves.delete(leave.id);
  return 'Employee deleted';
}

export function employeePositions({ org }: ApiRequest, id: number) {
  const employee = must(org.employees.get(id), Status.getFailed, 'Employee not found');
  return employee.positions.flatMap(({ positionId, wage }) => {
    const position = org.positions.get(positionId);
    return position ? [{ ...positionView(org, position), wage }] : [];
  });
}

// Reads and validates every field before anything changes, so a bad field leaves the record as it was.
function readChanges(params: Params, org: Org): EmployeeChanges {
  const changes: EmployeeChanges = {};
  for (const field of TEXT_FIELDS) {
    const value = textParam(params, field);
    if (value !== undefined) changes[field] = value;
  }
  if (changes.email !== undefined && !EMAIL.test(changes.email)) {
    throw invalid(`email "${changes.email}" is not an email address`);
  }
  // Role 1 is the account owner, which the API cannot grant.
  const group = intParam(params, 'group', 2, 7);
  if (group !== undefined) changes.group = group;
  const status = intParam(params, 'status', -1, 1);
  if (status !== undefined) changes.status = status;
  for (const field of ['addschedule', 'removeschedule'] as const) {
    const ids = idListParam(params, field);
    if (ids !== undefined) changes[field] = knownIds(ids, org.positions, field);
  }
  return changes;
}

function applyChanges(org: Org, employee: Employee, changes: EmployeeChanges, failStatus: number): void {
  const { addschedule = [], removeschedule = [], ...fields } = changes;
  const email = fields.email?.toLowerCase();
  const others = [...org.employees.values()].filter((other) => other.id !== employee.id);
  if (email !== undefined && others.some((other) => other.email.toLowerCase() === email)) {
    throw new ApiError(failStatus, `Another employee already uses the email ${fields.email}`);
  }
  Object.assign(employee, fields);
  const kept = employee.positions.filter(({ positionId }) => !removeschedule.includes(positionId));
  const added = addschedule
    .filter((positionId) => !kept.some((assignment) => assignment.positionId === positionId))
    .map((positionId) => ({ positionId, wage: org.positions.get(positionId)?.baseWage ?? 0 }));
  employee.positions = [...kept, ...added];
}
