// Each verb of the auth and accounts channels reaches the session keeper's method with its arguments.
import { describe, expect, it } from 'vitest';
import { createAuthChannels } from './auth-channels';

function recordingAuth() {
  const calls: unknown[][] = [];
  const method = (name: string) => async (...args: unknown[]) => {
    calls.push([name, ...args]);
    return name;
  };
  const names = ['state', 'login', 'loginSandbox', 'reauth', 'cancelReauth', 'logout', 'switchTo', 'addAccount', 'renameAccount', 'removeAccount'];
  return { calls, auth: Object.fromEntries(names.map((name) => [name, method(name)])) as never };
}

describe('auth channels', () => {
  it('pass each verb on to the session keeper', async () => {
    const { calls, auth } = recordingAuth();
    const { auth: session, accounts } = createAuthChannels(auth);
    const credentials = { host: 'https://www.humanity.com', appId: 'a', appSecret: 's', username: 'u', password: 'p', rememberPassword: false };
    await session.state({});
    await session.login(credentials as never);
    await session.sandbox({});
    await session.reauth({ password: 'pw', remember: true });
    await session.cancelReauth({});
    await session.logout({});
    await accounts.switch({ id: 'acct-1' });
    await accounts.add({});
    await accounts.rename({ id: 'acct-1', name: 'Main office' });
    await accounts.remove({ id: 'acct-2' });
    expect(calls).toEqual([
      ['state'],
      ['login', credentials],
      ['loginSandbox'],
      ['reauth', 'pw', true],
      ['cancelReauth'],
      ['logout'],
      ['switchTo', 'acct-1'],
      ['addAccount'],
      ['renameAccount', 'acct-1', 'Main office'],
      ['removeAccount', 'acct-2'],
    ]);
  });
});
