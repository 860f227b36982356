// The main process's log: `logs/main.log` in the user-data folder (rotated at 1 MB) and the
// console, every line redacted by the logger itself (docs/architecture.md, "Redaction").
import { join } from 'node:path';
import type { Redactor } from '../redaction/redactor';
import { createLogger, createRotatingFileSink, type Logger } from './logger';

export interface MainLogDeps {
  /** The user-data folder; the file goes in its `logs` folder. */
  dir: string;
  /** Where each line goes besides the file (the console in the app, a list in tests). */
  echo(line: string): void;
  redactor: Pick<Redactor, 'redactLong'>;
  now(): number;
}

export function openMainLog({ dir, echo, redactor, now }: MainLogDeps): { logger: Logger; flush(): void } {
  const file = createRotatingFileSink(join(dir, 'logs', 'main.log'));
  const logger = createLogger({ sinks: [file, { write: echo }], redactor, now });
  return { logger, flush: () => file.flush() };
}
