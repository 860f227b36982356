// The /api/v2 route table and dispatch.
import type { ApiRequest, Handler } from './api-request';
import { ApiError, failure, Status, success, type Outcome } from './envelope';
import { onNow } from './handlers/dashboard';
import {
  createEmployee,
  deleteEmployee,
  employeePositions,
  getEmployee,
  getMe,
  listEmployees,
  updateEmployee,
} from './handlers/employees';
import { createLeave, deleteLeave, listLeaves } from './handlers/leaves';
import { createLocation, deleteLocation, getLocation, listLocations } from './handlers/locations';
import { createPosition, deletePosition, getPosition, listPositions } from './handlers/positions';
import { customReport, payrollReport } from './handlers/reports';
import { createShift, deleteShift, getShift, listShifts, publishShifts, updateShift } from './handlers/shifts';
import { listTimeclocks } from './handlers/timeclocks';
import { invalid } from './params';

interface Route {
  /** Path under /api/v2; `:id` stands for one numeric segment. */
  readonly pattern: string;
  readonly methods: Readonly<Record<string, Handler>>;
}

const ROUTES: readonly Route[] = [
  { pattern: '/me', methods: { GET: getMe } },
  { pattern: '/employees', methods: { GET: listEmployees, POST: createEmployee } },
  { pattern: '/employees/:id', methods: { GET: getEmployee, PUT: updateEmployee, DELETE: deleteEmployee } },
  { pattern: '/employees/:id/positions', methods: { GET: employeePositions } },
  { pattern: '/positions', methods: { GET: listPositions, POST: createPosition } },
  { pattern: '/positions/:id', methods: { GET: getPosition, DELETE: deletePosition } },
  { pattern: '/locations', methods: { GET: listLocations, POST: createLocation } },
  { pattern: '/locations/:id', methods: { GET: getLocation, DELETE: deleteLocation } },
  { pattern: '/shifts', methods: { GET: listShifts, POST: createShift } },
  // Before /shifts/:id, which would read "publish" as an id. Humanity publishes with a GET.
  { pattern: '/shifts/publish', methods: { GET: publishShifts } },
  { pattern: '/shifts/:id', methods: { GET: getShift, PUT: updateShift, DELETE: deleteShift } },
  { pattern: '/timeclocks', methods: { GET: listTimeclocks } },
  { pattern: '/leaves', methods: { GET: listLeaves, POST: createLeave } },
  { pattern: '/leaves/:id', methods: { DELETE: deleteLeave } },
  { pattern: '/dashboard/onnow', methods: { GET: onNow } },
  { pattern: '/reports/custom', methods: { GET: customReport } },
  { pattern: '/payroll/report', methods: { GET: payrollReport } },
];

/** Every route as `METHOD /path`, for the CLI banner. */
export function listRoutes(): string[] {
  return ROUTES.flatMap((route) => Object.keys(route.methods).map((method) => `${method} ${route.pattern}`));
}

/** `path` is relative to /api/v2, e.g. `/employees/1001`; a trailing slash is ignored. */
export function routeApiCall(method: string, path: string, request: ApiRequest): Outcome {
  const segments = path.replace(/\/+$/, '').split('/').slice(1);
  const match = matchRoute(segments);
  if (!match) return failure(Status.invalidModule, 'Invalid module', 404);
  const handler = match.route.methods[method];
  if (!handler) {
    const allowed = Object.keys(match.route.methods).join(', ');
    return failure(Status.invalidMethod, `Invalid method: ${method} is not supported here (use ${allowed})`, 405, {
      allow: allowed,
    });
  }
  try {
    const id = match.idSegment === undefined ? NaN : pathId(match.idSegment);
    return success(handler(request, id));
  } catch (error) {
    if (error instanceof ApiError) return failure(error.status, error.message, error.httpStatus);
    throw error;
  }
}

function pathId(segment: string): number {
  if (!/^[1-9]\d{0,14}$/.test(segment)) throw invalid(`"${segment}" in the path is not a valid id`);
  return Number(segment);
}

function matchRoute(segments: readonly string[]): { route: Route; idSegment?: string } | undefined {
  for (const route of ROUTES) {
    const parts = route.pattern.split('/').slice(1);
    if (parts.length !== segments.length) continue;
    if (!parts.every((part, index) => part === ':id' || part === segments[index])) continue;
    const idIndex = parts.indexOf(':id');
    return { route, idSegment: idIndex < 0 ? undefined : segments[idIndex] };
  }
  return undefined;
}
