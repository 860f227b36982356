// What the About sheet of a Pull range's workbook says about the pull: the request as the user
// set it up (the dates each window sent are the range's), and the range.
import type { SavedRequest } from '../shared/contract';

export interface PullAbout {
  request: string;
  details: Array<[string, string]>;
}

export function pullAbout(request: SavedRequest, startDate: string, endDate: string, windows: number): PullAbout {
  const params = new URLSearchParams();
  for (const param of request.query) if (param.enabled && param.name && param.name !== 'start_date' && param.name !== 'end_date') params.append(param.name, param.value);
  const query = params.size ? `?${params}` : '';
  return {
    request: `${request.method} /api/v2/${request.path.replace(/^\/+/, '')}${query}`,
    details: [
      ['Date range', `${startDate} to ${endDate}`],
      ['Windows', String(windows)],
    ],
  };
}
