import { ERROR_CATALOGUE, type ErrorCode } from '@family-share/shared';

/**
 * The one error class: thrown for what is unexpected or cuts a request short
 * (validation, authentication, an unreachable service). Expected business failures are
 * returned as Result values instead.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CATALOGUE[code].description,
    readonly options: { issues?: Array<{ path: string; message: string }>; cause?: unknown; retryAfterS?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}
