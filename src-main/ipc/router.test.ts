import { DEFAULT_SETTINGS } from '../settings/settings-store';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { listChannels } from '../shared/contract';
import type { Handlers, Result } from '../shared/contract';
import { createIpcRouter, createSenderCheck } from './router';
import type { SenderInfo } from './router';
import { APP_PAGE_URL } from '../security/app-scheme';

const RENDERER = APP_PAGE_URL;
const TRUSTED: SenderInfo = { frameUrl: RENDERER, isMainFrame: true };
const SECRET = 'sekrit-app-secret-42';

type Stub = (input: unknown) => unknown;

const sessionView = {
  host: 'https://www.humanity.com',
  username: 'admin@example.com',
  userName: 'Ada Admin',
  userId: '7',
  expiresAt: 1_700_000_000_000,
  storage: 'encrypted',
  sandbox: false,
  rememberPassword: false,
  needsSignIn: false,
  serverRenewsSessions: true,
  lastRefresh: null,
  accountId: 'acct1',
  accountName: 'Acme',
};

/** A full handler table of stubs that record their calls; `impl` overrides by channel name. */
function setup(impl: Record<string, Stub> = {}) {
  const calls: Array<{ channel: string; input: unknown }> = [];
  const logged: Array<{ message: string; error: unknown }> = [];
  const table: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const [name] of listChannels()) {
    const [domain, verb] = name.split(':') as [string, string];
    table[domain] ??= {};
    table[domain][verb] = async (input) => {
      calls.push({ channel: name, input });
      const stub = impl[name];
      if (!stub) throw new Error(`no stub for ${name}`);
      return stub(input);
    };
  }
  const dispatch = createIpcRouter(table as unknown as Handlers, {
    isTrustedSender: createSenderCheck(RENDERER),
    redact: (text) => text.split(SECRET).join('[REDACTED]'),
    logger: { info: () => undefined, warn: () => undefined, error: (message, error) => void logged.push({ message, error }) },
  });
  return { dispatch, calls, logged };
}

function expectFailure(result: Result<unknown>, code: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(/^[A-Z"].*\.$/s);
  expect(Object.keys(result.error).sort()).toEqual(['code', 'message']);
  return result.error.message;
}

describe('createSenderCheck', () => {
  const check = createSenderCheck(RENDERER);

  it('trusts the main frame of our renderer page, with or without a #route or ?query', () => {
    expect(check(TRUSTED)).toBe(true);
    expect(check({ frameUrl: `${RENDERER}#/collections`, isMainFrame: true })).toBe(true);
    expect(check({ frameUrl: `${RENDERER}?x=1`, isMainFrame: true })).toBe(true);
  });

  it.each([
    ['another page of our origin', { frameUrl: 'app://bundle/other.html', isMainFrame: true }],
    ['another host of our scheme', { frameUrl: 'app://other/index.html', isMainFrame: true }],
    ['a lookalike host', { frameUrl: 'app://bundle.evil/index.html', isMainFrame: true }],
    ['a user in the URL', { frameUrl: 'app://x@bundle/index.html', isMainFrame: true }],
    ['the same path over https', { frameUrl: 'https://bundle/index.html', isMainFrame: true }],
    ['the built page over file://', { frameUrl: 'file:///app/out/renderer/index.html', isMainFrame: true }],
    ['a web page', { frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['a lookalike path', { frameUrl: `${RENDERER}.evil`, isMainFrame: true }],
    ['a subframe of our page', { frameUrl: RENDERER, isMainFrame: false }],
    ['a null URL', { frameUrl: null, isMainFrame: true }],
    ['an empty URL', { frameUrl: '', isMainFrame: true }],
    ['an unparseable URL', { frameUrl: 'not a url', isMainFrame: true }],
    ['about:blank', { frameUrl: 'about:blank', isMainFrame: true }],
  ] as Array<[string, SenderInfo]>)('refuses %s', (_label, sender) => {
    expect(check(sender)).toBe(false);
  });
});

describe('createIpcRouter', () => {
  it('builds over a table that has every channel of the contract', () => {
    const names = listChannels().map(([name]) => name);
    expect(names.length).toBeGreaterThan(5);
    expect(names).toContain('settings:get');
    expect(() => setup()).not.toThrow();
  });

  it.each([
    ['another URL', { frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['a subframe', { frameUrl: RENDERER, isMainFrame: false }],
    ['a null URL', { frameUrl: null, isMainFrame: true }],
  ] as Array<[string, SenderInfo]>)('refuses a call from %s without calling the handler', async (_label, sender) => {
    const { dispatch, calls } = setup({ 'settings:get': () => ({ ...DEFAULT_SETTINGS, timeoutSeconds: 30 }) });
    const result = await dispatch('settings:get', sender, {});
    expectFailure(result, 'forbidden_sender');
    expect(calls).toEqual([]);
  });

  it('checks the sender before the channel name', async () => {
    const { dispatch } = setup();
    expectFailure(await dispatch('no:such', { frameUrl: null, isMainFrame: true }, {}), 'forbidden_sender');
  });

  it.each(['no:such', 'settings', 'settings:', ':get', 'settings:get:x', '__proto__', 'constructor', 'settings:constructor', 'auth:__proto__', ''])(
    'refuses the unknown channel %j',
    async (channel) => {
      const { dispatch, calls } = setup();
      const message = expectFailure(await dispatch(channel, TRUSTED, {}), 'unknown_channel');
      expect(message).toContain('not a channel');
      expect(calls).toEqual([]);
    },
  );

  it('cuts a long unknown channel name in the message', async () => {
    const { dispatch } = setup();
    const message = expectFailure(await dispatch('x'.repeat(10_000), TRUSTED, {}), 'unknown_channel');
    expect(message.length).toBeLessThan(200);
  });

  it.each([
    ['settings:get', null],
    ['settings:get', undefined],
    ['settings:get', 'text'],
    ['settings:get', []],
    ['settings:get', { extra: 1 }],
    ['settings:update', { timeoutSeconds: '30' }],
    ['settings:update', { timeoutSeconds: 1.5 }],
    ['settings:update', { timeoutSeconds: 0 }],
    ['settings:update', { tokenDelivery: 'cookie' }],
    ['settings:update', { tokenDelivery: 'query', accessToken: 'x' }],
    ['auth:reauth', { password: 42 }],
    ['auth:reauth', { password: 'x'.repeat(1025) }],
    ['auth:reauth', {}],
    ['request:cancel', { requestId: '../../etc' }],
    ['request:cancel', { requestId: 'a'.repeat(65) }],
    ['response:tree', { responseId: 'r1', expanded: [], offset: -1, limit: 10 }],
    ['response:tree', { responseId: 'r1', expanded: [], offset: 0, limit: 100_000 }],
    ['response:text', { responseId: 'r1', offset: 0, length: 10, pretty: 'yes' }],
    ['request:send', { requestId: 'r1', method: 'TRACE', path: 'x', query: [], body: { kind: 'none' } }],
    ['request:send', { requestId: 'r1', method: 'GET', path: 'x'.repeat(5000), query: [], body: { kind: 'none' } }],
    ['request:send', { requestId: 'r1', method: 'GET', path: 'x', query: [{ name: 'a', value: 'b' }], body: { kind: 'none' } }],
    ['request:send', { requestId: 'r1', method: 'GET', path: 'x', query: [], body: { kind: 'none', text: 'x' } }],
    ['request:send', { requestId: 'r1', method: 'GET', path: 'x', query: [], body: { kind: 'script' } }],
  ])('refuses invalid input for %s (%j) without calling the handler', async (channel, input) => {
    const { dispatch, calls } = setup();
    const message = expectFailure(await dispatch(channel, TRUSTED, input), 'invalid_input');
    expect(message).toMatch(/could not accept/);
    expect(calls).toEqual([]);
  });

  it.each([
    ['settings:get', '{"__proto__": {"polluted": true}}'],
    ['settings:update', '{"timeoutSeconds": 30, "__proto__": {"tokenDelivery": "header"}}'],
    ['auth:reauth', '{"password": "pw", "__proto__": {"isAdmin": true}}'],
  ])('refuses an own __proto__ key for %s', async (channel, json) => {
    const { dispatch, calls } = setup();
    const input = JSON.parse(json) as unknown;
    expect(Object.keys(input as object)).toContain('__proto__');
    expectFailure(await dispatch(channel, TRUSTED, input), 'invalid_input');
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not echo the rejected value in the invalid_input message', async () => {
    const { dispatch } = setup();
    const long = `${SECRET}${'y'.repeat(2000)}`;
    const message = expectFailure(await dispatch('auth:reauth', TRUSTED, { password: long }), 'invalid_input');
    expect(message).not.toContain(SECRET);
    expect(message).toContain('password');
  });

  it('passes valid input to the handler and returns ok with the parsed output', async () => {
    const { dispatch, calls } = setup({ 'settings:update': (input) => ({ ...DEFAULT_SETTINGS, tokenDelivery: 'header', timeoutSeconds: (input as { timeoutSeconds: number }).timeoutSeconds }) });
    const result = await dispatch('settings:update', TRUSTED, { timeoutSeconds: 45 });
    expect(result).toEqual({ ok: true, data: { ...DEFAULT_SETTINGS, tokenDelivery: 'header', timeoutSeconds: 45 } });
    expect(calls).toEqual([{ channel: 'settings:update', input: { timeoutSeconds: 45 } }]);
  });

  it('drops fields the output schema does not know (settings:get with an extra accessToken)', async () => {
    const { dispatch } = setup({ 'settings:get': () => ({ ...DEFAULT_SETTINGS, timeoutSeconds: 30, accessToken: SECRET }) });
    const result = await dispatch('settings:get', TRUSTED, {});
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result).toEqual({ ok: true, data: { ...DEFAULT_SETTINGS, timeoutSeconds: 30 } });
  });

  it('drops unknown fields at every depth of the output (auth:state with tokens tucked in)', async () => {
    const { dispatch } = setup({
      'auth:state': () => ({
        vault: { protected: true, backend: 'gnome_libsecret', message: 'ok', key: SECRET },
        profile: null,
        session: { ...sessionView, refreshToken: SECRET, lastRefresh: { at: 1, ok: true, message: 'fine', accessToken: SECRET } },
        notices: [],
        accounts: [],
        currentAccountId: null,
        missing: [],
        appSecret: SECRET,
      }),
    });
    const result = await dispatch('auth:state', TRUSTED, {});
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    if (result.ok) {
      expect(result.data).toEqual({
        vault: { protected: true, backend: 'gnome_libsecret', message: 'ok' },
        profile: null,
        session: { ...sessionView, lastRefresh: { at: 1, ok: true, message: 'fine' } },
        notices: [],
        accounts: [],
        currentAccountId: null,
        missing: [],
      });
    }
  });

  it('blanks a secret in every string of an answer, at any depth, whatever the handler returned', async () => {
    const { dispatch } = setup({
      'auth:state': () => ({
        vault: { protected: true, backend: 'gnome_libsecret', message: `key ${SECRET}` },
        profile: null,
        session: { ...sessionView, lastRefresh: { at: 1, ok: false, message: `Refresh failed: ${SECRET} was refused` } },
        notices: [`notice ${SECRET}`],
        accounts: [],
        currentAccountId: null,
        missing: [],
      }),
    });
    const result = await dispatch('auth:state', TRUSTED, {});
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result).toMatchObject({
      ok: true,
      data: { vault: { message: 'key [REDACTED]' }, session: { lastRefresh: { message: 'Refresh failed: [REDACTED] was refused' } }, notices: ['notice [REDACTED]'] },
    });
  });

  it('turns an output that does not match the schema into an internal failure', async () => {
    const { dispatch, logged } = setup({ 'settings:get': () => ({ tokenDelivery: 'smoke-signal', timeoutSeconds: 30 }) });
    expectFailure(await dispatch('settings:get', TRUSTED, {}), 'internal');
    expect(logged).toHaveLength(1);
  });

  it('returns the code and the redacted message of an AppError, without logging it', async () => {
    const { dispatch, logged } = setup({
      'auth:reauth': () => {
        throw new AppError('invalid_credentials', `Humanity refused the password for client ${SECRET}. Check it and try again.`);
      },
    });
    const result = await dispatch('auth:reauth', TRUSTED, { password: 'pw', remember: false });
    const message = expectFailure(result, 'invalid_credentials');
    expect(message).toBe('Humanity refused the password for client [REDACTED]. Check it and try again.');
    expect(logged).toEqual([]);
  });

  it('turns any other Error into a generic internal sentence and logs it', async () => {
    const boom = new Error(`socket hang up while sending ${SECRET}`);
    const { dispatch, logged } = setup({
      'request:cancel': () => {
        throw boom;
      },
    });
    const result = await dispatch('request:cancel', TRUSTED, { requestId: 'r1' });
    const message = expectFailure(result, 'internal');
    expect(message).toMatch(/Something went wrong/);
    expect(message).not.toContain('socket hang up');
    expect(message).not.toContain(SECRET);
    expect(logged).toHaveLength(1);
    expect(logged[0].message).toContain('request:cancel');
    expect(logged[0].error).toBe(boom);
  });

  it.each([
    ['a string', 'plain string'],
    ['undefined', undefined],
    ['null', null],
    ['an object', { code: 'invalid_input', message: 'forged' }],
  ])('never throws, even when a handler throws %s', async (_label, thrown) => {
    const { dispatch, logged } = setup({
      'settings:get': () => {
        throw thrown;
      },
    });
    const result = await dispatch('settings:get', TRUSTED, {});
    expectFailure(result, 'internal');
    expect(logged).toHaveLength(1);
  });

  it('never throws when a handler rejects asynchronously', async () => {
    const { dispatch } = setup({ 'settings:get': () => Promise.reject(new TypeError('x is undefined')) });
    await expect(dispatch('settings:get', TRUSTED, {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('never throws for odd channel values', async () => {
    const { dispatch } = setup();
    for (const channel of [undefined, null, 42, {}, Symbol.iterator.toString()] as unknown[]) {
      await expect(dispatch(channel as string, TRUSTED, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });
});

describe('createIpcRouter: logging middleware', () => {
  it('logs a described channel once through the logger and leaves the others silent', async () => {
    const lines: string[] = [];
    const table: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
    for (const [name] of listChannels()) {
      const [domain, verb] = name.split(':') as [string, string];
      table[domain] ??= {};
      table[domain][verb] = async () => (name === 'auth:logout' ? { signedIn: false } : { ...DEFAULT_SETTINGS });
    }
    const dispatch = createIpcRouter(table as unknown as Handlers, {
      isTrustedSender: () => true,
      redact: (text) => text,
      logger: { info: (m) => void lines.push(`INFO ${m}`), warn: (m) => void lines.push(`WARN ${m}`), error: (m) => void lines.push(`ERROR ${m}`) },
      logs: { 'settings:update': { action: (patch) => `Settings: ${Object.keys(patch).join(', ')}`, outcome: (settings) => `timeout ${settings.timeoutSeconds} s` } },
    });
    await dispatch('settings:get', TRUSTED, {});
    await dispatch('settings:update', TRUSTED, { timeoutSeconds: 30 });
    await dispatch('settings:update', TRUSTED, { timeoutSeconds: 'no' });
    expect(lines).toEqual([`INFO Settings: timeoutSeconds: timeout ${DEFAULT_SETTINGS.timeoutSeconds} s`]);
  });
});
