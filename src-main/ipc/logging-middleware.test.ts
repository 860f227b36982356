import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { Redactor } from '../redaction/redactor';
import { createLogger } from '../logging/logger';
import { CHANNEL_LOGS } from '../logging/channel-logs';
import { withLogging, type AnyHandler, type ChannelLog } from './logging-middleware';
import type { ChannelName } from '../shared/contract';

function recorder() {
  const lines: string[] = [];
  return { lines, logger: { info: (m: string) => void lines.push(`INFO ${m}`), warn: (m: string) => void lines.push(`WARN ${m}`) } };
}

const describer = { action: (input: { name: string }) => `Greet ${input.name}`, outcome: (output: { n: number }) => `${output.n} greetings` } as unknown as ChannelLog<ChannelName>;

describe('withLogging', () => {
  it('logs the action and its outcome after a success and passes the output through', async () => {
    const { lines, logger } = recorder();
    const handler = withLogging(async () => ({ n: 3 }), describer, logger);
    expect(await handler({ name: 'Ada' })).toEqual({ n: 3 });
    expect(lines).toEqual(['INFO Greet Ada: 3 greetings']);
  });

  it('says "done" when the describer gives no outcome', async () => {
    const { lines, logger } = recorder();
    await withLogging(async () => 1, { action: () => 'Sign-out' } as ChannelLog<ChannelName>, logger)({});
    expect(lines).toEqual(['INFO Sign-out: done']);
  });

  it('logs a failure with its sentence at warn and rethrows the same error, sync throws included', async () => {
    const { lines, logger } = recorder();
    const refused = new AppError('invalid_credentials', 'Wrong username or password.');
    const failing: AnyHandler = () => {
      throw refused;
    };
    await expect(withLogging(failing, describer, logger)({ name: 'Bo' })).rejects.toBe(refused);
    expect(lines).toEqual(['WARN Greet Bo: Wrong username or password.']);
  });

  it('returns the handler itself for a channel without a describer: nothing is logged', () => {
    const handler: AnyHandler = async () => 1;
    expect(withLogging(handler, undefined, recorder().logger)).toBe(handler);
  });

  it('writes through a logger that blanks secrets, so a describer cannot leak one', async () => {
    const redactor = new Redactor();
    redactor.addSecret('a-long-secret-password');
    const lines: string[] = [];
    const logger = createLogger({ sinks: [{ write: (line) => void lines.push(line) }], redactor, now: () => 0 });
    await withLogging(async () => null, { action: (input: { host: string }) => `Sign-in to ${input.host}` } as unknown as ChannelLog<ChannelName>, logger)({ host: 'h?p=a-long-secret-password' });
    expect(lines).toEqual(['1970-01-01T00:00:00.000Z INFO Sign-in to h?p=[REDACTED]: done']);
  });
});

describe('CHANNEL_LOGS', () => {
  it('says who signs in where, never the password, and sums up a sent request', () => {
    const login = CHANNEL_LOGS['auth:login']!;
    const credentials = { host: 'https://acme.humanity.com', appId: 'id', appSecret: 's3cret', username: 'ada@acme', password: 'pw', redirectUri: '', rememberPassword: false };
    expect(login.action(credentials)).toBe('Sign-in to https://acme.humanity.com as ada@acme');
    const send = CHANNEL_LOGS['request:send']!;
    expect(send.action({ requestId: 'r1', method: 'GET', path: 'employees', query: [], body: { kind: 'none' } })).toBe('GET /employees');
    const summary = { httpStatus: 200, outcome: 'Success', sizeBytes: 512, durationMs: 12 } as Parameters<NonNullable<typeof send.outcome>>[0];
    expect(send.outcome!(summary)).toBe('200, Success, 512 bytes in 12 ms');
  });

  it('logs only user actions: no poll, window or row read', () => {
    expect(Object.keys(CHANNEL_LOGS).sort()).toEqual(['accounts:remove', 'accounts:switch', 'auth:cancelReauth', 'auth:login', 'auth:logout', 'auth:reauth', 'auth:sandbox', 'compare:export', 'compare:start', 'request:send']);
  });
});
