// Words and numbers for the Pull range panel. Pure, so they are unit-tested.
import type { BulkProgressView } from '@shared/contract';

/** The windows main splits a range into (see src-main/bulk/date-windows.ts). */
export const WINDOW_DAYS = 28;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real calendar date written YYYY-MM-DD, else null. */
export function dayNumber(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() / DAY_MS;
}

/** A local calendar date as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export type RangePlan = { ok: true; days: number; windows: number } | { ok: false; message: string };

/** What a From–To range comes to, or the sentence saying what to fix. */
export function planRange(from: string, to: string): RangePlan {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (first === null) return { ok: false, message: 'Pick a From date.' };
  if (last === null) return { ok: false, message: 'Pick a To date.' };
  if (last < first) return { ok: false, message: 'The To date is before the From date.' };
  const days = last - first + 1;
  return { ok: true, days, windows: Math.ceil(days / WINDOW_DAYS) };
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export function planSentence(plan: RangePlan): string {
  if (!plan.ok) return plan.message;
  return `${count(plan.days, 'day')}: ${count(plan.windows, 'window')} of at most ${WINDOW_DAYS} days.`;
}

/** "about 20 s left", "about 3 min left". */
export function timeLeft(etaMs: number | null): string {
  if (etaMs === null) return 'estimating time left';
  const seconds = Math.max(1, Math.round(etaMs / 1000));
  if (seconds < 90) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min left`;
  return `about ${Math.round(minutes / 60)} h left`;
}

/** The progress line: "Window 3 of 14 · 1,234 rows · about 20 s left" while running. */
export function progressLine(progress: BulkProgressView): string {
  const { state, windowsDone, windowsTotal, rows } = progress;
  const rowText = count(rows, 'row');
  if (state === 'running' || state === 'idle') {
    const current = Math.min(windowsDone + 1, windowsTotal);
    return `Window ${current} of ${windowsTotal} · ${rowText} · ${timeLeft(progress.etaMs)}`;
  }
  return `${windowsDone} of ${count(windowsTotal, 'window')} · ${rowText}`;
}

export const STATE_WORDS: Record<BulkProgressView['state'], string> = {
  idle: 'Ready',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
