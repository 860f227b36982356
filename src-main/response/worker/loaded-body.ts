// A kept body loaded into the body worker again from its bytes (a history entry reopened, the
// worker restarted, a body too small to feed), parsed the way an arriving one is (arriving-body.ts)
// all at once: its big array is again kept as batches of text rather than as objects. Anything
// without a big array is parsed whole.
import { ArrivingBody } from './arriving-body';
import type { DecodedBody } from '../shared/body-text';

export function parseLoadedBody(bytes: Buffer): DecodedBody {
  const body = new ArrivingBody();
  body.take(bytes, bytes.length, true);
  return { ...body.complete(), ...body.counts() };
}
