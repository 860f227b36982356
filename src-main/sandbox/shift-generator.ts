// The seeded schedule: shifts for ANY day, computed from the date alone, so a window always
// returns the same rows and no calendar needs storing. Edits are layered on top in org-state.ts.
import { DAY_MS, FIRST_DAY, LAST_DAY, MINUTE_MS } from './dates';
import type { ShiftRecord } from './model';
import { SEED_EMPLOYEES } from './seed-data';

interface Template {
  title: string;
  positionId: number;
  /** Minutes after midnight; an end past 1440 runs into the next day. */
  start: number;
  end: number;
}

const h = (hours: number) => hours * 60;

const TEMPLATES: readonly Template[] = [
  { title: 'Opening bar', positionId: 301, start: h(6), end: h(14) },
  { title: 'Closing bar', positionId: 301, start: h(12), end: h(20) },
  { title: 'Floor lead', positionId: 302, start: h(7), end: h(15.5) },
  { title: 'Night bake', positionId: 303, start: h(22), end: h(30) },
  { title: 'Morning till', positionId: 304, start: h(7), end: h(13) },
  { title: 'Harbour bar', positionId: 305, start: h(10), end: h(18) },
  { title: 'Airport early', positionId: 306, start: h(5), end: h(13) },
  { title: 'Airport late', positionId: 306, start: h(13), end: h(21) },
];

// The seeded schedule is published two weeks ahead: at 09:00, fourteen days before the shift's day.
const PUBLISHED_AHEAD_MS = 14 * DAY_MS - 9 * 60 * MINUTE_MS;

// Ids are (day + offset) * 10 + index: 7-digit like real shift ids, decodable back to their day.
const ID_DAY_OFFSET = 100_000;
const MAX_SHIFTS_PER_DAY = 6;

/** Ids from here on belong to shifts created through the API. */
export const FIRST_CREATED_SHIFT_ID = 900_000_000;

export function generatedShifts(day: number): ShiftRecord[] {
  const random = mulberry32(day * 7919 + 17);
  const count = 3 + Math.floor(random() * (MAX_SHIFTS_PER_DAY - 2));
  const chosen = shuffled(TEMPLATES, random)
    .slice(0, count)
    .sort((a, b) => a.start - b.start || a.positionId - b.positionId);
  return chosen.map((template, index) => ({
    id: (day + ID_DAY_OFFSET) * 10 + index,
    title: template.title,
    positionId: template.positionId,
    startMs: day * DAY_MS + template.start * MINUTE_MS,
    endMs: day * DAY_MS + template.end * MINUTE_MS,
    employeeIds: staffFor(template.positionId, random),
    notes: '',
    publishedMs: day * DAY_MS - PUBLISHED_AHEAD_MS,
  }));
}

/** The generated shift with this id, if the id is one the generator hands out. */
export function generatedShiftById(id: number): ShiftRecord | undefined {
  if (!Number.isSafeInteger(id) || id >= FIRST_CREATED_SHIFT_ID) return undefined;
  const day = Math.floor(id / 10) - ID_DAY_OFFSET;
  if (day < FIRST_DAY || day > LAST_DAY) return undefined;
  return generatedShifts(day)[id % 10];
}

// One in ten shifts is left open; the others get one or two active staff of that position.
function staffFor(positionId: number, random: () => number): number[] {
  const candidates = SEED_EMPLOYEES.filter(
    (employee) =>
      employee.status === 1 && employee.positions.some((assignment) => assignment.positionId === positionId),
  ).map((employee) => employee.id);
  const count = random() < 0.1 ? 0 : 1 + Math.floor(random() * 2);
  return shuffled(candidates, random)
    .slice(0, count)
    .sort((a, b) => a - b);
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

// Small seeded PRNG: the same seed yields the same sequence on every machine.
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
