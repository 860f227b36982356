import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../redaction/redactor';
import { createLogger, createRotatingFileSink, type LogSink } from './logger';

const memory = () => {
  const lines: string[] = [];
  return { lines, sink: { write: (line: string) => void lines.push(line) } satisfies LogSink };
};

describe('logger', () => {
  it('redacts every known secret in messages and error stacks before any sink sees them', () => {
    const redactor = new Redactor();
    redactor.addSecret('app-secret-value');
    redactor.addSecret('access-token-value');
    const { lines, sink } = memory();
    const log = createLogger({ sinks: [sink], redactor, now: () => 0 });
    log.info('GET https://h/api/v2/me?access_token=access-token-value');
    log.error('sign-in failed', new Error('client_secret=app-secret-value rejected'));
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/app-secret-value|access-token-value/);
    expect(lines[0]).toBe('1970-01-01T00:00:00.000Z INFO GET https://h/api/v2/me?access_token=[REDACTED]');
    expect(lines[1]).toMatch(/^1970-01-01T00:00:00.000Z ERROR sign-in failed: Error: client_secret=\[REDACTED\] rejected/);
  });

  it('keeps one entry per line even when a message has line breaks (no forged entries)', () => {
    const { lines, sink } = memory();
    createLogger({ sinks: [sink], redactor: new Redactor(), now: () => 0 }).warn('a\n1970-01-01T00:00:00.000Z ERROR forged');
    expect(lines[0]).toBe('1970-01-01T00:00:00.000Z WARN a\n    1970-01-01T00:00:00.000Z ERROR forged');
  });

  it('a failing sink does not throw into the caller', () => {
    const broken: LogSink = { write: () => { throw new Error('disk full'); } };
    const { lines, sink } = memory();
    const log = createLogger({ sinks: [broken, sink], redactor: new Redactor(), now: () => 0 });
    expect(() => log.info('still here')).not.toThrow();
    expect(lines).toHaveLength(1);
  });
});

describe('rotating file sink', () => {
  it('caps the file and keeps one older file, both private to the user', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hae-log-'));
    const file = join(dir, 'logs', 'main.log');
    const sink = createRotatingFileSink(file, 1000);
    for (let i = 0; i < 100; i += 1) sink.write(`line ${i} ${'x'.repeat(40)}`);
    expect(readdirSync(dir)).toEqual(['logs']);
    sink.flush();
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['main.log', 'main.log.1']);
    expect(statSync(file).size).toBeLessThanOrEqual(1000);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(1000);
    expect(readFileSync(file, 'utf8').trim().split('\n').at(-1)).toMatch(/^line 99 /);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
