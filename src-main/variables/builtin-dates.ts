// Built-in date variables for Humanity's YYYY-MM-DD parameters (start_date, end_date, ...).
// Dates are calendar days in the user's local time zone: "today" is the day on the user's wall
// clock, which is what an admin means when asking for this week's shifts.

interface Day {
  year: number;
  /** 0-based, as in Date. */
  month: number;
  day: number;
}

const BASES: Record<string, (today: Day) => Day> = {
  today: (t) => t,
  yesterday: (t) => addDays(t, -1),
  tomorrow: (t) => addDays(t, 1),
  // Weeks run Monday to Sunday (ISO 8601), as Humanity's schedules do.
  startOfWeek: (t) => addDays(t, -mondayOffset(t)),
  endOfWeek: (t) => addDays(t, 6 - mondayOffset(t)),
  startOfMonth: (t) => ({ ...t, day: 1 }),
  endOfMonth: (t) => ({ ...t, day: daysInMonth(t.year, t.month) }),
};

// `today`, `today+7d`, `startOfMonth-1m`, `today + 2w`: a base, then an optional signed offset.
const BUILTIN = new RegExp(`^(${Object.keys(BASES).join('|')})(?:\\s*([+-])\\s*(\\d{1,4})\\s*([dwm]))?$`);

/** True when `name` is a built-in date: such names are reserved and cannot be user variables. */
export function isBuiltinDateName(name: string): boolean {
  return BUILTIN.test(name.trim());
}

/** The value of a built-in date variable at `now`, or null when `name` is not a built-in. */
export function builtinDate(name: string, now: number): string | null {
  const match = BUILTIN.exec(name.trim());
  if (!match) return null;
  const [, base, sign, amount, unit] = match;
  const wallClock = new Date(now);
  const today = { year: wallClock.getFullYear(), month: wallClock.getMonth(), day: wallClock.getDate() };
  const count = sign ? Number(amount) * (sign === '-' ? -1 : 1) : 0;
  const toBase = BASES[base!]!;
  // A month offset moves the reference day before the base applies, so {{endOfMonth+1m}} is the
  // last day of next month (not the 28th when this month is February). Day and week offsets
  // move the result: {{startOfWeek+7d}} is next Monday.
  if (unit === 'm') return format(toBase(addMonths(today, count)));
  return format(addDays(toBase(today), unit === 'w' ? count * 7 : count));
}

function mondayOffset(day: Day): number {
  return (new Date(day.year, day.month, day.day).getDay() + 6) % 7;
}

// Date's constructor rolls day and month overflow into the next month or year, in local time.
function addDays(day: Day, count: number): Day {
  const moved = new Date(day.year, day.month, day.day + count);
  return { year: moved.getFullYear(), month: moved.getMonth(), day: moved.getDate() };
}

/** Month arithmetic keeps the day but clamps it to the target month's end: Jan 31 + 1m = Feb 28/29. */
function addMonths(day: Day, count: number): Day {
  const first = new Date(day.year, day.month + count, 1);
  const year = first.getFullYear();
  const month = first.getMonth();
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

function daysInMonth(year: number, month: number): number {
  return new Date(year, month + 1, 0).getDate();
}

function format({ year, month, day }: Day): string {
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
