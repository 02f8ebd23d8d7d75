export const STORE_ERROR_CODES = ['invalid', 'duplicate-wallet', 'closed'] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** A change the store refused; nothing was written. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
