import { useEffect, useId, useRef, useState } from 'react';
import type { ResponseSummary } from '../../../../src-main/shared/contract';
import { api } from '../../api';
import { useReportError } from '../../app/errorRouting';
import { TEXT_PAGE_MAX } from '../../../../src-main/shared/channels';

type Props = { responseId: string; bodyKind: ResponseSummary['bodyKind'] };

/** The body as text, fetched from main one page at a time. */
export function RawView({ responseId, bodyKind }: Props) {
  const ids = useId();
  const reportError = useReportError();
  const [pretty, setPretty] = useState(bodyKind === 'json');
  const [text, setText] = useState('');
  const [totalChars, setTotalChars] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Pages requested for an earlier `pretty` setting are dropped when they arrive.
  const generation = useRef(0);

  async function fetchPage(offset: number, gen: number) {
    setLoading(true);
    const result = await api().response.text({ responseId, offset, length: TEXT_PAGE_MAX, pretty });
    if (gen !== generation.current) return;
    setLoading(false);
    if (!result.ok) {
      setError(result.error.message);
      reportError(result.error);
      return;
    }
    setError(null);
    setText((shown) => (offset === 0 ? result.data.text : shown + result.data.text));
    setTotalChars(result.data.totalChars);
  }

  useEffect(() => {
    if (bodyKind === 'empty') return;
    const gen = ++generation.current;
    setText('');
    setTotalChars(null);
    void fetchPage(0, gen);
    // fetchPage reads `pretty` and `responseId`, the only inputs that restart the view.
  }, [responseId, pretty, bodyKind]);

  if (bodyKind === 'empty') return <p className="muted panel-message">The response has no body.</p>;

  const more = totalChars !== null && text.length < totalChars;
  return (
    <div className="raw-view">
      <div className="raw-toolbar">
        {bodyKind === 'json' && (
          <label className="inline-check">
            <input type="checkbox" checked={pretty} onChange={(event) => setPretty(event.target.checked)} />
            Pretty print
          </label>
        )}
        {totalChars !== null && (
          <span className="muted" id={`${ids}-count`}>
            {more
              ? `Showing ${text.length.toLocaleString()} of ${totalChars.toLocaleString()} characters`
              : `${totalChars.toLocaleString()} characters`}
          </span>
        )}
        {loading && <span className="muted">Loading…</span>}
      </div>
      {error && (
        <p className="form-failure" role="alert">
          {error}
        </p>
      )}
      <div className="raw-scroll" role="region" aria-label="Raw response" tabIndex={0}>
        <pre>{text}</pre>
        {more && (
          <button
            type="button"
            className="button"
            disabled={loading}
            aria-describedby={`${ids}-count`}
            onClick={() => void fetchPage(text.length, generation.current)}
          >
            Load more
          </button>
        )}
      </div>
    </div>
  );
}
