import type { ErrorCode } from './contract';

/** An error whose message is a sentence for the user; it crosses IPC as `{ code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
