// A kept body loaded into the body worker again from its bytes (a history entry reopened, the
// worker restarted), parsed the way an arriving one is: cut between the elements of its big array
// (response/shared/json-split.ts) and taken batch by batch (arriving-body.ts), so a big array is
// again kept as batches of text rather than as objects. Anything that is not cut is parsed whole.
import { ArrivingBody } from './arriving-body';
import { parsedText, TextTally, type DecodedBody } from '../shared/body-text';
import { nextPieces, planSplit } from '../shared/json-split';

/** About the size of the pieces an arriving body is fed in (response/main/body-receiver.ts). */
const BATCH_BYTES = 256 * 1024;

export function parseLoadedBody(bytes: Buffer): DecodedBody {
  const tally = new TextTally();
  const plan = planSplit(bytes, bytes.length);
  if (!plan) return { ...parsedText(tally.decode(bytes, bytes.length)), ...tally.counts() };
  const body = new ArrivingBody();
  let head: { text: string; key: string | null } | null = { text: tally.decode(bytes, plan.start), key: plan.key };
  const headText = head.text;
  for (let to = plan.start; to < bytes.length; ) {
    to = Math.min(bytes.length, to + BATCH_BYTES);
    for (const { text, cut } of nextPieces(bytes, plan, tally, to)) {
      body.take(text, cut, head);
      head = null;
    }
  }
  const rest = tally.decode(bytes, bytes.length);
  const parsed = body.pieces ? body.finish(rest, () => bytes.toString('utf8')) : parsedText(headText + rest);
  return { ...parsed, ...tally.counts() };
}
