// Logging as router middleware: a channel with a describer gets one line per call, saying what
// the user asked for and what it came to (docs/architecture.md, "The IPC contract"). Handlers
// never log by hand; the logger blanks secrets itself, so a describer only chooses the words.
import type { ChannelName, Domain, Handlers } from '../shared/contract';
import type { Logger } from '../logging/logger';

type HandlerOf<C extends ChannelName> = C extends `${infer D extends Domain}:${infer V}` ? (V extends keyof Handlers[D] ? Handlers[D][V] : never) : never;
type Fn = (input: never) => unknown;
type InputOf<C extends ChannelName> = HandlerOf<C> extends Fn ? Parameters<HandlerOf<C>>[0] : never;
type OutputOf<C extends ChannelName> = HandlerOf<C> extends Fn ? Awaited<ReturnType<HandlerOf<C>>> : never;

export interface ChannelLog<C extends ChannelName> {
  /** What the user asked for, from the validated input: "Sign-in to <host> as <user>". */
  action(input: InputOf<C>): string;
  /** How the success line ends; "done" when absent. A failure ends with the error's sentence. */
  outcome?(output: OutputOf<C>): string;
}

/** One describer per logged channel; a channel without one (a poll, a window of rows) logs nothing. */
export type ChannelLogs = { [C in ChannelName]?: ChannelLog<C> };

export type AnyHandler = (input: unknown) => Promise<unknown>;

/** `handler`, logging each call's outcome at info and its failure at warn, then rethrowing it. */
export function withLogging(handler: AnyHandler, log: ChannelLog<ChannelName> | undefined, logger: Pick<Logger, 'info' | 'warn'>): AnyHandler {
  if (!log) return handler;
  const { action, outcome } = log as { action(input: unknown): string; outcome?(output: unknown): string };
  return async (input) => {
    const what = action(input);
    try {
      const output = await handler(input);
      logger.info(`${what}: ${outcome ? outcome(output) : 'done'}`);
      return output;
    } catch (error) {
      logger.warn(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };
}
