import type { ChartData, ChartSpec } from '@shared/contract';
import { SelectField, type SelectOption } from '../../components/SelectField';

/** A field with few enough values to be an axis of categories or a split. */
const GROUPABLE_DISTINCT = 50;
const TOPS = [3, 5, 8, 10];
const BUCKETS: SelectOption[] = [
  { value: 'auto', label: 'Automatic' },
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week (from Monday)' },
  { value: 'month', label: 'Month' },
];

type Props = {
  data: ChartData;
  /** The spec as asked: `bucket` may be "auto" while `data.spec.bucket` says which one it chose. */
  spec: ChartSpec;
  onChange: (spec: ChartSpec) => void;
};

/** What to draw: the x field (dates grouped by day, week or month), the aggregate, and a split. */
export function ChartControls({ data, spec, onChange }: Props) {
  const drawn = data.spec;
  const fields = data.fields;
  const groupable = fields.filter((field) => field.kind !== 'number' || field.distinct <= GROUPABLE_DISTINCT);
  const numbers = fields.filter((field) => field.kind === 'number');
  const xIsDate = fields.find((field) => field.path === drawn.x)?.kind === 'date';
  const asked: ChartSpec = { x: drawn.x, bucket: spec.bucket, y: drawn.y, yField: drawn.yField, split: drawn.split, top: drawn.top };
  const change = (patch: Partial<ChartSpec>) => onChange({ ...asked, ...patch });

  const xOptions = groupable.map((field) => ({ value: field.path, label: field.kind === 'date' ? `${field.path} (date)` : field.path }));
  const yOptions = [
    { value: 'count', label: 'Count of rows' },
    ...numbers.flatMap((field) => [
      { value: `sum:${field.path}`, label: `Sum of ${field.path}` },
      { value: `avg:${field.path}`, label: `Average of ${field.path}` },
    ]),
  ];
  const splitOptions = [{ value: '', label: 'None' }, ...groupable.filter((field) => field.kind !== 'date' && field.path !== drawn.x).map((field) => ({ value: field.path, label: field.path }))];
  const autoLabel = drawn.bucket ? `Automatic (${drawn.bucket})` : 'Automatic';

  return (
    <div className="chart-controls">
      <SelectField label="X axis" value={drawn.x} options={xOptions} onChange={(x) => change({ x })} />
      <SelectField
        label="Group dates by"
        value={xIsDate ? spec.bucket : 'auto'}
        disabled={!xIsDate}
        options={BUCKETS.map((option) => (option.value === 'auto' ? { ...option, label: autoLabel } : option))}
        onChange={(bucket) => change({ bucket: bucket as ChartSpec['bucket'] })}
      />
      <SelectField
        label="Y axis"
        value={drawn.y === 'count' ? 'count' : `${drawn.y}:${drawn.yField}`}
        options={yOptions}
        onChange={(value) => {
          const [y, ...field] = value.split(':');
          change({ y: y as ChartSpec['y'], yField: field.length ? field.join(':') : null });
        }}
      />
      <SelectField label="Split by" value={drawn.split ?? ''} options={splitOptions} onChange={(split) => change({ split: split || null })} />
      {drawn.split && (
        <SelectField
          label="Series"
          value={String(drawn.top)}
          options={TOPS.map((top) => ({ value: String(top), label: `Top ${top} + Other` }))}
          onChange={(top) => change({ top: Number(top) })}
        />
      )}
    </div>
  );
}
