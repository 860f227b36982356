// (d) What the main-side path adds to a request: session and refresh check, variables, URL
// building, token delivery, envelope decoding, keeping the body, history. A ~1 KB /shifts answer
// from the sandbox, through the request:send handler, against a plain fetch of the same URL
// (with the token) and .json(), alternating, median of each. The IPC hop is left out: the e2e
// harness's stand-in is slower than Electron's IPC. Printed alongside, not judged: the same GET
// through undici's request(), the client main uses, which shows what the app's own work costs.
import { request } from 'undici';
import type { ResponseSummary } from '../../src-main/shared/contract';
import { getRequest } from '../../src-main/testing/core-fixture';
import { median, type Figure } from '../support/figure';
import type { BenchContext } from '../support/context';

const TARGET = 1.3;
const WARMUP = 500;
const ROUNDS = 3000;
// A day and position whose shifts make a 1.3 KB answer in the sandbox's generated schedule.
const QUERY: Array<[string, string]> = [
  ['start_date', '2026-03-09'],
  ['end_date', '2026-03-09'],
  ['schedule', '301'],
];

export async function measure(context: BenchContext): Promise<Figure> {
  const core = await context.signedInCore('sandbox');
  const input = getRequest('shifts', QUERY);
  const send = () => core.core.handlers.request.send(input) as Promise<ResponseSummary>;
  const { sizeBytes } = await send();
  const url = new URL(`${context.sandbox.url}/api/v2/shifts`);
  for (const [name, value] of QUERY) url.searchParams.set(name, value);
  url.searchParams.set('access_token', await core.core.auth.tokenSource().accessToken());

  const plain: number[] = [];
  const app: number[] = [];
  const client: number[] = [];
  const timed = async (into: number[], round: number, call: () => Promise<unknown>) => {
    const started = performance.now();
    await call();
    if (round >= WARMUP) into.push(performance.now() - started);
  };
  for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
    await timed(plain, round, async () => (await fetch(url)).json());
    await timed(app, round, send);
    await timed(client, round, async () => (await request(url)).body.json());
  }
  const micros = (values: number[]) => `${(median(values) * 1000).toFixed(0)} µs`;
  const ratio = median(app) / median(plain);
  return {
    name: `d  per-request overhead, ${(sizeBytes / 1024).toFixed(1)} KB /shifts answer (main-side path ${micros(app)} vs plain fetch ${micros(plain)}, medians of ${ROUNDS}; undici request() alone ${micros(client)})`,
    value: `${ratio.toFixed(2)}×`,
    target: `≤ ${TARGET}×`,
    pass: ratio <= TARGET,
  };
}
