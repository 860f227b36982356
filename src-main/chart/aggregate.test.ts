import { describe, expect, it } from 'vitest';
import { CHART_BUCKETS_MAX } from '../shared/channels';
import type { ChartSpec } from '../shared/contract';
import { AppError } from '../shared/app-error';
import { CATEGORIES_MAX, chartOf } from './aggregate';
import { chartCsvRows } from './chart-csv';

const AUTO: ChartSpec = { x: null, bucket: 'auto', y: null, yField: null, split: null, top: 5 };
const spec = (over: Partial<ChartSpec>): ChartSpec => ({ ...AUTO, ...over });

function dateObject(iso: string) {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { day, month, year, weekday: 'x', formatted: iso, timestamp: Date.UTC(year, month - 1, day) / 1000 + 9 * 3600 };
}

/** Shifts as /shifts lists them: date objects, a location object, paid hours. */
function shift(id: number, iso: string, location: string, paidtime = 8) {
  return { id, title: 't', start_date: dateObject(iso), start_timestamp: `${iso} 09:00:00`, paidtime, schedule: 5, location: { id: 1, name: location } };
}

const seriesOf = (chart: ReturnType<typeof chartOf>, name: string) => chart.series.find((series) => series.name === name)!.values;

describe('defaults for Humanity shapes', () => {
  it('counts shifts per day of start_date, filling the days without shifts', () => {
    const chart = chartOf([shift(1, '2026-03-02', 'A'), shift(2, '2026-03-02', 'B'), shift(3, '2026-03-04', 'A')], AUTO);
    expect(chart.spec).toMatchObject({ x: 'start_date', bucket: 'day', y: 'count', yField: null, split: null });
    expect(chart.labels).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(chart.xStarts).toEqual([Date.UTC(2026, 2, 2) / 1000, Date.UTC(2026, 2, 3) / 1000, Date.UTC(2026, 2, 4) / 1000]);
    expect(chart.series).toEqual([{ name: 'Count', values: [2, 0, 1] }]);
    expect(chart.title).toBe('Count of rows per day');
    expect(chart.fields.find((field) => field.path === 'start_date')).toMatchObject({ kind: 'date' });
    expect(chart.fields.find((field) => field.path === 'location.name')).toMatchObject({ kind: 'category', distinct: 2 });
    expect(chart.fields.find((field) => field.path === 'id')).toMatchObject({ kind: 'category' });
    expect(chart.fields.find((field) => field.path === 'paidtime')).toMatchObject({ kind: 'number' });
  });

  it('sums payroll hours per employee, largest first', () => {
    const row = (employee: string, total: number) => ({ userid: 1, employee, date: dateObject('2026-03-02'), hours: { total, regular: total, position: { id: 1, name: 'P' } } });
    const chart = chartOf([row('Ann', 8), row('Bob', 4), row('Ann', 7.5), row('Cy', 6)], AUTO);
    expect(chart.spec).toMatchObject({ x: 'employee', bucket: null, y: 'sum', yField: 'hours.total' });
    expect(chart.labels).toEqual(['Ann', 'Cy', 'Bob']);
    expect(chart.series[0]!.values).toEqual([15.5, 6, 4]);
    expect(chart.xStarts).toBeNull();
  });

  it('sums custom-report total_time text per employee', () => {
    const rows = [
      { employee: 'Ann', start_day: '2026-03-02', total_time: '8.00' },
      { employee: 'Ann', start_day: '2026-03-03', total_time: '7.50' },
    ];
    expect(chartOf(rows, AUTO)).toMatchObject({ spec: { x: 'employee', y: 'sum', yField: 'total_time' }, labels: ['Ann'], series: [{ values: [15.5] }] });
  });

  it('sums timeclock lengths ({hours, mins}) per week of the clock-in day over a long window', () => {
    const punch = (iso: string, hours: number, mins: number) => ({ id: 1, in_timestamp: String(Date.UTC(...(iso.split('-').map(Number) as [number, number, number]).map((n, i) => (i === 1 ? n - 1 : n)) as [number, number, number]) / 1000 + 3600), length: { hours, mins } });
    const chart = chartOf([punch('2026-03-02', 8, 0), punch('2026-03-08', 7, 30), punch('2026-03-09', 4, 15), punch('2026-03-30', 1, 0)], AUTO);
    expect(chart.spec).toMatchObject({ x: 'in_timestamp', bucket: 'week', y: 'sum', yField: 'length' });
    expect(chart.labels).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    expect(chart.series[0]!.values).toEqual([15.5, 4.25, 0, 0, 1]);
    expect(chart.xLabel).toBe('in_timestamp (weeks starting Monday)');
  });
});

describe('buckets and aggregates', () => {
  const rows = [shift(1, '2026-01-30', 'A', 8), shift(2, '2026-02-01', 'A', 6), shift(3, '2026-02-27', 'B', 4), shift(4, '2026-04-01', 'B', 2)];

  it('groups by month from the first month to the last', () => {
    const chart = chartOf(rows, spec({ bucket: 'month', y: 'sum', yField: 'paidtime' }));
    expect(chart.labels).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(chart.series[0]!.values).toEqual([8, 10, 0, 2]);
  });

  it('weeks start on Monday', () => {
    const chart = chartOf(rows.slice(0, 2), spec({ bucket: 'week' }));
    // 2026-01-30 is a Friday, 2026-02-01 a Sunday: the same week, starting Monday 2026-01-26.
    expect(chart.labels).toEqual(['2026-01-26']);
    expect(chart.series[0]!.values).toEqual([2]);
  });

  it('averages per bucket, and an empty bucket has no average', () => {
    const chart = chartOf(rows, spec({ bucket: 'month', y: 'avg', yField: 'paidtime' }));
    expect(chart.series[0]!.values).toEqual([8, 5, null, 2]);
    expect(chart.yLabel).toBe('Average of paidtime');
  });

  it('splits into the top N values and "Other", the averages of Other from its rows', () => {
    const many = ['A', 'A', 'A', 'B', 'B', 'C', 'D'].map((location, i) => shift(i, '2026-03-02', location, i + 1));
    const chart = chartOf(many, spec({ split: 'location.name', top: 2 }));
    expect(chart.series.map((series) => series.name)).toEqual(['A', 'B', 'Other']);
    expect(chart.series.map((series) => series.values[0])).toEqual([3, 2, 2]);
    expect(chart.notes).toContain('2 more values of location.name are shown together as “Other”.');
    const averages = chartOf(many, spec({ split: 'location.name', top: 2, y: 'avg', yField: 'paidtime' }));
    expect(seriesOf(averages, 'Other')).toEqual([6.5]);
    expect(seriesOf(averages, 'A')).toEqual([2]);
  });

  it('a row without the split value goes to "(none)"', () => {
    const chart = chartOf([shift(1, '2026-03-02', 'A'), { ...shift(2, '2026-03-02', 'A'), location: null }], spec({ split: 'location.name' }));
    expect(chart.series.map((series) => series.name).sort()).toEqual(['(none)', 'A']);
  });
});

describe('empty, mixed and missing fields', () => {
  it('leaves out rows without a date or a number, and says how many', () => {
    const rows = [
      ...[1, 2, 3, 4].map((id) => shift(id, '2026-03-02', 'A', id)),
      { ...shift(5, '2026-03-02', 'A'), start_date: null },
      { ...shift(6, '2026-03-02', 'A'), paidtime: 'n/a' },
    ];
    const chart = chartOf(rows, spec({ y: 'sum', yField: 'paidtime' }));
    expect(chart.series[0]!.values).toEqual([10]);
    expect(chart).toMatchObject({ rows: 6, used: 4 });
    expect(chart.notes).toEqual(['1 row without a date in start_date is left out.', '1 row without a number in paidtime is left out.']);
  });

  it('refuses an empty list, a field the rows lack, and summing text, with sentences', () => {
    const sentence = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).message;
      }
      throw new Error('no error');
    };
    expect(sentence(() => chartOf([], AUTO))).toBe('The list is empty, so there is nothing to chart.');
    expect(sentence(() => chartOf([shift(1, '2026-03-02', 'A')], spec({ x: 'nope' })))).toMatch(/no field "nope"/);
    expect(sentence(() => chartOf([shift(1, '2026-03-02', 'A')], spec({ y: 'sum', yField: 'title' })))).toMatch(/"title" holds no numbers/);
    expect(sentence(() => chartOf([{ name: 'a' }], spec({ y: 'sum' })))).toMatch(/no number field/);
  });

  it('charts plain values (a list of strings) by value', () => {
    const chart = chartOf(['x', 'y', 'x'], AUTO);
    expect(chart).toMatchObject({ spec: { x: 'value' }, labels: ['x', 'y'], series: [{ values: [2, 1] }] });
  });

  it('treats a field that is sometimes text and sometimes a number as a category', () => {
    const chart = chartOf([{ code: 1 }, { code: 'A' }, { code: 1 }], AUTO);
    expect(chart.fields).toEqual([{ path: 'code', kind: 'category', distinct: 2 }]);
    expect(chart.labels).toEqual(['1', 'A']);
  });
});

describe('caps', () => {
  it('shows at most CHART_BUCKETS_MAX days and says which', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ start_day: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10) }));
    const chart = chartOf(rows, spec({ bucket: 'day' }));
    expect(chart.labels).toHaveLength(CHART_BUCKETS_MAX);
    expect(chart.labels[0]).toBe('2025-01-01');
    expect(chart.notes[0]).toMatch(/^Only the first 400 days are shown \(up to 2026-02-04\)/);
    expect(chartOf(rows, AUTO).spec.bucket).toBe('week');
  });

  it('shows the largest CATEGORIES_MAX categories and the rest as one "Other" bucket', () => {
    const rows = Array.from({ length: 80 }, (_, i) => Array.from({ length: i + 1 }, () => ({ who: `p${i}` }))).flat();
    const chart = chartOf(rows, spec({ x: 'who' }));
    expect(chart.labels).toHaveLength(CATEGORIES_MAX + 1);
    expect(chart.labels[0]).toBe('p79');
    expect(chart.labels.at(-1)).toBe('Other');
    // p0..p29 hold 1+2+…+30 rows.
    expect(chart.series[0]!.values.at(-1)).toBe(465);
  });
});

describe('CSV of the series', () => {
  it('has the x labels and one column per series', async () => {
    const chart = chartOf([shift(1, '2026-03-02', 'A'), shift(2, '2026-03-03', 'B')], spec({ split: 'location.name' }));
    const csv = chartCsvRows(chart);
    const rows: string[][] = [];
    for await (const row of csv.rows) rows.push([...row]);
    expect(csv.columns).toEqual(['start_date (by day)', 'A', 'B']);
    expect(rows).toEqual([
      ['2026-03-02', '1', '0'],
      ['2026-03-03', '0', '1'],
    ]);
    const single = chartCsvRows(chartOf([shift(1, '2026-03-02', 'A')], AUTO));
    expect(single.columns).toEqual(['start_date (by day)', 'Count of rows']);
  });
});
