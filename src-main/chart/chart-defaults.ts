// What a chart shows when the user has not said: Humanity's usual questions (the README's
// "Charts"). Shifts per day or week (x = start date, y = count); hours per employee from payroll
// and custom reports (x = employee, y = sum of hours); timeclock hours per week (x = clock-in
// day, y = sum of the punch lengths).
import { AppError } from '../shared/app-error';
import type { ChartSpec } from '../shared/contract';
import type { ChartField } from './chart-fields';

/** Report fields holding a row's hours (payroll `hours.total`, custom report `total_time`). */
const HOURS_FIELDS = ['hours.total', 'total_time'];
const DATE_FIELDS = ['start_date', 'date', 'in_time', 'in_timestamp', 'start_day', 'start_timestamp', 'startedAt', 'createdAt'];
const PERSON_FIELDS = ['employee', 'employee.name', 'name'];
const CATEGORY_DISTINCT_MAX = 50;

export interface ResolvedSpec {
  x: ChartField;
  bucket: ChartSpec['bucket'];
  y: 'count' | 'sum' | 'avg';
  yField: ChartField | null;
  split: ChartField | null;
  top: number;
}

export function resolveSpec(fields: readonly ChartField[], spec: ChartSpec): ResolvedSpec {
  const byPath = new Map(fields.map((field) => [field.path, field]));
  const named = (path: string | null) => {
    if (path === null) return null;
    const field = byPath.get(path);
    if (!field) throw new AppError('invalid_input', `These rows have no field "${path}" to chart. Pick another field.`);
    return field;
  };
  const { y, yField } = resolveY(fields, spec, named(spec.yField));
  const x = named(spec.x) ?? defaultX(fields, byPath, yField);
  if (!x) throw new AppError('invalid_input', 'These rows have no field to chart.');
  return { x, bucket: spec.bucket, y, yField, split: named(spec.split), top: spec.top };
}

function resolveY(fields: readonly ChartField[], spec: ChartSpec, yField: ChartField | null): Pick<ResolvedSpec, 'y' | 'yField'> {
  if (spec.y === 'count') return { y: 'count', yField: null };
  if (yField && yField.kind !== 'number') throw new AppError('invalid_input', `"${yField.path}" holds no numbers, so it cannot be summed or averaged. Pick a number field.`);
  const numbers = fields.filter((field) => field.kind === 'number');
  const hours = HOURS_FIELDS.map((path) => numbers.find((field) => field.path === path)).find(Boolean) ?? numbers.find((field) => field.duration);
  if (spec.y === null) return hours ? { y: 'sum', yField: yField ?? hours } : { y: 'count', yField: null };
  const chosen = yField ?? hours ?? numbers[0];
  if (!chosen) throw new AppError('invalid_input', 'These rows have no number field to sum or average. Count them instead.');
  return { y: spec.y, yField: chosen };
}

function defaultX(fields: readonly ChartField[], byPath: Map<string, ChartField>, yField: ChartField | null): ChartField | null {
  const known = (paths: string[], kind: ChartField['kind']) => paths.map((path) => byPath.get(path)).find((field) => field?.kind === kind);
  if (yField && HOURS_FIELDS.includes(yField.path)) {
    const person = known(PERSON_FIELDS, 'category');
    if (person) return person;
  }
  return (
    known(DATE_FIELDS, 'date') ??
    fields.find((field) => field.kind === 'date') ??
    fields.find((field) => field.kind === 'category' && field.distinct > 1 && field.distinct <= CATEGORY_DISTINCT_MAX) ??
    fields[0] ??
    null
  );
}
