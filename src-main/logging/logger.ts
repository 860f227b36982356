// The main-process log. Every line passes through the redactor before it reaches any sink, so
// no caller can write a token, secret or password by mistake: redaction is in the writer.
import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Redactor } from '../redaction/redactor';
import { PRIVATE_FILE_MODE, privateFolder } from '../store/document-store';

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogSink {
  write(line: string): void;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(deps: { sinks: LogSink[]; redactor: Pick<Redactor, 'redactLong'>; now(): number }): Logger {
  const write = (level: LogLevel, message: string) => {
    const line = `${new Date(deps.now()).toISOString()} ${level.toUpperCase()} ${deps.redactor.redactLong(message).replace(/\r?\n/g, '\n    ')}`;
    for (const sink of deps.sinks) {
      try {
        sink.write(line);
      } catch {
        // A log that cannot be written must never take the app down with it.
      }
    }
  };
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) => write('error', error === undefined ? message : `${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  };
}

/**
 * A log file capped at maxBytes: when full it becomes `<file>.1` (replacing the older one).
 * Lines are batched and appended a moment later, so logging costs a request nothing; `flush`
 * writes what is pending (on quit).
 */
export function createRotatingFileSink(file: string, maxBytes = 1024 * 1024, delayMs = 200): LogSink & { flush(): void } {
  privateFolder(dirname(file));
  let size = existsSync(file) ? statSync(file).size : 0;
  let pending: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const lines = pending;
    pending = [];
    for (const line of lines) {
      const bytes = Buffer.byteLength(line) + 1;
      if (size > 0 && size + bytes > maxBytes) {
        rmSync(`${file}.1`, { force: true });
        renameSync(file, `${file}.1`);
        size = 0;
      }
      appendFileSync(file, `${line}\n`, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
      size += bytes;
    }
  };
  return {
    write(line) {
      pending.push(line);
      timer ??= setTimeout(() => {
        try {
          flush();
        } catch {
          // The log is best effort: a full disk must not break the app.
        }
      }, delayMs);
      timer.unref?.();
    },
    flush,
  };
}
