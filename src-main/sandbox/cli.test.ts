// The sandbox's command line: every option, its default, and a sentence for a bad value.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from './cli';

const root = join(import.meta.dirname, '../..');

describe('npm run sandbox -- options', () => {
  it('defaults: port 4010, the PHP library\'s delete behaviour, HTTP 401, one-hour tokens', () => {
    expect(parseCli([], {})).toEqual({
      help: false,
      options: { port: 4010, refreshBehaviour: 'delete', authErrorStyle: 'http401', tokenLifetimeSeconds: 3600 },
    });
  });

  it('reads each option, and SANDBOX_PORT when --port is absent', () => {
    const args = ['--refresh', 'rotate', '--auth-error', 'status3', '--token-lifetime', '2', '--port', '0'];
    expect(parseCli(args, { SANDBOX_PORT: '5000' })).toEqual({
      help: false,
      options: { port: 0, refreshBehaviour: 'rotate', authErrorStyle: 'status3', tokenLifetimeSeconds: 2 },
    });
    expect(parseCli(['--refresh=keep'], { SANDBOX_PORT: '5000' })).toMatchObject({ options: { port: 5000, refreshBehaviour: 'keep' } });
  });

  it.each([
    [['--refresh', 'sometimes'], '--refresh must be one of rotate, keep, delete, none, got "sometimes"'],
    [['--auth-error', '403'], '--auth-error must be one of http401, status3, got "403"'],
    [['--token-lifetime', '0'], '--token-lifetime must be a whole number from 1 to 31536000, got "0"'],
    [['--port', '70000'], '--port must be a whole number from 0 to 65535, got "70000"'],
  ])('%j is refused with a sentence', (args, message) => {
    expect(() => parseCli(args, {})).toThrow(message);
  });

  it('--help lists every option and its values, and starts nothing', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/sandbox/cli.ts', '--help'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    for (const text of ['--refresh', 'rotate', 'keep', 'delete', '--auth-error', 'http401', 'status3', '--token-lifetime', '--port']) {
      expect(run.stdout).toContain(text);
    }
    expect(run.stdout).not.toContain('running at');
  });
});
