import type { ResponseSummary } from '@shared/contract';

export function HeadersTable({ headers }: { headers: ResponseSummary['headers'] }) {
  if (headers.length === 0) return <p className="muted panel-message">The response has no headers.</p>;
  return (
    <div className="headers-scroll">
      <table className="headers-table">
        <caption className="visually-hidden">Response headers</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, index) => (
            <tr key={`${index}-${header.name}`}>
              <td className="mono">{header.name}</td>
              <td className="mono">{header.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
