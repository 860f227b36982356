import { SearchField } from '../../components/SearchField';
import { TextField } from '../../components/TextField';
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
          <TextField
            label="Rows at"
            className="field-inline chart-pointer"
            placeholder="/data"
            spellCheck={false}
            autoComplete="off"
            title="A JSON Pointer to the list, like /data; empty picks the response's main list. Shared with the Table view."
            value={pointerText}
            onChange={(value) => setRowQuery({ pointer: value })}
          />
          <SearchField label="Filter rows" value={filterText} onChange={(value) => setRowQuery({ filter: value })} className="chart-filter" />
        </>
      }
    />
  );
}
