// /locations, /locations/{id}
import type { ApiRequest } from '../api-request';
import { ApiError, must, Status } from '../envelope';
import type { Location } from '../model';
import { intParam, requireParams, textParam } from '../params';

const ADDRESS_FIELDS = ['address_line_1', 'city', 'state', 'postal_code'] as const;

export function listLocations({ org }: ApiRequest) {
  return [...org.locations.values()];
}

export function getLocation({ org }: ApiRequest, id: number) {
  return must(org.locations.get(id), Status.getFailed, 'Location not found');
}

/** `type` 1 is a work location, 2 a remote site. */
export function createLocation({ params, org }: ApiRequest) {
  const [name] = requireParams(params, ['name']);
  const location: Location = {
    id: org.nextId(org.locations, 200),
    name,
    address_line_1: '',
    city: '',
    state: '',
    postal_code: '',
    type: intParam(params, 'type', 1, 2) ?? 1,
    lat: 0,
    lon: 0,
  };
  for (const field of ADDRESS_FIELDS) location[field] = textParam(params, field) ?? '';
  org.locations.set(location.id, location);
  return location;
}

// Refused while positions use the location: the write cannot apply, so the caller must move them first.
export function deleteLocation({ org }: ApiRequest, id: number) {
  must(org.locations.get(id), Status.deleteFailed, 'Location not found');
  const users = [...org.positions.values()].filter((position) => position.locationId === id);
  if (users.length > 0) {
    const names = users.map((position) => position.name).join(', ');
    throw new ApiError(Status.deleteFailed, `Location is used by positions (${names}); delete or move them first`);
  }
  org.locations.delete(id);
  return 'Location deleted';
}
