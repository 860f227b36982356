import type { ChartData } from '@shared/contract';

const format = (value: number | null) => (value === null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 2 }));

/** The chart's numbers as a table: the alternative to the picture, read by screen readers. */
export function ChartTable({ data, id }: { data: ChartData; id: string }) {
  const single = data.series.length === 1 && data.spec.split === null;
  return (
    <div className="chart-table-scroll" id={id}>
      <table className="chart-table">
        <caption>{data.title}</caption>
        <thead>
          <tr>
            <th scope="col">{data.xLabel}</th>
            {single ? (
              <th scope="col">{data.yLabel}</th>
            ) : (
              data.series.map((series) => (
                <th scope="col" key={series.name}>
                  {series.name}
                </th>
              ))
            )}
          </tr>
        </thead>
        <tbody>
          {data.labels.map((label, row) => (
            <tr key={row}>
              <th scope="row">{label}</th>
              {data.series.map((series) => (
                <td key={series.name}>{format(series.values[row] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
