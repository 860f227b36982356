// What the About sheet of a Pull range's workbook says about the pull: the request as the user
// set it up (the dates each window sent are the range's), the account that ran it (remembered when
// it starts: a pull belongs to its session, whichever account is current at export), and the range.
import type { SavedRequest } from '../shared/contract';
import type { ResponseOrigin } from '../export/response-origins';

export interface PullAbout extends ResponseOrigin {
  details: Array<[string, string]>;
}

export function pullAbout(request: SavedRequest, account: ResponseOrigin['account'], startDate: string, endDate: string, windows: number): PullAbout {
  const params = new URLSearchParams();
  for (const param of request.query) if (param.enabled && param.name && param.name !== 'start_date' && param.name !== 'end_date') params.append(param.name, param.value);
  const query = params.size ? `?${params}` : '';
  return {
    request: `${request.method} /api/v2/${request.path.replace(/^\/+/, '')}${query}`,
    account,
    details: [
      ['Date range', `${startDate} to ${endDate}`],
      ['Windows', String(windows)],
    ],
  };
}
