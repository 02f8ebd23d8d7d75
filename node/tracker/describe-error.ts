/** Turns anything thrown by viem or fetch into one readable line for a FailedRead or a log. */
import { BaseError } from 'viem';

/** One line: viem's short message and details, or the error's first line. */
export function describeError(error: unknown): string {
  if (error instanceof BaseError) {
    const details = error.details && !error.shortMessage.includes(error.details) ? `: ${error.details}` : '';
    return `${error.shortMessage}${details}`.split('\n')[0] ?? error.shortMessage;
  }
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.message;
  return String(error);
}
