// The one audited IPC path: every call is sender-checked, its input validated against the
// contract, its output parsed through the output schema (unknown fields are dropped), and every
// outcome returned as a Result; nothing throws across IPC.
import { listChannels, type ChannelName, type Handlers, type Result } from '../shared/contract';
import { AppError } from '../shared/app-error';
import { redactStrings } from '../redaction/redact-strings';
import type { Logger } from '../logging/logger';
import { withLogging, type AnyHandler, type ChannelLogs } from './logging-middleware';

export interface SenderInfo {
  frameUrl: string | null;
  isMainFrame: boolean;
}

export interface RouterOptions {
  isTrustedSender(sender: SenderInfo): boolean;
  /** Blanks known secrets in a string: applied to every string of every answer and error. */
  redact(text: string): string;
  /** Writes the describers' lines and the internal errors; it redacts by construction. */
  logger: Logger;
  /** What to log for each user-visible action (logging-middleware.ts). */
  logs?: ChannelLogs;
}

export type Dispatch = (channel: string, sender: SenderInfo, input: unknown) => Promise<Result<unknown>>;

export function createIpcRouter(handlers: Handlers, options: RouterOptions): Dispatch {
  const table = new Map(
    listChannels().map(([name, spec]) => {
      const [domain, verb] = name.split(':') as [keyof Handlers, string];
      const handler = (handlers[domain] as Record<string, AnyHandler>)[verb]!;
      return [name as string, { spec, handler: withLogging(handler, options.logs?.[name], options.logger) }] as const;
    }),
  );

  return async (channel, sender, input) => {
    if (!options.isTrustedSender(sender)) {
      return failure('forbidden_sender', 'This call did not come from the app window and was refused.');
    }
    const entry = table.get(channel);
    if (!entry) return failure('unknown_channel', `"${String(channel).slice(0, 64)}" is not a channel of this app.`);
    let parsed: ReturnType<typeof entry.spec.input.safeParse>;
    try {
      parsed = entry.spec.input.safeParse(input);
    } catch {
      // Deep enough nesting exhausts the stack of a recursive schema: still just invalid input.
      return failure('invalid_input', 'The app sent main a request it could not accept: it is nested too deeply.');
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.slice(0, 8).join('.')})` : '';
      return failure('invalid_input', `The app sent main a request it could not accept${where}: ${issue?.message ?? 'invalid input'}.`);
    }
    try {
      const output = await entry.handler(parsed.data);
      // Every string of every answer is blanked here too, whatever the handler already did.
      return { ok: true, data: redactStrings(entry.spec.output.parse(output), options.redact) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, options.redact(error.message));
      options.logger.error(`${channel as ChannelName} failed`, error);
      return failure('internal', 'Something went wrong inside the app. The details are in the log; try again.');
    }
  };
}

function failure(code: AppError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Trusts only the main frame of our own renderer page. */
export function createSenderCheck(rendererUrl: string): (sender: SenderInfo) => boolean {
  const expected = stripFragment(rendererUrl);
  if (!expected) throw new Error(`The renderer URL ${rendererUrl} is not a valid URL.`);
  return (sender) => sender.isMainFrame && sender.frameUrl !== null && stripFragment(sender.frameUrl) === expected;
}

function stripFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return '';
  }
}
