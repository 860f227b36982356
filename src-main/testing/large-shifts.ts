// Humanity-like /shifts answers of any size, built from the sandbox's own shift generator and
// views, for the large-response tests and the benchmarks (nothing big is committed). The token
// the caller sent is echoed near the end, as Humanity does, so redaction is part of every run.
import type { Route } from './scripted-host';
import { Org } from '../sandbox/org-state';
import { generatedShifts } from '../sandbox/shift-generator';
import { shiftView } from '../sandbox/views';

export interface ShiftsBody {
  /** `{"status":1,"data":[…],"metadata":[],"token":` */
  head: Buffer;
  shifts: number;
  /** The id of the last shift: a value near the end of the body. */
  lastShiftId: number;
}

const TAIL = Buffer.from(',"error":null}');
const FIRST_DAY = 19_000; // 2022

export function makeShiftsBody(targetBytes: number): ShiftsBody {
  const org = new Org('admin@example.com', FIRST_DAY * 86_400_000);
  const parts: string[] = [];
  let size = 0;
  let lastShiftId = 0;
  for (let day = FIRST_DAY; size < targetBytes; day += 1) {
    for (const shift of generatedShifts(day)) {
      const json = JSON.stringify(shiftView(org, shift, 'list'));
      parts.push(json);
      size += json.length + 1;
      lastShiftId = shift.id;
    }
  }
  return { head: Buffer.from(`{"status":1,"data":[${parts.join(',')}],"metadata":[],"token":`), shifts: parts.length, lastShiftId };
}

/** The whole answer as a caller with `token` gets it. */
export function shiftsBodyBytes(body: ShiftsBody, token: string | null): Buffer {
  return Buffer.concat([body.head, Buffer.from(JSON.stringify(token)), TAIL]);
}

/** A scripted-host route answering with the body, in 1 MB writes, echoing the caller's token. */
export function shiftsRoute(body: ShiftsBody): Route {
  return (req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('access_token');
    const bytes = shiftsBodyBytes(body, token);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes.length) });
    for (let at = 0; at < bytes.length; at += 1024 * 1024) res.write(bytes.subarray(at, at + 1024 * 1024));
    res.end();
  };
}
