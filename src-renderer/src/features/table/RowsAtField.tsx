import { TextField } from '../../components/TextField';

/** "Rows at": which list of the response the Table and Chart views show (a JSON Pointer). */
export function RowsAtField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <TextField
      label="Rows at"
      className="field-inline table-pointer"
      placeholder="/data"
      spellCheck={false}
      autoComplete="off"
      title="A JSON Pointer to the list, like /data or /data/0/employees; empty picks the response's main list"
      value={value}
      onChange={onChange}
    />
  );
}
