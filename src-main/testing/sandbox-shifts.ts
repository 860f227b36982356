// Changing the sandbox's shifts as another user of the account would, over its HTTP API with a
// token of its own: tests of "what changed since" (compare) make known changes with it.
import { SANDBOX_DEMO } from '../sandbox/server';
import { DAY_MS, dayOf, isoDay } from '../sandbox/dates';
import { generatedShifts } from '../sandbox/shift-generator';

/** An access token for the sandbox's demo user, by the password grant. */
export async function sandboxToken(url: string): Promise<string> {
  const answer = await fetch(`${url}/oauth2/token.php`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: SANDBOX_DEMO.clientId,
      client_secret: SANDBOX_DEMO.clientSecret,
      username: SANDBOX_DEMO.username,
      password: SANDBOX_DEMO.password,
    }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

type Shift = { id: number; schedule: number; start_date: { formatted: string } };

async function call<T>(url: string, token: string, method: string, path: string, params: Record<string, string> = {}): Promise<T> {
  // The token in the query, as for every method; other parameters in the body but for GET.
  const get = method === 'GET';
  const query = new URLSearchParams({ ...(get ? params : {}), access_token: token });
  const answer = await fetch(`${url}/api/v2/${path}?${query}`, {
    method,
    headers: get ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
    body: get ? undefined : new URLSearchParams(params),
  });
  const body = (await answer.json()) as { status: number; data: T };
  if (body.status !== 1) throw new Error(`${method} ${path}: ${JSON.stringify(body)}`);
  return body.data;
}

export interface ShiftEdits {
  /** The day whose shifts are changed (YYYY-MM-DD); new shifts are made on it. */
  day: string;
  add: number;
  remove: number;
  /** Shifts whose title and notes change: two fields each. */
  edit: number;
}

/**
 * The first day from today on whose seeded schedule has at least `count` shifts (the generator
 * makes 3 to 6 a day), so a test that removes and edits that many passes on any date.
 */
export function dayWithShifts(count: number, from = Date.now()): string {
  for (let day = dayOf(from); ; day += 1) {
    if (generatedShifts(day).length >= count) return isoDay(day * DAY_MS);
  }
}

/** Adds, removes and edits shifts of one day; returns the ids of each. */
export async function editShifts(url: string, { day, add, remove, edit }: ShiftEdits) {
  const token = await sandboxToken(url);
  const shifts = await call<Shift[]>(url, token, 'GET', 'shifts', { start_date: day, end_date: day });
  if (shifts.length < remove + edit) throw new Error(`The sandbox has ${shifts.length} shifts on ${day}; the test needs ${remove + edit}.`);
  const removed = shifts.slice(0, remove).map((shift) => shift.id);
  const edited = shifts.slice(remove, remove + edit).map((shift) => shift.id);
  for (const id of removed) await call(url, token, 'DELETE', `shifts/${id}`);
  for (const id of edited) await call(url, token, 'PUT', `shifts/${id}`, { title: `Edited ${id}`, notes: `Moved by the test (${id})` });
  const added: number[] = [];
  for (let n = 0; n < add; n += 1) {
    const params = { start_date: day, start_time: '6:00am', end_time: '2:00pm', schedule: String(shifts[0]!.schedule), title: `Added ${n}` };
    added.push((await call<{ id: number }>(url, token, 'POST', 'shifts', params)).id);
  }
  return { added, removed, edited };
}
