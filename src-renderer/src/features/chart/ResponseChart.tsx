import { SearchField } from '../../components/SearchField';
import { RowsAtField } from '../table/RowsAtField';
import { useDebounced } from '../../components/useDebounced';
import { useRowQuery } from '../../state/rowQueries';
import { ChartView } from './ChartView';

/** The Chart view of a response: the rows the Table view shows, at the same place and filter. */
export function ResponseChart({ responseId }: { responseId: string }) {
  const [{ pointer: pointerText, filter: filterText }, setRowQuery] = useRowQuery(responseId);
  const pointer = useDebounced(pointerText.trim(), 300);
  const filter = useDebounced(filterText, 300);
  return (
    <ChartView
      source={{ kind: 'response', responseId, pointer, filter }}
      resetKey={`${responseId} ${pointer}`}
      rowFields={
        <>
          <RowsAtField value={pointerText} onChange={(value) => setRowQuery({ pointer: value })} />
          <SearchField label="Filter rows" value={filterText} onChange={(value) => setRowQuery({ filter: value })} className="table-filter" />
        </>
      }
    />
  );
}
