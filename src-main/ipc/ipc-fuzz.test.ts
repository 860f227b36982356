// Every IPC channel fed random and hostile payloads: each answer is a Result with a sentence,
// nothing throws, and nothing the user saved changes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '../shared/channels';
import { startCore, type CoreFixture } from '../testing/core-fixture';

let f: CoreFixture;
beforeAll(async () => {
  f = await startCore();
  expect((await f.login()).ok).toBe(true);
});
afterAll(async () => f.close());

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i += 1) value = { a: value };
  return value;
}

const HOSTILE_STRINGS = [
  '',
  'x'.repeat(5_000_000),
  '../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e/%2e%2e',
  'https://evil.example/api/v2/me',
  '//evil.example',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'line\r\nInjected: header',
  '\u0000nul',
  '{{__proto__}}',
  '<script>alert(1)</script>',
];

function hostileValues(random: () => number): unknown[] {
  const base: unknown[] = [
    null,
    undefined,
    0,
    -1,
    1e308,
    Number.NaN,
    true,
    [],
    [1, 2, 3],
    'string',
    ...HOSTILE_STRINGS,
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
    deep(5_000),
    { node: deepNode(20_000), parentId: null, index: 0 },
    Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])),
  ];
  const randomObjects = Array.from({ length: 12 }, () => {
    const keys = ['id', 'name', 'path', 'method', 'query', 'body', 'requestId', 'responseId', 'password', 'offset', 'limit', '__proto__', 'constructor', 'prototype'];
    const entries = keys.filter(() => random() < 0.5).map((key) => [key, base[Math.floor(random() * base.length)]] as const);
    return Object.fromEntries(entries);
  });
  return [...base, ...randomObjects];
}

function preview(payload: unknown): string {
  try {
    return String(JSON.stringify(payload)).slice(0, 200);
  } catch {
    return String(payload).slice(0, 200);
  }
}

/** A collection node nested `levels` deep: recursive schemas must not blow the stack. */
function deepNode(levels: number): unknown {
  let node: unknown = { id: 'leaf', kind: 'request', name: 'x', description: '', variables: [], request: null, children: [] };
  for (let i = 0; i < levels; i += 1) node = { id: `n${i}`, kind: 'folder', name: 'x', description: '', variables: [], request: null, children: [node] };
  return node;
}

function snapshotFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[full] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

// Channels whose valid input is `{}` would legitimately act on an empty object; they are fed
// everything but that.
const ACTS_ON_EMPTY = new Set<ChannelName>(['auth:logout', 'auth:sandbox', 'auth:state', 'settings:get', 'history:clear', 'collections:import', 'collections:list', 'environments:get']);

describe('IPC fuzzing', () => {
  const random = prng(20261129);
  const payloads = hostileValues(random);

  it.each(channelNames())('%s answers hostile payloads with a validation error and changes nothing', async (channel) => {
    const before = snapshotFiles(f.userDataDir);
    const calls = f.sandbox.stats().apiCalls;
    let tried = 0;
    for (const payload of payloads) {
      const isEmptyObject = payload !== null && typeof payload === 'object' && !Array.isArray(payload) && Object.keys(payload).length === 0;
      if (ACTS_ON_EMPTY.has(channel) && isEmptyObject) continue;
      const result = await f.core.dispatch(channel, { frameUrl: 'file:///test', isMainFrame: true }, payload);
      tried += 1;
      expect(result.ok, `${channel} accepted ${preview(payload)}`).toBe(false);
      if (!result.ok) {
        expect(['invalid_input']).toContain(result.error.code);
        expect(result.error.message).toMatch(/\.$/);
      }
    }
    expect(tried).toBeGreaterThan(20);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(snapshotFiles(f.userDataDir)).toEqual(before);
    expect(f.sandbox.stats().apiCalls).toBe(calls);
    expect((await f.call('auth:state')).ok).toBe(true);
  });

  it.each(HOSTILE_STRINGS.filter((s) => s !== '').map((s) => [s.slice(0, 40), s]))('request:send refuses the path %j before anything is sent', async (_label, path) => {
    const calls = f.sandbox.stats().apiCalls;
    const result = await f.call('request:send', { requestId: 'fuzz', method: 'GET', path, query: [], body: { kind: 'none' } });
    if (result.ok) {
      // Harmless text (such as "<script>…" or "{{__proto__}}") is a legal path segment on the configured host.
      expect(f.sandbox.stats().apiCalls).toBe(calls + 1);
    } else {
      expect(['invalid_path', 'invalid_input', 'unresolved_variable']).toContain(result.error.code);
      expect(f.sandbox.stats().apiCalls).toBe(calls);
    }
  });
});
