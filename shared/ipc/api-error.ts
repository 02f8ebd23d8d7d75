import type { ApiErrorCode } from './contract';

/**
 * An error the services throw to fail a call with a specific code; `createApiHandlers` turns it
 * into `{ code, message }` for the caller. Any other thrown value becomes `internal`.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiError';
    this.code = code;
  }
}
