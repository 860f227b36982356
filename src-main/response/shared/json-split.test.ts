import { describe, expect, it } from 'vitest';
import { lastBoundary, planSplit } from './json-split';

const envelope = Buffer.from(
  '{"status":1,"data":[{"id":1,"title":"A","employees":[{"id":7,"name":"X"},{"id":8,"name":"Y"}]},{"id":2,"title":"B","employees":[]}],"error":null}',
);

describe('planSplit', () => {
  it('names the big array of a Humanity envelope and how its elements begin', () => {
    const plan = planSplit(envelope, envelope.length)!;
    expect(plan.key).toBe('data');
    expect(envelope.subarray(0, plan.start).toString()).toBe('{"status":1,"data":[');
    expect(plan.boundary.toString()).toBe('},{"id":');
    expect(plan.second?.toString()).toBe(',"title":');
  });

  it('plans a root array, skips earlier values of any kind, and reads escaped keys', () => {
    expect(planSplit(Buffer.from('[{"a":"x","b":2},{"a":"y","b":3}]'), 33)).toMatchObject({ key: null, start: 1 });
    const skipped = Buffer.from('{"s":"a,\\"}[","o":{"x":[1,{"y":"]"}]},"n":-1.5e3,"t":true,"d\\u0061ta":[{"k":{}}]}');
    const plan = planSplit(skipped, skipped.length)!;
    expect(plan).toMatchObject({ key: 'data', second: null });
    expect(plan.boundary.toString()).toBe('},{"k":');
  });

  it('waits while the start is not in yet, and gives up on bodies not worth cutting', () => {
    expect(planSplit(envelope, 12)).toBeUndefined();
    expect(planSplit(envelope, 22)).toBeUndefined();
    for (const body of ['<html>', '{"status":1,"data":{"1":{}}}', '{"data":[1,2,3]}', '{ "data": [ { "id": 1 } ] }', '{"__proto__":[{"a":1}]}', '"text"']) {
      expect(planSplit(Buffer.from(body), body.length), body).toBeNull();
    }
  });

  it('gives up when the envelope before the array is larger than it reads', () => {
    const long = Buffer.from(`{"note":"${'x'.repeat(70_000)}","data":[{"id":1}]}`);
    expect(planSplit(long, 60_000)).toBeUndefined();
    expect(planSplit(long, long.length)).toBeNull();
  });
});

describe('lastBoundary', () => {
  const plan = planSplit(envelope, envelope.length)!;

  it('finds the last boundary between elements, passing over nested look-alikes', () => {
    const cut = lastBoundary(envelope, plan, plan.start + 1, envelope.length);
    expect(envelope.subarray(cut, cut + 14).toString()).toBe(',{"id":2,"titl');
    expect(envelope[cut - 1]).toBe(0x7d);
  });

  it('never reads at or past the end it is given', () => {
    const at = envelope.indexOf('},{"id":2');
    expect(lastBoundary(envelope, plan, plan.start + 1, at + 12)).toBe(-1);
    expect(lastBoundary(envelope, plan, plan.start + 1, at + 18)).toBe(at + 1);
    expect(lastBoundary(envelope, plan, at + 2, envelope.length)).toBe(-1);
  });
});
