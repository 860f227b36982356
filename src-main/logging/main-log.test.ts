import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Redactor } from '../redaction/redactor';
import { openMainLog } from './main-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-mainlog-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('writes redacted lines to logs/main.log (private) and echoes them', () => {
  const redactor = new Redactor();
  redactor.addSecret('the-long-app-secret');
  const echoed: string[] = [];
  const log = openMainLog({ dir, echo: (line) => echoed.push(line), redactor, now: () => 0 });
  log.logger.warn('Sign-in failed with the-long-app-secret');
  log.flush();
  const file = join(dir, 'logs', 'main.log');
  expect(readFileSync(file, 'utf8')).toBe('1970-01-01T00:00:00.000Z WARN Sign-in failed with [REDACTED]\n');
  expect(echoed).toEqual(['1970-01-01T00:00:00.000Z WARN Sign-in failed with [REDACTED]']);
  expect(statSync(file).mode & 0o777).toBe(0o600);
});
