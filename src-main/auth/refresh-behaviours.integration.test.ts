// Every refresh behaviour a token server may have (rotate, keep, delete: RFC 6749 §6 allows all
// three) × both ways the API refuses an expired token, through the whole main-side core over
// HTTP: 2-second tokens expire 20 times while four senders keep requests in flight. Time runs
// 10× faster on a clock the sandbox and the core share, so 20 expiries take about 4 s (faster, a loaded CI machine can stall one request past two tokens' lives). An expiry
// is counted when the token server issues the next access token.
import { describe, expect, it } from 'vitest';
import type { AuthState, ResponseSummary, Result } from '../shared/contract';
import { SANDBOX_DEMO, startSandbox, type AuthErrorStyle, type RefreshBehaviour } from '../sandbox/server';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';

const SPEED = 10;
const LIFETIME_S = 2;
const EXPIRIES = 20;
const SENDERS = 4;
/** Real time after which a run that has not seen its expiries gives up, and the test's own limit. */
const GIVE_UP_MS = 20_000;
const RUN_TIMEOUT_MS = GIVE_UP_MS + 10_000;
/** Each API and token answer takes 0.4 s of token time: some requests meet expiry in flight. */
const LATENCY_MS = 40;

interface Run {
  failed: Array<Result<ResponseSummary>>;
  succeeded: number;
  expiries: number;
  /** How often the user was asked for the password (and answered, ticking Remember password). */
  prompts: number;
  passwordGrants: number;
  refreshGrants: number;
  rejectedTokens: number;
}

async function runExpiries(refreshBehaviour: RefreshBehaviour, authErrorStyle: AuthErrorStyle, rememberPassword: boolean): Promise<Run> {
  const started = Date.now();
  const now = () => started + (Date.now() - started) * SPEED;
  let accessTokens = 0;
  const tokenFactory = (kind: 'access' | 'refresh') => `${kind}-${kind === 'access' ? ++accessTokens : Math.random().toString(36).slice(2)}`;
  const sandbox = await startSandbox({ now, tokenLifetimeSeconds: LIFETIME_S, refreshBehaviour, authErrorStyle, tokenFactory });
  const expiries = () => accessTokens - 1;
  let prompts = 0;
  // The user: whenever main says the session changed and it waits for the password, answer it.
  const answerPrompt = async (f: CoreFixture) => {
    const state = (await f.call('auth:state')) as Result<AuthState>;
    if (!state.ok || !state.data.session?.needsSignIn) return;
    prompts += 1;
    expect((await f.call('auth:reauth', { password: SANDBOX_DEMO.password, remember: true })).ok).toBe(true);
  };
  const f = await startCore({ sandbox, now, onPageEvent: (_event, fixture) => void answerPrompt(fixture) });
  try {
    expect((await f.login({ rememberPassword })).ok).toBe(true);
    // History is on the path, but thousands of entries would only measure the disk.
    expect((await f.call('settings:update', { historyLimit: 0 })).ok).toBe(true);
    sandbox.setFaults({ latencyMs: LATENCY_MS });
    const giveUpAt = Date.now() + GIVE_UP_MS;
    const results: Array<Result<ResponseSummary>> = [];
    const sender = async () => {
      while (expiries() < EXPIRIES && Date.now() < giveUpAt) results.push(await f.call('request:send', getRequest('me')));
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    const failed = results.filter((r) => !r.ok || r.data.envelope.kind !== 'success');
    return { failed, succeeded: results.length - failed.length, expiries: expiries(), prompts, ...sandbox.stats() };
  } finally {
    await f.close();
    await sandbox.close();
  }
}

describe.each(['http401', 'status3'] as const)('2-second tokens expiring 20 times, expired tokens answered %s', (style) => {
  // Exactly one refresh grant per expiry, however many requests met it: single flight. Where the
  // refresh token was gone, that refresh was refused and a password grant made the new token.
  it.each(['rotate', 'keep'] as const)('%s: no failed request and no prompt, one refresh per expiry, without Remember password', { timeout: RUN_TIMEOUT_MS }, async (behaviour) => {
    const run = await runExpiries(behaviour, style, false);
    expect(run.expiries).toBe(EXPIRIES);
    expect(run.failed).toEqual([]);
    expect(run.succeeded).toBeGreaterThan(EXPIRIES);
    expect(run.prompts).toBe(0);
    expect(run.passwordGrants).toBe(1);
    expect(run.refreshGrants).toBe(EXPIRIES);
  });

  // delete: the refresh token works once and is gone, so every other renewal is a refused refresh
  // followed by a password grant. none: no refresh token ever, every renewal a password grant.
  it.each([
    ['delete', 'with', true, 0, EXPIRIES, EXPIRIES / 2],
    ['delete', 'without', false, 1, EXPIRIES, EXPIRIES / 2],
    ['none', 'with', true, 0, 0, EXPIRIES],
    ['none', 'without', false, 1, 0, EXPIRIES],
  ] as const)(
    '%s, %s Remember password (%s): no failed request, %i prompt(s) (answered with Remember password)',
    { timeout: RUN_TIMEOUT_MS },
    async (behaviour, _with, remember, prompts, refreshGrants, newPasswordGrants) => {
      const run = await runExpiries(behaviour, style, remember);
      expect(run.expiries).toBe(EXPIRIES);
      expect(run.failed).toEqual([]);
      expect(run.prompts).toBe(prompts);
      expect(run.refreshGrants).toBe(refreshGrants);
      expect(run.passwordGrants - 1).toBe(newPasswordGrants);
    },
  );
});
