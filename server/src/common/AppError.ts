import type { ErrorCode } from '@mockloop/shared';

/** An expected failure with a code the client understands; anything else is INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
