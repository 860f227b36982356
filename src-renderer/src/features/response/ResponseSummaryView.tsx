import type { ResponseSummary } from '@shared/contract';
import { formatBytes, formatDuration } from './format';

export const outcomeTone: Record<ResponseSummary['envelope']['kind'], string> = {
  success: 'tone-success',
  business_error: 'tone-warning',
  auth_error: 'tone-warning',
  not_envelope: 'tone-neutral',
};

export const statusTone = (status: number) => (status >= 200 && status < 300 ? 'tone-success' : status >= 400 ? 'tone-danger' : 'tone-neutral');

/** HTTP status, envelope outcome in words, timing, size and the (redacted) URL. */
export function ResponseSummaryView({ summary }: { summary: ResponseSummary }) {
  return (
    <div className="response-summary">
      <div className="response-facts">
        <span className={`status-chip ${statusTone(summary.httpStatus)}`}>
          {summary.httpStatus} {summary.statusText}
        </span>
        <span className={`outcome ${outcomeTone[summary.envelope.kind]}`}>{summary.outcome}</span>
        <span className="fact" title="Duration">
          {formatDuration(summary.durationMs)}
        </span>
        <span className="fact" title="Size">
          {formatBytes(summary.sizeBytes)}
        </span>
        {summary.refreshed && <span className="fact">Token renewed for this request</span>}
        {summary.account && <span className="fact response-account">From {summary.account.name}</span>}
      </div>
      <p className="response-url">
        <span className="method">{summary.method}</span> <span className="mono">{summary.url}</span>
      </p>
    </div>
  );
}
