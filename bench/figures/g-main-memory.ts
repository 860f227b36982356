// (g) Main-process memory after 20 large responses: the growth of the main thread's heapUsed +
// arrayBuffers from before the first response to after the last, after a full GC, against the
// configured memory budget (memoryBudgetMB, default 256). arrayBuffers counts every Buffer,
// ArrayBuffer and SharedArrayBuffer main holds (kept bodies are SharedArrayBuffers, which Node
// leaves out of `external`). Parsed values live in the body worker's own heap, bounded by the few
// bodies it keeps parsed; the process RSS, worker included, is printed for reference.
import { getRequest } from '../../src-main/testing/core-fixture';
import type { Figure } from '../support/figure';
import type { BenchContext } from '../support/context';

const RESPONSES = 20;
const BODY_MB = 50;
const MB = 1024 * 1024;

function mainThreadBytes(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

export async function measure(context: BenchContext): Promise<Figure> {
  context.shiftsBody(BODY_MB);
  const core = await context.signedInCore('bigHost');
  const settings = await core.call('settings:get', {});
  if (!settings.ok) throw new Error(settings.error.message);
  const budgetMB = settings.data.memoryBudgetMB;

  context.collectGarbage();
  const before = mainThreadBytes();
  for (let i = 0; i < RESPONSES; i += 1) {
    const sent = await core.call('request:send', getRequest(`shifts-${BODY_MB}`));
    if (!sent.ok) throw new Error(sent.error.message);
    // Look at each one, as a user would: the worker parses it.
    const tree = await core.call('response:tree', { responseId: sent.data.responseId, expanded: [''], offset: 0, limit: 50 });
    if (!tree.ok) throw new Error(tree.error.message);
  }
  await core.core.responses.settled();
  context.collectGarbage();
  const grownMB = (mainThreadBytes() - before) / MB;
  const rssMB = process.memoryUsage().rss / MB;
  return {
    name: `g  main-process memory after ${RESPONSES} × ${BODY_MB} MB responses (growth of main thread heapUsed+arrayBuffers; process RSS ${rssMB.toFixed(0)} MB incl. the worker and the bench's own bodies)`,
    value: `${grownMB.toFixed(0)} MB`,
    target: `≤ ${budgetMB} MB budget`,
    pass: grownMB <= budgetMB,
  };
}
