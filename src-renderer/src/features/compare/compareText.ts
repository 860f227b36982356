// The words of the comparison view: what each side is called, and the summary line that names
// the records after the request ("3 shifts added, 2 removed, 4 changed").
import type { CompareSummary, HistoryEntry, ResponseSummary } from '@shared/contract';
import type { CompareSide } from '../../state/compareStore';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** The API path of a response's URL: `https://host/api/v2/shifts?…` → `shifts`. */
export function apiPath(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\/api\/v2\//, ''));
  } catch {
    return url;
  }
}

export function responseSide(summary: ResponseSummary): CompareSide {
  const path = apiPath(summary.url);
  return { source: { responseId: summary.responseId }, label: `${summary.method} ${path} · ${time(summary.receivedAt)}`, requestPath: path, at: summary.receivedAt };
}

export function historySide(entry: HistoryEntry): CompareSide {
  const { method, path } = entry.request;
  return { source: { historyId: entry.id }, label: `${method} ${path} · ${time(entry.at)} (history)`, requestPath: path, at: entry.at };
}

/** What the records are called: the request's last word that is not an id ("shifts"), else "records". */
export function recordsNoun(requestPath: string): { one: string; many: string } {
  const word = requestPath.split('?')[0]!.split('/').filter((part) => part && !/^\d+$/.test(part)).at(-1) ?? '';
  if (!/^[a-z_]+s$/i.test(word)) return { one: 'record', many: 'records' };
  return { one: word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1), many: word };
}

const count = (n: number, noun: { one: string; many: string }) => `${n.toLocaleString('en-US')} ${n === 1 ? noun.one : noun.many}`;

/** "38 shifts added, 4 removed, 112 changed", or that nothing differs. */
export function summaryLine(summary: CompareSummary, requestPath: string): string {
  const noun = summary.mode === 'records' ? recordsNoun(requestPath) : { one: 'value', many: 'values' };
  const { added, removed, changed } = summary.counts;
  if (added + removed + changed === 0) {
    return summary.mode === 'records' ? `No differences: the ${count(summary.afterRecords, noun)} are the same.` : 'No differences: the two responses are the same.';
  }
  const [first, ...rest] = [
    added ? `${count(added, noun)} added` : null,
    removed ? `${added ? removed.toLocaleString('en-US') : count(removed, noun)} removed` : null,
    changed ? `${added || removed ? changed.toLocaleString('en-US') : count(changed, noun)} changed` : null,
  ].filter((part): part is string => part !== null);
  return [first, ...rest].join(', ');
}
