// The main-process log of a real session: what happened is there, no secret is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/server';
import { getRequest, startCore, type CoreFixture } from '../testing/core-fixture';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

it('logs sign-in, requests and failures to logs/main.log without any token, secret or password', async () => {
  let n = 0;
  const sandbox = await startSandbox({ clientSecret: 'LOGSENTINEL-secret', password: 'LOGSENTINEL-password', tokenFactory: (kind) => `LOGSENTINEL-${kind}-${(n += 1)}` });
  open.push(sandbox);
  const f: CoreFixture = await startCore({ sandbox });
  open.push(f);
  expect((await f.login({ appSecret: 'LOGSENTINEL-secret', password: 'LOGSENTINEL-password' })).ok).toBe(true);
  expect((await f.call('request:send', getRequest('employees'))).ok).toBe(true);
  expect((await f.login({ appSecret: 'LOGSENTINEL-secret', password: 'wrong-LOGSENTINEL' })).ok).toBe(false);
  await f.core.dispose();
  const log = readFileSync(join(f.userDataDir, 'logs', 'main.log'), 'utf8');
  expect(log).toMatch(/INFO Sign-in to http:\/\/127\.0\.0\.1:\d+ as demo\.admin@sandbox\.example: done/);
  expect(log).toMatch(/INFO GET \/employees: 200, Success, \d+ bytes in \d+ ms/);
  expect(log).toMatch(/WARN Sign-in to .*: Wrong username or password/);
  expect(log).not.toContain('LOGSENTINEL');
  expect(f.logs.join('\n')).not.toContain('LOGSENTINEL');
});
