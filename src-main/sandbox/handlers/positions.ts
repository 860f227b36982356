// /positions, /positions/{id}
import type { ApiRequest } from '../api-request';
import { must, Status } from '../envelope';
import { idParam, knownId, requireParams } from '../params';
import { positionView } from '../views';

const DEFAULT_WAGE = 15;

export function listPositions({ org }: ApiRequest) {
  return [...org.positions.values()].map((position) => positionView(org, position));
}

export function getPosition({ org }: ApiRequest, id: number) {
  return positionView(org, must(org.positions.get(id), Status.getFailed, 'Position not found'));
}

/** `location` is optional: positions without one are "internal" positions. */
export function createPosition({ params, org }: ApiRequest) {
  const [name] = requireParams(params, ['name']);
  const location = idParam(params, 'location');
  const locationId = location === undefined ? null : knownId(location, org.locations, 'location');
  const position = { id: org.nextId(org.positions, 300), name, locationId, baseWage: DEFAULT_WAGE };
  org.positions.set(position.id, position);
  return positionView(org, position);
}

export function deletePosition({ org }: ApiRequest, id: number) {
  must(org.positions.get(id), Status.deleteFailed, 'Position not found');
  org.positions.delete(id);
  for (const employee of org.employees.values()) {
    employee.positions = employee.positions.filter(({ positionId }) => positionId !== id);
  }
  return 'Position deleted';
}
