// The seeded sample organisation, "Sandbox Coffee Co.". Fixed data so every sandbox starts
// identical; each server works on its own copy (org-state.ts).
import type { Avatar, Employee, Leave, Location, Position } from './model';

export const COMPANY_NAME = 'Sandbox Coffee Co.';
export const ADMIN_ID = 1001;

export const NO_AVATAR: Readonly<Avatar> = {
  small: '/images/no_avatar_small.png',
  medium: '/images/no_avatar_medium.png',
  large: '/images/no_avatar_large.png',
};

export const LEAVE_TYPES: Readonly<Record<number, string>> = { 1: 'Vacation', 2: 'Sick', 3: 'Personal' };

export const SEED_LOCATIONS: readonly Location[] = [
  location(201, 'Downtown Roastery', '12 Bean Street', 45.5152, -122.6784),
  location(202, 'Harbour Kiosk', '3 Pier Road', 45.5231, -122.6695),
  location(203, 'Airport Cafe', 'Terminal C, Gate 14', 45.5887, -122.5975),
];

export const SEED_POSITIONS: readonly Position[] = [
  { id: 301, name: 'Barista', locationId: 201, baseWage: 16.5 },
  { id: 302, name: 'Shift Lead', locationId: 201, baseWage: 21 },
  { id: 303, name: 'Baker', locationId: 201, baseWage: 18 },
  { id: 304, name: 'Cashier', locationId: 202, baseWage: 15.75 },
  { id: 305, name: 'Harbour Barista', locationId: 202, baseWage: 16.5 },
  { id: 306, name: 'Airport Barista', locationId: 203, baseWage: 17.25 },
];

// [id, firstname, lastname, group, status, position ids]
const STAFF: readonly (readonly [number, string, string, number, number, readonly number[]])[] = [
  [ADMIN_ID, 'Alex', 'Morgan', 1, 1, [302]],
  [1002, 'Priya', 'Natarajan', 2, 1, [302, 301]],
  [1003, 'Jonas', 'Weber', 2, 1, [302, 304]],
  [1004, 'Maya', 'Okafor', 3, 1, [301]],
  [1005, 'Liam', "O'Brien", 3, 1, [301, 305]],
  [1006, 'Sofia', 'Rossi', 3, 1, [303]],
  [1007, 'Kenji', 'Tanaka', 4, 1, [306]],
  [1008, 'Amara', 'Diallo', 5, 1, [301]],
  [1009, 'Lucas', 'Silva', 5, 1, [301, 304]],
  [1010, 'Chloe', 'Martin', 5, 1, [303]],
  [1011, 'Noah', 'Fischer', 5, 1, [303, 301]],
  [1012, 'Zara', 'Ahmed', 5, 1, [304]],
  [1013, 'Ethan', 'Brooks', 5, 1, [304, 305]],
  [1014, 'Isla', 'Campbell', 5, 1, [305]],
  [1015, 'Mateo', 'García', 5, 1, [305, 301]],
  [1016, 'Hana', 'Kim', 5, 1, [306]],
  [1017, 'Omar', 'Haddad', 5, 1, [306, 301]],
  [1018, 'Freya', 'Larsen', 5, 1, [306]],
  [1019, 'Diego', 'Herrera', 5, 1, [301]],
  [1020, 'Leah', 'Cohen', 5, 1, [304]],
  [1021, 'Arjun', 'Mehta', 6, 1, []],
  [1022, 'Nina', 'Petrova', 5, 0, [301]],
  [1023, 'Samuel', 'Mensah', 5, -1, [303]],
  [1024, 'Ruby', 'Walsh', 7, 1, []],
  [1025, 'Tomás', 'Novak', 5, 1, [303, 306]],
];

export const SEED_EMPLOYEES: readonly Employee[] = STAFF.map(
  ([id, firstname, lastname, group, status, positionIds]) => ({
    id,
    firstname,
    lastname,
    email: `${firstname}.${lastname}@sandboxcoffee.example`
      .normalize('NFD')
      .replace(/[^A-Za-z.@]/g, '')
      .toLowerCase(),
    eid: `SC-${id}`,
    cell_phone: `555-01${String(id % 100).padStart(2, '0')}`,
    avatar: avatarFor(id),
    group,
    status,
    // Wages step up a little with seniority (lower id) so payroll rows differ per person.
    positions: positionIds.map((positionId) => ({ positionId, wage: wageFor(positionId, id) })),
    notes: '',
  }),
);

/** Leave requests placed around the day the server starts, so they are always near "now". */
export function seedLeaves(today: number): Leave[] {
  const leave = (
    id: number,
    employeeId: number,
    leaveType: number,
    from: number,
    to: number,
    status: number,
    reason: string,
  ) => ({
    id,
    employeeId,
    leaveType,
    firstDay: today + from,
    lastDay: today + to,
    isHourly: false,
    reason,
    status,
  });
  return [
    leave(501, 1008, 1, 7, 11, 1, 'Family trip'),
    leave(502, 1012, 2, -2, -2, 1, 'Flu'),
    leave(503, 1016, 3, 3, 3, 0, 'Moving house'),
    leave(504, 1005, 1, 20, 27, 0, 'Summer holiday'),
    leave(505, 1019, 1, -30, -26, -1, 'Conference'),
  ];
}

function wageFor(positionId: number, employeeId: number): number {
  const position = SEED_POSITIONS.find((candidate) => candidate.id === positionId);
  return (position?.baseWage ?? 0) + (employeeId % 3) * 0.5;
}

function location(id: number, name: string, street: string, lat: number, lon: number): Location {
  return { id, name, address_line_1: street, city: 'Portland', state: 'OR', postal_code: '97204', type: 1, lat, lon };
}

// Humanity serves relative avatar URLs and, for people without a photo, `no_avatar` placeholders.
function avatarFor(id: number): Avatar {
  if (id % 3 === 0) return { ...NO_AVATAR };
  return {
    small: `/media/avatars/${id}/small.jpg`,
    medium: `/media/avatars/${id}/medium.jpg`,
    large: `/media/avatars/${id}/large.jpg`,
  };
}
